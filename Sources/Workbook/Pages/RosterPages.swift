import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// The instructor's index of a roster build: one line per student, leading to that student's
/// own edition (`students/ID/`). Written at the top of the output, beside the students' folders.
struct RosterIndexPage {
    let plan: BookPlan
    let students: [Roster.Student]

    func write(into folder: URL, writer: OutputWriter) throws {
        try SiteAssets().write(to: folder, writer: writer)
        let entries = students.map {
            TableOfContentsEntry(number: nil, title: "\($0.name) (\($0.id))", href: "students/\($0.id)/index.html", sections: [])
        }
        let page = IndexPage(
            bookTitle: plan.settings.title,
            subtitleHTML:
                "<p>One student edition per student of the roster (\(students.count)). Each student's worksheets run on seeds of their own, so every row's link opens that student's runs; the key to them is written by the instructor build with the same roster (<code>labbook build --roster</code>), never into a student's output.</p>",
            chapters: entries, assetPrefix: "", editionLabel: "Student editions", searchIndexHref: nil,
            language: plan.settings.language)
        try writer.write(page.render(), to: folder.appendingPathComponent("index.html"))
    }
}

/// The key to every student's worksheets (`key.csv`, `key.html`), from the same analysis as the
/// instructor edition's own key: the rows and columns of each worksheet, filled with what the
/// Playground shows for that student's runs.
struct VariantKey {
    let plan: BookPlan
    let variants: [(StudentVariant, BookPlan, BookResults)]

    func write(into folder: URL, writer: OutputWriter) throws {
        try writer.write(csv, to: folder.appendingPathComponent("key.csv"))
        try writer.write(answersTemplate, to: folder.appendingPathComponent("answers-template.csv"))
        let page = ChapterPage(
            bookTitle: plan.settings.title, numberLabel: nil, title: "Key to every student's worksheets", bodyHTML: html, contents: [],
            previous: nil, next: nil, indexHref: "index.html", assetPrefix: "", editionLabel: "Instructor edition",
            chapters: [], pageHref: "key.html", searchIndexHref: nil, language: plan.settings.language)
        try writer.write(page.render(), to: folder.appendingPathComponent("key.html"))
    }

    var csv: String {
        ([KeyRow.csvHeader] + KeyRow.rows(variants).map(\.csvLine)).joined(separator: "\n") + "\n"
    }

    /// What students fill in and `labbook grade` reads: the key's rows without the values.
    var answersTemplate: String {
        let lines = KeyRow.rows(variants).map { row in
            [row.studentID, row.name, row.experiment, row.combination, row.run, row.quantity.rawValue, ""].map(KeyRow.csvField).joined(
                separator: ",")
        }
        return ([Grading.answersHeader] + lines).joined(separator: "\n") + "\n"
    }

    /// Every worksheet experiment of a variant, in book order.
    static func worksheets(_ plan: BookPlan) -> [ExperimentSpec] {
        plan.experimentsInOrder.filter { plan.worksheets.contains($0.id) }
    }

    var html: String {
        var out =
            "<p>The rows and columns of each worksheet, filled with what the Playground shows for each student's own runs (the same rule as the worksheet keys of the instructor edition). <a href=\"key.csv\">key.csv</a> holds the same values, and each at full precision.</p>\n"
        for (variant, variantPlan, results) in variants {
            out +=
                "<section class=\"lb-student-key\" id=\"student-\(variant.student.id)\">\n<h2>\(HTML.escape(variant.student.name)) <small>(\(HTML.escape(variant.student.id)))</small></h2>\n"
            for spec in Self.worksheets(variantPlan) {
                out += "<h3>\(HTML.escape(spec.title ?? spec.id))</h3>\n"
                out +=
                    WorksheetTableHTML(
                        panels: ResultPanel.panels(of: spec, results: results[spec.id]), display: spec.display,
                        record: spec.recordItems, runs: spec.worksheetRuns, blank: false, id: spec.id
                    ).html
            }
            out += "</section>\n"
        }
        return out
    }
}
