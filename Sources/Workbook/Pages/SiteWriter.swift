import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// Writes the workbook — chapter pages, index, handout, assets, figures — into a folder.
struct SiteWriter {
    let plan: BookPlan
    let results: BookResults
    let figures: [String: RenderedFigure]
    /// Which edition the pages are: the student one leaves out answers and instructor-only chapters.
    let edition: Edition
    /// Each experiment's downloadable data and runs (``ExperimentDownloads``), by ID.
    var downloads: [String: ExperimentDownloads] = [:]
    /// What earlier builds of this process computed (`labbook serve`), reused where unchanged.
    var memory: PageMemory? = nil

    /// Both editions say which they are: a printed instructor copy must not pass for a student's.
    var editionLabel: String? {
        guard edition == .student else { return "Instructor edition" }
        return studentName.map { "Student edition · \($0)" } ?? "Student edition"
    }
    /// The student whose variant this is (a roster build): named on the cover and every page.
    var studentName: String? = nil
    var bookTitle: String { plan.settings.title }

    /// Chapters in this edition (instructor-only chapters are left out of the student one).
    var chapters: [(index: Int, chapter: PlannedChapter)] {
        plan.chapters.enumerated().filter { edition == .instructor || !$0.element.instructorOnly }
            .map { ($0.offset, $0.element) }
    }

    /// Writes the site into `folder` through `writer`, which keeps every file whose bytes did
    /// not change from the published output instead of writing it again.
    func write(to folder: URL, writer: OutputWriter) throws {
        let fm = FileManager.default
        var trace = StageTrace()
        memory?.beginSite()
        let write = { (text: String, url: URL) throws in try writer.write(text, to: url) }
        try SiteAssets().write(to: folder, writer: writer)
        let figureFolder = folder.appendingPathComponent("figures")
        try fm.createDirectory(at: figureFolder, withIntermediateDirectories: true)
        for stem in figures.keys.sorted() {
            for (ext, source) in figures[stem]!.files.sorted(by: { $0.key < $1.key }) {
                // Copied, not linked: damage to the cache later must never change a published page.
                try writer.copy(source, to: figureFolder.appendingPathComponent("\(stem).\(ext)"))
            }
        }
        trace.mark("assets and figures")
        try writeDownloads(to: folder, writer: writer)
        trace.mark("downloads written")
        let list = chapters
        var entries = list.map { entry in
            TableOfContentsEntry(
                number: String(entry.chapter.number), title: entry.chapter.title, href: entry.chapter.pageName,
                sections: TableOfContentsEntry.outline(
                    of: entry.chapter.document.headings.filter { $0.level == 2 }, page: entry.chapter.pageName
                )
                .map { TableOfContentsEntry(number: nil, title: $0.title, href: $0.href, sections: []) })
        }
        var searchPages: [SearchIndex.Page] = []
        for (position, entry) in list.enumerated() {
            let chapter = entry.chapter
            let body = chapterBody(chapterIndex: entry.index, vector: false, handout: false)
            let previous = position > 0 ? PageLink(title: list[position - 1].chapter.title, href: list[position - 1].chapter.pageName) : nil
            let next =
                position + 1 < list.count
                ? PageLink(title: list[position + 1].chapter.title, href: list[position + 1].chapter.pageName) : nil
            let page = ChapterPage(
                bookTitle: bookTitle, numberLabel: "Chapter \(chapter.number)", title: chapter.title,
                bodyHTML: body, contents: TableOfContentsEntry.outline(of: chapter.document.headings.filter { $0.level > 1 }),
                previous: previous, next: next, indexHref: "index.html", assetPrefix: "", editionLabel: editionLabel,
                chapters: entries, pageHref: chapter.pageName, searchIndexHref: SearchIndex.fileName, language: language)
            try write(page.render(), folder.appendingPathComponent(chapter.pageName))
            searchPages.append(
                .init(
                    href: chapter.pageName, label: "Chapter \(chapter.number) · \(chapter.title)", headings: chapter.document.headings,
                    bodyHTML: body))
        }
        trace.mark("chapter pages")
        try write(SearchIndex(pages: searchPages, memory: memory).javaScript, folder.appendingPathComponent(SearchIndex.fileName))
        trace.mark("search index")
        let key = answerKey()
        if edition == .instructor && !key.isEmpty {
            let page = ChapterPage(
                bookTitle: bookTitle, numberLabel: nil, title: "Answer key", bodyHTML: key, contents: [],
                previous: list.last.map { PageLink(title: $0.chapter.title, href: $0.chapter.pageName) }, next: nil,
                indexHref: "index.html", assetPrefix: "", editionLabel: editionLabel,
                chapters: entries, pageHref: "answers.html", searchIndexHref: SearchIndex.fileName, language: language)
            try write(page.render(), folder.appendingPathComponent("answers.html"))
            entries.append(TableOfContentsEntry(number: nil, title: "Answer key", href: "answers.html", sections: []))
        }
        entries.append(TableOfContentsEntry(number: nil, title: "Printable handout (all chapters)", href: "handout.html", sections: []))
        let index = IndexPage(
            bookTitle: bookTitle,
            subtitleHTML: bookIntroduction + labPlan(linked: true).html
                + "<p>Every figure, table and number in this workbook comes from experiments run by Labbook's Playground-exact trainer. Change a setting in a chapter and rebuild: everything that depends on it is recomputed.</p>",
            chapters: entries, assetPrefix: "", editionLabel: editionLabel, searchIndexHref: SearchIndex.fileName,
            language: language)
        try write(index.render(), folder.appendingPathComponent("index.html"))
        trace.mark("answers and index")
        try write(handout(), folder.appendingPathComponent("handout.html"))
        try write(HandoutPageNumbers.empty, folder.appendingPathComponent(HandoutPageNumbers.fileName))
        trace.mark("handout")
        memory?.finishSite()
    }

    /// Each experiment's files under `data/<id>/`, with the page that lists them.
    func writeDownloads(to folder: URL, writer: OutputWriter) throws {
        for (_, chapter) in chapters {
            for case .experiment(let spec) in chapter.blocks {
                guard let entry = downloads[spec.id] else { continue }
                let target = folder.appendingPathComponent(entry.folder)
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                for file in entry.files {
                    try writer.write(file.bytes, to: target.appendingPathComponent(file.name))
                }
                let page = DownloadsPage(
                    downloads: entry, bookTitle: bookTitle, editionLabel: editionLabel, chapterPage: chapter.pageName,
                    chapterTitle: chapter.title, language: language)
                try writer.write(page.render(), to: target.appendingPathComponent(ExperimentDownloads.indexName))
            }
        }
    }

    /// The book's `language`, every page's `lang`.
    var language: String { plan.settings.language }

    /// The subtitle and authors from `labbook.yml`, above the index's own introduction.
    var bookIntroduction: String {
        var html = ""
        if let subtitle = plan.settings.subtitle { html += "<p class=\"lb-subtitle\">\(HTML.escape(subtitle))</p>\n" }
        if !plan.settings.authors.isEmpty {
            html += "<p class=\"lb-authors\">\(HTML.escape(plan.settings.authors.joined(separator: ", ")))</p>\n"
        }
        return html
    }

    // MARK: - Chapter bodies

    /// A chapter's body, for its page or (`vector`, `handout`) for the handout: remembered from
    /// an earlier build when its inputs are equal (``PageMemory``), else rendered.
    func chapterBody(chapterIndex: Int, vector: Bool, handout: Bool) -> String {
        guard let memory else { return renderChapterBody(chapterIndex: chapterIndex, vector: vector, handout: handout) }
        let chapter = bodyInputs(chapterIndex: chapterIndex, vector: vector, handout: handout)
        return memory.body(chapter, book: bodyInputs(outside: chapterIndex)) {
            renderChapterBody(chapterIndex: chapterIndex, vector: vector, handout: handout)
        }
    }

    func renderChapterBody(chapterIndex: Int, vector: Bool, handout: Bool) -> String {
        let chapter = plan.chapters[chapterIndex]
        let body = chapter.document.renderHTML(
            directive: { directive in
                guard chapter.blocks.indices.contains(directive.index) else { return "" }
                return blockHTML(chapter.blocks[directive.index], vector: vector, handout: handout)
            },
            role: { role in
                roleHTML(
                    chapter.roles.indices.contains(role.index) ? chapter.roles[role.index] : .unresolved(role.content), handout: handout)
            })
        return Self.droppingLeadingTitle(ValueRule.once(in: body), handout: handout, title: chapter.title)
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

    func blockHTML(_ block: PlannedBlock, vector: Bool, handout: Bool) -> String {
        switch block {
        case .experiment(let spec) where plan.isWorksheet(spec.id):
            let panels = ResultPanel.panels(of: spec, results: results[spec.id])
            return WorksheetHTML(
                id: spec.id, title: spec.title, panels: panels, display: spec.display,
                figuresHTML: shownFigures(
                    spec.id, ownerName: FigureDescription.subject(caption: spec.caption, title: spec.title), caption: spec.caption,
                    display: spec.display, panels: panels, vector: vector),
                sweep: spec.sweep, rowLinks: spec.isSweep, isComparison: false, record: spec.recordItems,
                runs: spec.worksheetRuns, downloads: handout ? nil : downloads[spec.id]
            ).html
        case .comparison(let spec) where plan.isWorksheet(spec.id):
            let experiments = spec.experimentIDs.compactMap { plan.experiments[$0]?.spec }
            let panels = ResultPanel.panels(of: spec, experiments: experiments, results: results)
            return WorksheetHTML(
                id: spec.id, title: spec.title, panels: panels, display: spec.display,
                figuresHTML: shownFigures(
                    spec.id, ownerName: FigureDescription.subject(caption: spec.caption, title: spec.title), caption: spec.caption,
                    display: spec.display, panels: panels, vector: vector),
                sweep: [], rowLinks: true, isComparison: true,
                record: RecordItem.defaults(for: panels.first?.settings.configuration.stopRule)
            ).html
        case .experiment(let spec):
            return ExperimentHTML(
                spec: spec, figures: plan.figures[spec.id] ?? [], rendered: figures, results: results[spec.id],
                vector: vector, figurePrefix: "figures/", downloads: handout ? nil : downloads[spec.id],
                worksheetKey: plan.worksheets.contains(spec.id)
            ).html
        case .comparison(let spec):
            let experiments = spec.experimentIDs.compactMap { plan.experiments[$0]?.spec }
            return ComparisonHTML(
                spec: spec, panels: ResultPanel.panels(of: spec, experiments: experiments, results: results),
                figures: plan.figures[spec.id] ?? [], rendered: figures, vector: vector,
                worksheetKey: plan.worksheets.contains(spec.id)
            ).html
        case .dataset(let spec):
            return simpleFigure(id: spec.id, kind: .data, caption: spec.caption ?? defaultDataCaption(spec), vector: vector)
        case .activations(let spec):
            let caption = spec.caption ?? "Activation functions (solid) and their derivatives (dashed)."
            return simpleFigure(id: spec.id, kind: .activations, caption: caption, vector: vector)
        case .question(let question):
            return QuestionHTML(
                question: question, edition: edition, folded: !handout, render: { snippetHTML($0, handout: handout) },
                numericHTML: question.numeric.map { roleHTML(.value($0.shownValue), handout: handout) }
            ).html
        case .invalid:
            return ""
        }
    }

    /// The figures the plan keeps for this edition (a worksheet's data figures).
    func shownFigures(
        _ id: String, ownerName: String, caption: String?, display: PanelDisplay, panels: [ResultPanel], vector: Bool
    ) -> String {
        let figure = PanelFigureHTML(
            ownerID: id, ownerName: ownerName, authorCaption: caption, display: display, panels: panels,
            rendered: figures, vector: vector, figurePrefix: "figures/")
        return (plan.figures[id] ?? []).map { figure.html($0) }.joined()
    }

    func defaultDataCaption(_ spec: DatasetSpec) -> String {
        let c = spec.settings.configuration
        let ratio =
            c.pointSet?.hasSplit == true
            ? "the file's own training and test sets" : "\(javaScriptNumberString(c.trainRatio)) % training data"
        let data =
            c.pointSet.map { "The points of \($0.fileName)" }
            ?? "The \(c.datasetDisplayName.lowercased()) data set, noise \(javaScriptNumberString(c.noise))"
        return "\(data), \(ratio) (seed \(c.seed))" + (spec.showTestData ? ", test points outlined in black. " : ": training points only. ")
            + FigureDescription.markerText(testData: spec.showTestData)
    }

    func simpleFigure(id: String, kind: FigureKind, caption: String, vector: Bool) -> String {
        let stem = "\(id)-\(kind.rawValue)"
        guard let place = plan.figures[id]?.first?.place, let figure = figures[stem] else { return "" }
        return """
            <figure class="lb-figure\(figure.width > 640 ? " lb-wide" : "")" id="\(place.anchor)">
            \(FigureImageHTML(stem: stem, figure: figure, alt: FigureDescription.sentence(caption), vector: vector, figurePrefix: "figures/").html)<figcaption><span class="lb-fignum">Figure \(place.label)</span> \(HTML.escape(caption)) \(FigureLink.html(href: "figures/\(stem).svg", label: place.label))</figcaption>
            </figure>

            """
    }

    /// A question's Markdown field, parsed and resolved during analysis.
    func snippetHTML(_ snippet: PlannedSnippet, handout: Bool) -> String {
        ValueRule.once(
            in: snippet.document.renderHTML(
                directive: { _ in "" },
                role: { role in
                    roleHTML(
                        snippet.roles.indices.contains(role.index) ? snippet.roles[role.index] : .unresolved(role.content), handout: handout
                    )
                }))
    }

    // MARK: - Inline roles

    func roleHTML(_ resolved: ResolvedRole, handout: Bool) -> String {
        switch resolved {
        case .value(let value):
            if let blank = value.blank { return Self.blankHTML(blank) }
            guard let (_, spec) = plan.experiments[value.experimentID] else { return "" }
            let (text, notReached) = ValueText(spec: spec, results: results[spec.id]).text(value)
            // The rule ("(median of 5 seeds)") in its own span: ``ValueRule`` keeps one per paragraph.
            let (shown, rule) = ValueRule.split(text)
            let ruleHTML = rule.map { ValueRule.open + HTML.escape($0) + ValueRule.close } ?? ""
            return
                "<span class=\"lb-value\(notReached ? " lb-not-reached" : "")\" title=\"from experiment \(HTML.escape(spec.id))\">\(HTML.escape(shown))\(ruleHTML)</span>"
        case .figure(let place):
            let page = handout ? "" : plan.chapters[place.chapterIndex].pageName
            return "<a class=\"lb-ref\" href=\"\(page)#\(place.anchor)\">Figure \(place.label)</a>"
        case .experiment(let chapter, let id):
            let page = handout ? "" : plan.chapters[chapter].pageName
            return "<a class=\"lb-ref\" href=\"\(page)#\(id)\">experiment \(HTML.escape(id))</a>"
        case .claim:
            return ""  // checked by the build (``ClaimCheck``); the prose says it in words
        case .withheld:
            return Self.blankHTML(ValueBlank.line)
        case .unresolved(let text):
            return HTML.escape(text)
        }
    }

    /// A blank to fill in, where this edition leaves a number or a reference out.
    static func blankHTML(_ text: String) -> String {
        "<span class=\"lb-blank\" title=\"fill in from your own runs\">\(HTML.escape(text))</span>"
    }

    // MARK: - Answer key and handout

    /// Every question with its prompt and choices, the answer and a link back to the question.
    func answerKey() -> String {
        var out = ""
        for (_, chapter) in chapters {
            let questions = chapter.blocks.compactMap { block -> PlannedQuestion? in
                if case .question(let q) = block { return q }
                return nil
            }
            guard !questions.isEmpty else { continue }
            out += "<h2>Chapter \(chapter.number): \(HTML.escape(chapter.title))</h2>\n"
            for question in questions {
                let spec = question.spec
                out +=
                    "<section class=\"lb-answer-entry\">\n<h3><a href=\"\(chapter.pageName)#\(spec.id)\">\(HTML.escape(spec.title ?? spec.id))</a></h3>\n"
                let html = QuestionHTML(
                    question: question, edition: .instructor, render: { snippetHTML($0, handout: false) },
                    numericHTML: question.numeric.map { roleHTML(.value($0.shownValue), handout: false) })
                out += html.promptAndChoices
                out += html.answerBlock(folded: false)
                out += "</section>\n"
            }
        }
        return out
    }

    /// The student edition's worksheets with their times (none in the instructor edition).
    func labPlan(linked: Bool) -> LabPlanHTML {
        guard edition == .student else { return LabPlanHTML(sheets: []) }
        var sheets: [LabPlanHTML.Sheet] = []
        var done = Set<String>()
        for (_, chapter) in chapters {
            for block in chapter.blocks {
                guard let id = block.id, plan.isWorksheet(id) else { continue }
                let table: WorksheetTableHTML
                let title: String?
                switch block {
                case .experiment(let spec):
                    table = WorksheetTableHTML(
                        panels: ResultPanel.panels(of: spec, results: results[spec.id]), display: spec.display,
                        record: spec.recordItems, runs: spec.worksheetRuns, blank: true, id: id)
                    title = spec.title ?? spec.caption
                case .comparison(let spec):
                    let experiments = spec.experimentIDs.compactMap { plan.experiments[$0]?.spec }
                    let panels = ResultPanel.panels(of: spec, experiments: experiments, results: results)
                    table = WorksheetTableHTML(
                        panels: panels, display: spec.display,
                        record: RecordItem.defaults(for: panels.first?.settings.configuration.stopRule),
                        runs: .all, blank: true, id: id)
                    title = spec.title ?? spec.caption
                default: continue
                }
                let href = linked ? "\(chapter.pageName)#\(id)" : "#\(id)"
                // Named as the page names it: its title, else its caption; an ID only as a last resort.
                // A comparison of worksheets repeats their runs: nothing more to do in the lab.
                let minutes = LabTime(table, done: &done).minutes
                if minutes > 0 { sheets.append(.init(title: "Chapter \(chapter.number): " + (title ?? id), href: href, minutes: minutes)) }
            }
        }
        return LabPlanHTML(sheets: sheets)
    }

    func handout() -> String {
        var body = ""
        var contents: [HandoutContentsEntry] = []
        for (index, chapter) in chapters {
            let chapterHTML = chapterBody(chapterIndex: index, vector: true, handout: true)
            body += "<section class=\"lb-handout-chapter\" id=\"chapter-\(chapter.number)\">\n"
            body += "<p class=\"lb-chapter-number\">Chapter \(chapter.number)</p>\n"
            body += chapterHTML
            body += "</section>\n"
            contents.append(
                HandoutContentsEntry(
                    number: String(chapter.number), title: chapter.title, href: "#chapter-\(chapter.number)",
                    heading: PlainText.firstHeading(in: chapterHTML) ?? chapter.title, isChapter: true))
            for heading in chapter.document.headings where heading.level == 2 {
                contents.append(
                    HandoutContentsEntry(
                        number: nil, title: heading.text, href: "#\(heading.id)", heading: heading.text, isChapter: false))
            }
        }
        return HandoutPage(
            bookTitle: bookTitle,
            bodyHTML: {
                var plan = labPlan(linked: false); plan.heading = false; return plan.html
            }() + body, editionLabel: editionLabel, settings: plan.settings, contents: contents
        ).render()
    }
}
