import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// A small book built end to end, checked in the HTML it produces.
@Suite("Building a workbook", .serialized)
struct BuildTests {
    @Test func figuresAreWrittenNumberedAndCaptioned() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let report = try book.build()
        #expect(report.chapters == 2)
        #expect(report.experiments == 3)
        let page = try book.page("01-gauss.html")
        // Chapter 3's figures are 3.1, 3.2, 3.3 in page order.
        for (number, kind) in [(1, "boundary"), (2, "network"), (3, "loss")] {
            #expect(page.contains("id=\"fig-gauss-x1-\(kind)\""))
            #expect(page.contains("<span class=\"lb-fignum\">Figure 3.\(number)</span>"))
            #expect(page.contains("src=\"figures/gauss-x1-\(kind).png\""))
            for ext in ["png", "svg", "pdf"] {
                let file = book.output.appendingPathComponent("figures/gauss-x1-\(kind).\(ext)")
                #expect(FileManager.default.fileExists(atPath: file.path), "\(file.lastPathComponent)")
            }
        }
        let second = try book.page("02-xor.html")
        #expect(second.contains("Figure 4.1") && second.contains("Figure 4.2") && second.contains("Figure 4.3"))
    }

    @Test func inlineValuesComeFromTheRuns() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        var c = TrainingConfiguration()
        c.dataset = .gauss
        c.features = [.x1]
        c.hidden = []
        c.learningRate = 0.001
        c.epochs = 300
        c.stopRule = try StopRule(parsing: "test-loss <= 0.02")
        let run = Trainer(configuration: c).run()
        let epoch = try #require(run.targetEpoch)
        let page = try book.page("01-gauss.html")
        #expect(page.contains(">\(epoch) epochs</span>"))
        #expect(page.contains(">\(String(format: "%.3f", run.finalTestLoss))</span>"))
        // Several seeds say so.
        let xor = try book.page("02-xor.html")
        #expect(xor.contains("(median of"))
        #expect(xor.contains("of 3 seeds</span>"))
        // A sweep's best combination, and one combination's value.
        #expect(
            xor.contains("class=\"lb-value\" title=\"from experiment xor-acts\">relu</span>")
                || xor.contains("title=\"from experiment xor-acts\">tanh</span>"))
        // The rule in its own span, said once per paragraph (``ValueRule``).
        #expect(xor.contains(" %<span class=\"lb-value-rule\"> (median of 2 seeds)</span></span>"))
        #expect(!xor.contains("class=\"lb-value\">?</span>"))
    }

    @Test func aTargetNeverReachedSaysSo() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.edit("01-gauss.md") { $0.replacingOccurrences(of: "epochs: 300", with: "epochs: 3") }
        try book.build()
        #expect(try book.page("01-gauss.html").contains("not reached in 3 epochs"))
    }

    @Test func tablesLinksAndConfigurationBlocks() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let xor = try book.page("02-xor.html")
        // Several seeds and a sweep get a results table; the sweep gets a row per combination.
        #expect(xor.count(of: "<table class=\"lb-results\">") == 2)
        #expect(xor.contains("<td>relu</td>") && xor.contains("<td>tanh</td>"))
        #expect(xor.contains("<details class=\"lb-config\">"))
        // The Playground link reproduces the run: same settings, same seed.
        let gauss = try book.page("01-gauss.html")
        var c = TrainingConfiguration()
        c.dataset = .gauss
        c.features = [.x1]
        c.hidden = []
        c.learningRate = 0.001
        let link = PlaygroundLink.url(for: c, seed: "1").replacingOccurrences(of: "&", with: "&amp;")
        #expect(gauss.contains("href=\"\(link)\""))
        // One seed, no sweep: no table.
        #expect(!gauss.contains("lb-results"))
    }

    @Test func mathReachesThePageUntouched() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let page = try book.page("01-gauss.html")
        #expect(page.contains(#"<span class="math inline">\(z = \sum_i w_i x_i + b\)</span>"#))
        #expect(page.contains(#"\frac{\partial L}{\partial w}"#))
        #expect(page.contains(#"\(x_1\)"#))
        #expect(page.contains(#"\[E = \frac{1}{m}\sum_i L_i\]"#))
        #expect(page.contains("Costs $5 and $6 are not math"))
        // KaTeX is local: no network needed.
        #expect(page.contains("assets/katex/katex.min.js"))
        #expect(!page.contains("cdn."))
        #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent("assets/katex/katex.min.js").path))
    }

    @Test func authorTextIsEscapedAndRawHTMLPassesThrough() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let page = try book.page("01-gauss.html")
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("with &lt;b&gt;X₁&lt;/b&gt; alone"))
        #expect(page.contains("<div class=\"raw-author-html\"><em>Raw HTML passes through.</em></div>"))
        // GitHub-flavoured Markdown.
        #expect(page.contains("<del>struck</del>"))
        #expect(page.contains("<a href=\"https://example.org/autolink\">"))
        #expect(page.contains("<table>"))
        #expect(page.contains("footnote"))
    }

    @Test func crossReferencesLinkAcrossPages() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let xor = try book.page("02-xor.html")
        #expect(xor.contains("<a class=\"lb-ref\" href=\"02-xor.html#fig-xor-seeds-loss\">Figure 4.1</a>"))
        #expect(xor.contains("<a class=\"lb-ref\" href=\"01-gauss.html#fig-gauss-x1-loss\">Figure 3.3</a>"))
        let index = try book.page("index.html")
        #expect(index.contains("href=\"01-gauss.html\"") && index.contains("href=\"02-xor.html\""))
        let gauss = try book.page("01-gauss.html")
        #expect(gauss.contains("href=\"02-xor.html\""))  // next chapter
    }

    @Test func theStudentEditionLeavesAnswersOutAndSharesTheCache() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let instructor = try book.page("02-xor.html")
        #expect(instructor.contains("SECRET-EXPLANATION"))
        #expect(instructor.contains("INSTRUCTOR-NOTE"))
        #expect(try book.page("answers.html").contains("(a) ReLU"))
        let report = try book.build(edition: .student)
        #expect(report.trainedExperiments == 0)
        #expect(report.renderedFigures == 0)
        let student = try book.page("02-xor.html")
        #expect(student.contains("Which activation reached the target first?"))
        #expect(!student.contains("SECRET-EXPLANATION"))
        #expect(!student.contains("INSTRUCTOR-NOTE"))
        #expect(!student.contains("lb-answer"))
        #expect(!FileManager.default.fileExists(atPath: book.output.appendingPathComponent("answers.html").path))
        #expect(!(try book.page("handout.html")).contains("SECRET-EXPLANATION"))
    }

    @Test func theHandoutHasEveryChapterWithVectorFigures() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let handout = try book.page("handout.html")
        #expect(handout.count(of: "class=\"lb-handout-chapter\"") == 2)
        #expect(handout.contains("src=\"figures/gauss-x1-boundary.svg\""))
        #expect(!handout.contains(".png\" width"))
        #expect(handout.contains("href=\"#fig-xor-seeds-loss\""))
    }
}
