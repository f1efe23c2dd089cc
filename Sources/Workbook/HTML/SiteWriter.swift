import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// Writes the workbook — chapter pages, index, handout, assets, figures — into a folder.
struct SiteWriter {
    let plan: BookPlan
    let store: RunStore
    let figures: [String: RenderedFigure]
    let options: BuildOptions

    var results: ResultsLookup { ResultsLookup(store: store) }
    var editionLabel: String? { options.edition == .student ? "Student edition" : nil }

    /// Chapters in this edition (instructor-only chapters are left out of the student one).
    var chapters: [(index: Int, chapter: PlannedChapter)] {
        plan.chapters.enumerated().filter { options.edition == .instructor || !$0.element.instructorOnly }
            .map { ($0.offset, $0.element) }
    }

    func write(to folder: URL) throws {
        let fm = FileManager.default
        _ = try SiteAssets().write(to: folder)
        let figureFolder = folder.appendingPathComponent("figures")
        try fm.createDirectory(at: figureFolder, withIntermediateDirectories: true)
        for stem in figures.keys.sorted() {
            for (ext, source) in figures[stem]!.files.sorted(by: { $0.key < $1.key }) {
                let target = figureFolder.appendingPathComponent("\(stem).\(ext)")
                // Cache files never change once written (content-addressed): a hard link is safe
                // and instant; fall back to copying across file systems.
                if link(source.path, target.path) != 0 {
                    try fm.copyItem(at: source, to: target)
                }
            }
        }
        let list = chapters
        for (position, entry) in list.enumerated() {
            let chapter = entry.chapter
            let body = chapterBody(chapterIndex: entry.index, vector: false, handout: false)
            let previous = position > 0 ? PageLink(title: list[position - 1].chapter.title, href: list[position - 1].chapter.pageName) : nil
            let next = position + 1 < list.count ? PageLink(title: list[position + 1].chapter.title, href: list[position + 1].chapter.pageName) : nil
            let page = ChapterPage(
                bookTitle: options.bookTitle, numberLabel: "Chapter \(chapter.number)", title: chapter.title,
                bodyHTML: body, contents: TableOfContentsEntry.outline(of: chapter.document.headings.filter { $0.level > 1 }),
                previous: previous, next: next, indexHref: "index.html", assetPrefix: "", editionLabel: editionLabel)
            try write(page.render(), folder.appendingPathComponent(chapter.pageName))
        }
        var entries = list.map { entry in
            TableOfContentsEntry(
                number: String(entry.chapter.number), title: entry.chapter.title, href: entry.chapter.pageName,
                sections: TableOfContentsEntry.outline(of: entry.chapter.document.headings.filter { $0.level == 2 }, page: entry.chapter.pageName)
                    .map { TableOfContentsEntry(number: nil, title: $0.title, href: $0.href, sections: []) })
        }
        let key = answerKey()
        if options.edition == .instructor && !key.isEmpty {
            let page = ChapterPage(
                bookTitle: options.bookTitle, numberLabel: nil, title: "Answer key", bodyHTML: key, contents: [],
                previous: list.last.map { PageLink(title: $0.chapter.title, href: $0.chapter.pageName) }, next: nil,
                indexHref: "index.html", assetPrefix: "", editionLabel: editionLabel)
            try write(page.render(), folder.appendingPathComponent("answers.html"))
            entries.append(TableOfContentsEntry(number: nil, title: "Answer key", href: "answers.html", sections: []))
        }
        entries.append(TableOfContentsEntry(number: nil, title: "Printable handout (all chapters)", href: "handout.html", sections: []))
        let index = IndexPage(
            bookTitle: options.bookTitle,
            subtitleHTML: "<p>Every figure, table and number in this workbook comes from experiments run by Labbook's Playground-exact trainer. Change a setting in a chapter and rebuild: everything that depends on it is recomputed.</p>",
            chapters: entries, assetPrefix: "", editionLabel: editionLabel)
        try write(index.render(), folder.appendingPathComponent("index.html"))
        try write(handout(), folder.appendingPathComponent("handout.html"))
    }

    func write(_ text: String, _ url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    // MARK: - Chapter bodies

    func chapterBody(chapterIndex: Int, vector: Bool, handout: Bool) -> String {
        let chapter = plan.chapters[chapterIndex]
        let body = chapter.document.renderHTML(
            directive: { directive in
                guard chapter.blocks.indices.contains(directive.index) else { return "" }
                return blockHTML(chapter.blocks[directive.index], vector: vector, handout: handout, chapterPath: chapter.displayPath)
            },
            role: { role in roleHTML(role, handout: handout, chapterPath: chapter.displayPath) })
        return Self.droppingLeadingTitle(body, handout: handout, title: chapter.title)
    }

    /// The page template shows the chapter title; an author's own leading `# Title` would
    /// repeat it, so it is dropped (in the handout it stays, as the chapter's heading).
    static func droppingLeadingTitle(_ body: String, handout: Bool, title: String) -> String {
        let trimmed = body.drop { $0 == "\n" || $0 == " " }
        if trimmed.hasPrefix("<h1"), let end = trimmed.range(of: "</h1>") {
            return handout ? String(trimmed) : String(trimmed[end.upperBound...])
        }
        return handout ? "<h1>\(HTML.escape(title))</h1>\n" + body : body
    }

    func blockHTML(_ block: PlannedBlock, vector: Bool, handout: Bool, chapterPath: String) -> String {
        switch block {
        case .experiment(let spec):
            return ExperimentHTML(
                spec: spec, figures: plan.figures[spec.id] ?? [], rendered: figures, results: results, vector: vector,
                figurePrefix: "figures/"
            ).html
        case .dataset(let spec):
            return simpleFigure(id: spec.id, kind: "data", caption: spec.caption ?? defaultDataCaption(spec), vector: vector)
        case .activations(let spec):
            let caption = spec.caption ?? "Activation functions (solid) and their derivatives (dashed)."
            return simpleFigure(id: spec.id, kind: "activations", caption: caption, vector: vector)
        case .question(let spec):
            return QuestionHTML(spec: spec, edition: options.edition, renderSnippet: { snippet($0, handout: handout, chapterPath: chapterPath) }).html
        case .invalid:
            return ""
        }
    }

    func defaultDataCaption(_ spec: DatasetSpec) -> String {
        let c = spec.settings.configuration
        return "The \(c.dataset.displayName.lowercased()) data set, noise \(javaScriptNumberString(c.noise)), \(javaScriptNumberString(c.trainRatio)) % training data (seed \(c.seed))" + (spec.showTestData ? ", test points outlined in black." : ": training points only.")
    }

    func simpleFigure(id: String, kind: String, caption: String, vector: Bool) -> String {
        guard let place = plan.figures[id]?.first?.place, let figure = figures["\(id)-\(kind)"] else { return "" }
        let stem = "\(id)-\(kind)"
        return """
            <figure class="lb-figure" id="\(place.anchor)">
            <a href="figures/\(stem).svg"><img src="figures/\(stem).\(vector ? "svg" : "png")" width="\(Int(figure.width))" height="\(Int(figure.height))" alt="\(HTML.escape(caption))"></a>
            <figcaption><span class="lb-fignum">Figure \(place.label)</span> \(HTML.escape(caption))</figcaption>
            </figure>

            """
    }

    /// Renders a Markdown snippet (question prompts, answers) with inline values.
    func snippet(_ text: String, handout: Bool, chapterPath: String) -> String {
        let (document, _) = ChapterSource.parse(text: text, path: chapterPath, directiveNames: [])
        return document.renderHTML(directive: { _ in "" }, role: { roleHTML($0, handout: handout, chapterPath: chapterPath) })
    }

    // MARK: - Inline roles

    func roleHTML(_ role: InlineRole, handout: Bool, chapterPath: String) -> String {
        switch role.name {
        case "value":
            guard let reference = try? ValueReference(parsing: role.content),
                let (_, spec) = plan.experiments[reference.experimentID]
            else { return "<span class=\"lb-value\">?</span>" }
            let (text, notReached) = results.value(reference, spec: spec)
            return "<span class=\"lb-value\(notReached ? " lb-not-reached" : "")\" title=\"from experiment \(HTML.escape(spec.id))\">\(HTML.escape(text))</span>"
        case "ref":
            let target = role.content.trimmingCharacters(in: " ")
            let checker = ReferenceChecker(plan: plan)
            if let place = checker.resolveFigure(target) {
                let page = handout ? "" : plan.chapters[place.chapterIndex].pageName
                return "<a class=\"lb-ref\" href=\"\(page)#\(place.anchor)\">Figure \(place.label)</a>"
            }
            if let (chapter, spec) = plan.experiments[target] {
                let page = handout ? "" : plan.chapters[chapter].pageName
                return "<a class=\"lb-ref\" href=\"\(page)#\(HTML.escape(spec.id))\">experiment \(HTML.escape(spec.id))</a>"
            }
            return HTML.escape(target)
        default:
            return HTML.escape(role.content)
        }
    }

    // MARK: - Answer key and handout

    func answerKey() -> String {
        var out = ""
        for (_, chapter) in chapters {
            let questions = chapter.blocks.compactMap { block -> QuestionSpec? in
                if case .question(let q) = block { return q }
                return nil
            }
            guard !questions.isEmpty else { continue }
            out += "<h2>Chapter \(chapter.number): \(HTML.escape(chapter.title))</h2>\n"
            for q in questions {
                out += "<div class=\"lb-answer\"><p><a href=\"\(chapter.pageName)#\(HTML.escape(q.id))\"><strong>\(HTML.escape(q.title ?? q.id))</strong></a></p>\n"
                if let answer = q.answer { out += snippet("**Answer:** " + QuestionHTML.answerText(q, answer), handout: false, chapterPath: chapter.displayPath) }
                out += "</div>\n"
            }
        }
        return out
    }

    func handout() -> String {
        var body = ""
        for (index, chapter) in chapters {
            body += "<section class=\"lb-handout-chapter\" id=\"chapter-\(chapter.number)\">\n"
            body += "<p class=\"lb-chapter-number\">Chapter \(chapter.number)</p>\n"
            body += chapterBody(chapterIndex: index, vector: true, handout: true)
            body += "</section>\n"
        }
        return HandoutPage(bookTitle: options.bookTitle, bodyHTML: body, editionLabel: editionLabel).render()
    }
}
