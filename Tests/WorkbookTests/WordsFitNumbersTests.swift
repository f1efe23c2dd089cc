import ChapterMarkdown
import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// Words that fit the numbers (issue 23.3): a unit is printed once, a range whose ends print
/// alike is printed once and said to be every run's, the median rule is stated once per
/// paragraph, alt texts stay short and name no internal ID, search reads maths as text.
@Suite("Words that fit the numbers")
struct WordsFitNumbersTests {
    static let path = "Chapters/01-a.md"

    @Test func aValueFollowedByTheUnitItPrintsWarnsAtTheRoleWithTheFix() throws {
        let text = """
            ---
            title: A
            ---

            It took {value}`q.epochs-range` epochs, at {value}`q.test-accuracy` % accuracy.
            Seed 2 stops at epoch {value}`q[seed=2].epochs`.
            Fine: {number}`q.epochs-range` epochs, {value}`q.epochs`, {value}`q.test-loss` epochs later,
            {value}`q.reached` seeds reached it; {value}`q.epochs` epochsworth is no unit.
            """
        let warnings = ValueUnitCheck.warnings(text: text, path: Self.path)
        #expect(warnings.allSatisfy { $0.id == .doubledUnit && $0.severity == .warning })
        #expect(
            warnings.map { $0.location?.description } == [
                "\(Self.path):5:9", "\(Self.path):5:44", "\(Self.path):6:23", "\(Self.path):8:1",
            ])
        #expect(warnings[0].hint?.contains("{number}`q.epochs-range`") == true)
        #expect(warnings[2].hint == "write epoch {number}`q[seed=2].epochs`")
    }

    @Test func checkReportsTheDoubledUnitAsAWarningAtTheRole() throws {
        let book = try FixtureBook("claims")
        defer { book.remove() }
        try book.edit("01-claims.md") {
            $0.replacingOccurrences(of: "## Over seeds", with: "Each took {value}`fast.epochs-range` epochs.\n\n## Over seeds")
        }
        let plan = Builder(options: book.options).check()
        let doubled = plan.diagnostics.filter { $0.id == .doubledUnit }
        #expect(doubled.count == 1)
        #expect(doubled.first?.severity == .warning)
        #expect(doubled.first?.location?.description.hasPrefix("Chapters/01-claims.md:") == true)
        #expect(doubled.first?.location?.column == 11)
        #expect(!plan.diagnostics.contains { $0.severity == .error })
    }

    @Test func aRangeWhoseEndsPrintAlikePrintsOnceAndSaysSo() {
        let r = CombinationResults(
            runs: [
                ResultsAnalysisTests.run("1", reached: 40, loss: 0.0201), ResultsAnalysisTests.run("2", reached: 40, loss: 0.0198),
                ResultsAnalysisTests.run("3", reached: 40, loss: 0.0204),
            ], epochBudget: 100, stopRule: ResultsAnalysisTests.rule)
        let text = ValueText(spec: ResultsAnalysisTests.spec(seeds: 3), results: [r])
        func value(_ metric: ValueMetric, plain: Bool) -> String {
            text.text(ResolvedValue(experimentID: "e", combinations: [0], metric: metric, plain: plain)).text
        }
        #expect(value(.testLossRange, plain: false) == "0.020 in all 3 seeds")
        #expect(value(.testLossRange, plain: true) == "0.020")
        #expect(value(.epochsRange, plain: false) == "40 epochs in all 3 seeds")
        // A table cell: the value once and that it is all the runs'.
        let table = ResultsTableHTML(panels: [], display: PanelDisplay(), rowLinks: false)
        let cell = table.statisticText(r.finalTestLoss, r, ValueFormatting.loss)
        #expect(cell == "0.020<br><span class=\"lb-range\">(all 3)</span>")
        #expect(!cell.contains("0.020–0.020"))
        // Ends that differ in print still print as a range.
        let spread = Statistic([0.012, 0.031])!
        #expect(ValueFormatting.range(spread, ValueFormatting.loss) == "0.012–0.031")
    }

    @Test func theMedianRuleIsStatedOncePerParagraph() {
        let rule = ValueRule.open + " (median of 5 seeds)" + ValueRule.close
        let html = "<p>A: 1 epochs\(rule), B: 0.020\(rule).</p>\n<p>C: 2 epochs\(rule).</p>\n<p>The median: 3 epochs\(rule).</p>"
        let once = ValueRule.once(in: html)
        #expect(once.components(separatedBy: "median of 5 seeds").count - 1 == 2)
        #expect(once.hasPrefix("<p>A: 1 epochs\(rule), B: 0.020.</p>"))
        #expect(once.hasSuffix("<p>The median: 3 epochs.</p>"))
        let split = ValueRule.split("121 epochs (median of 5 seeds)")
        #expect(split.value == "121 epochs" && split.rule == " (median of 5 seeds)")
        #expect(ValueRule.split("238 epochs (median of 5 seeds; 2 did not reach it in 3000 epochs)").rule == nil)
    }

    @Test func altTextsAreSentencesOfAtMost250CharactersAndTheRestIsInTheLongDescription() {
        let head = "Decision boundary of “XOR, 4 hidden neurons”."
        let details = (1...6).map {
            "Combination \($0) reached test loss ≤ 0.02 at epoch \($0 * 100), with final test loss 0.012 and test accuracy 99.2 %."
        }
        let (text, kept) = FigureDescription.fitting(head, details)
        #expect(text.count <= FigureDescription.altLimit)
        #expect(kept == 1 && text.hasSuffix("99.2 %."))
        #expect(FigureDescription.subject(caption: nil, title: "Q4 — XOR") == "“Q4 — XOR”")
        #expect(FigureDescription.subject(caption: String(repeating: "word ", count: 40), title: nil).count <= 93)
        #expect(FigureDescription.subject(caption: nil, title: nil) == "this experiment")
        // The course scan finds an ID as a word, not inside another ID or a file name.
        #expect(WordsScan.containsWord("q4", in: "Loss curves of q4. Eight runs."))
        #expect(WordsScan.containsWord("q1c", in: "the comparison q1c, three panels"))
        #expect(!WordsScan.containsWord("q1c", in: "experiment q1c-none"))
        #expect(!WordsScan.containsWord("four-clusters", in: "The points of four-clusters.csv."))
    }

    @Test func searchReadsMathsAsText() {
        #expect(MathText.plain("x_1 x_2") == "x₁ x₂")
        #expect(MathText.plain("\\hat{y}") == "y\u{0302}")
        #expect(MathText.plain("E = \\frac{1}{m} \\sum_{i=1}^{m} L_i") == "E = 1/m ∑ᵢ₌₁ᵐ Lᵢ")
        #expect(MathText.plain("w_{new} = w_{old} - \\alpha \\frac{\\partial L}{\\partial w}") == "w(new) = w(old) - α (∂ L)/(∂ w)")
        #expect(MathText.plain("\\tanh\\big(b - w\\,(x_1^2 + x_2^2)\\big)") == "tanh(b - w (x₁² + x₂²))")
        let index = SearchIndex.plainText("<p>features <span class=\"math inline\">\\(x_1, x_2\\)</span> only</p>")
        #expect(index == "features x₁, x₂ only")
    }
}
