import CairoRendering
import Plotting
import Testing

/// Issue 9 item 6: labels that read and never collide.
@Suite struct LabelTests {
    static let figures: [(String, any Figure)] =
        LayoutTests.figures + [
            ("overlay", SampleFigures.overlay()),
            ("overlay-training", SampleFigures.overlay(curves: .trainingAndTest)),
            ("result-numeric", SampleFigures.resultNumeric()),
            ("result-categorical", SampleFigures.resultCategorical()),
            ("sweep-grid", SampleFigures.sweepGrid()),
            ("metric-grid", SampleFigures.metricGrid()),
        ]

    /// Loss charts built to push labels into each other: the threshold at the top of the plot,
    /// the crossing at the right edge, a crossing close under the threshold label's first spot.
    static let hardCases: [(String, LossChart)] = {
        var cases: [(String, LossChart)] = []
        let runs = SampleFigures.seedRuns(speed: 1, floor: 0.02)
        cases.append(("threshold near the top", LossChart(runs: runs, threshold: .init(value: 0.5, label: "test loss ≤ 0.5"))))
        let late = (0...300).map { 0.5 - 0.45 * Double($0) / 300 }
        cases.append(
            (
                "epoch marker at the right edge",
                LossChart(
                    training: nil, test: .init(values: late),
                    threshold: .init(value: 0.05, label: "test loss ≤ 0.05"))
            ))
        cases.append(
            (
                "crossing under the threshold label",
                LossChart(runs: runs, threshold: .init(value: 0.021, label: "test loss ≤ 0.021"))
            ))
        cases.append(
            (
                "diverged with a threshold",
                LossChart(runs: runs, threshold: .init(value: 0.05, label: "test loss ≤ 0.05"), divergedAtEpoch: 399)
            ))
        var small = LossChart(runs: runs, threshold: .init(value: 0.05, label: "test loss ≤ 0.05"))
        small.size = Size(width: 230, height: 190)
        cases.append(("small panel", small))
        return cases
    }()

    @Test(arguments: figures.map(\.0))
    func noTwoTextsOverlap(name: String) {
        LabelCheck(Self.figures.first { $0.0 == name }!.1).recordOverlaps(name)
    }

    @Test(arguments: figures.map(\.0))
    func everyTextIsAtLeastElevenPixels(name: String) {
        for (text, size) in LabelCheck(Self.figures.first { $0.0 == name }!.1).textSizes {
            #expect(size >= ChartTheme.minimumTextSize, "\(name): “\(text)” at \(size) px")
        }
    }

    @Test(arguments: hardCases.map(\.0))
    func hardCasesKeepLabelsApartAndOffTheBoldCurve(name: String) {
        let chart = Self.hardCases.first { $0.0 == name }!.1
        let check = LabelCheck(chart)
        check.recordOverlaps(name)
        let annotations = check.canvas.texts.filter { $0.hasPrefix("epoch ") || $0.contains("≤") || $0.hasPrefix("diverged") }
        #expect(annotations.count >= 2, "\(name): labels drawn \(check.canvas.texts)")
        let hiding = check.labelsOnBoldCurves { !annotations.contains($0) }
        #expect(hiding.isEmpty, "\(name): \(hiding) sit on the bold curve")
        let plot = chart.geometry(measuring: sharedRenderer.fontMetrics).plotRect
        for text in check.canvas.placedTexts where annotations.contains(text.text) {
            #expect(
                plot.contains(Point(x: text.box.minX, y: text.box.minY))
                    && plot.contains(Point(x: text.box.maxX, y: text.box.maxY)), "\(name): “\(text.text)” leaves the plot")
        }
    }

    @Test func legendsSitOutsideThePlotSoTheyCannotCoverCurves() {
        var overlay = SampleFigures.overlay(curves: .trainingAndTest)
        overlay.series += overlay.series.map {
            var s = $0; s.label += " (second sweep)"; return s
        }
        let check = LabelCheck(overlay)
        check.recordOverlaps("crowded overlay")
        let plot = overlay.geometry(measuring: sharedRenderer.fontMetrics).plotRect
        for series in overlay.series {
            let legend = check.canvas.placedTexts.filter { $0.text == series.label }
            #expect(legend.count >= 1)
            for text in legend { #expect(!text.box.intersects(plot), "legend “\(text.text)” inside the plot") }
        }
    }

    @Test func thresholdAndPanelTitlesArePrintedAsGiven() {
        let texts = LabelCheck(SampleFigures.overlay()).canvas.texts
        #expect(texts.contains("test loss ≤ 0.05"))
        #expect(texts.contains("learning rate = 0.001"))
        let grid = LabelCheck(SampleFigures.sweepGrid()).canvas.texts
        #expect(grid.contains("activation = sigmoid") && grid.contains("hidden = [3,3]"))
        var accuracy = SampleFigures.loss()
        accuracy.threshold = .init(value: 0.1, label: "test accuracy ≥ 95 %")
        #expect(LabelCheck(accuracy).canvas.texts.contains("test accuracy ≥ 95 %"))
    }

    @Test func dejaVuHasEveryCharacterTheFiguresUse() {
        let text = "X₁ X₂ X₁² X₂² X₁X₂ sin(X₁) sin(X₂) ŷ ≤ ≥ − … × 10⁻³ – ′ ⁰¹²³⁴⁵⁶⁷⁸⁹ ₀₁₂₃₄₅₆₇₈₉ · %"
        #expect(sharedRenderer.fontMetrics.missingCharacters(in: text).isEmpty)
        #expect(sharedRenderer.fontMetrics.missingCharacters(in: text, weight: .bold).isEmpty)
        #expect(sharedRenderer.fontMetrics.missingCharacters(in: "a中b") == ["中"])
    }
}
