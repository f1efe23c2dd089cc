import ChapterMarkdown

/// A link to another page of the workbook, as the footer's previous/next navigation shows it.
/// `title` is author text (escaped when rendered); `href` is a relative address.
public struct PageLink: Sendable, Hashable {
    public var title: String
    public var href: String

    public init(title: String, href: String) {
        self.title = title
        self.href = href
    }
}

/// One line of a table of contents: a chapter on the index page, or a heading in a chapter's
/// own contents; `sections` nests the level below (chapter → h2 → h3).
public struct TableOfContentsEntry: Sendable, Hashable {
    /// A label shown before the title, e.g. "Chapter 12" or "12.3"; nil for none.
    public var number: String?
    /// Author text; may contain `\(…\)` math, which KaTeX typesets on the page.
    public var title: String
    public var href: String
    public var sections: [TableOfContentsEntry]

    public init(number: String? = nil, title: String, href: String, sections: [TableOfContentsEntry] = []) {
        self.number = number
        self.title = title
        self.href = href
        self.sections = sections
    }

    /// A chapter's outline from its headings: each h2 with the h3s that follow it nested
    /// below; an h3 before the first h2 stays at the top level so nothing is lost. Other
    /// levels are left out (h1 is the chapter title; h4+ would make the sidebar noisy).
    /// `page` is prefixed to the `#id` so the same outline can link from another page.
    public static func outline(of headings: [Heading], page: String = "") -> [TableOfContentsEntry] {
        var entries: [TableOfContentsEntry] = []
        var lastIsSection = false  // whether entries.last is an h2 that can take h3s
        for heading in headings {
            let entry = TableOfContentsEntry(title: heading.text, href: page + "#" + heading.id)
            switch heading.level {
            case 2:
                entries.append(entry)
                lastIsSection = true
            case 3 where lastIsSection:
                entries[entries.count - 1].sections.append(entry)
            case 3:
                entries.append(entry)
            default:
                continue
            }
        }
        return entries
    }
}
