import ChapterMarkdown
import Foundation

extension SearchIndex {
    /// One page to index, as the page writer has it: its file name, the label shown in results
    /// ("Chapter 12 · Title"), the sections its parsed document declares and its body HTML (as
    /// on the page, values already filled in). Its entries depend on nothing else, so a page
    /// equal to one indexed before has the same entries (``PageMemory``).
    struct Page: Hashable, Sendable {
        var href: String
        var label: String
        var sections: [Section]
        var bodyHTML: String

        /// A level-2 or level-3 heading of the document: its id and level (where its section
        /// starts on the page) and its text (what a result shows).
        struct Section: Hashable, Sendable {
            var id: String
            var level: Int
            var title: String
        }

        /// A chapter's page: its sections are the document's level-2 and level-3 headings, with
        /// the text the table of contents shows (maths as a reader says it: "x₁", not `\(x_1\)`).
        init(href: String, label: String, headings: [Heading], bodyHTML: String) {
            self.init(
                href: href, label: label,
                sections: headings.filter { $0.level == 2 || $0.level == 3 }.map {
                    Section(id: $0.id, level: $0.level, title: SearchIndex.readableHeading($0.text))
                }, bodyHTML: bodyHTML)
        }

        init(href: String, label: String, sections: [Section], bodyHTML: String) {
            self.href = href
            self.label = label
            self.sections = sections
            self.bodyHTML = bodyHTML
        }

        /// The text before the first section, then each section's heading and text; sections
        /// with neither are left out. The text of a section runs from the end of its heading
        /// element to the start of the next section's; a heading the body does not hold (an
        /// author's heading that the page leaves out) adds its text to the section before it.
        var entries: [Entry] {
            var found: [(section: Section, start: String.Index, textStart: String.Index)] = []
            var searchFrom = bodyHTML.startIndex
            for section in sections {
                let open = "<h\(section.level) id=\"\(HTML.escape(section.id))\">"
                guard let start = bodyHTML[searchFrom...].range(of: open) else { continue }
                let close = "</h\(section.level)>"
                let textStart = bodyHTML[start.upperBound...].range(of: close)?.upperBound ?? start.upperBound
                found.append((section, start.lowerBound, textStart))
                searchFrom = textStart
            }
            var result: [Entry] = []
            let introEnd = found.first?.start ?? bodyHTML.endIndex
            result.append(Entry(href: href, page: label, section: "", text: SearchIndex.plainText(bodyHTML[..<introEnd])))
            for (position, item) in found.enumerated() {
                let end = position + 1 < found.count ? found[position + 1].start : bodyHTML.endIndex
                result.append(
                    Entry(
                        href: href + "#" + item.section.id, page: label, section: item.section.title,
                        text: SearchIndex.plainText(bodyHTML[item.textStart..<end])))
            }
            return result.filter { !$0.text.isEmpty || !$0.section.isEmpty }
        }

        /// The entries as JSON objects joined by commas (a part of the index's array).
        var entriesJSON: String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return entries.compactMap { try? encoder.encode($0) }.map { String(decoding: $0, as: UTF8.self) }
                .joined(separator: ",")
        }
    }

    /// A heading's text as a result shows it: each `\(…\)` formula as plain text.
    static func readableHeading(_ text: String) -> String {
        guard text.contains("\\(") else { return text }
        var out = ""
        var rest = text[...]
        while let open = rest.range(of: "\\("), let close = rest[open.upperBound...].range(of: "\\)") {
            out += rest[..<open.lowerBound]
            out += MathText.plain(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return (out + rest).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
