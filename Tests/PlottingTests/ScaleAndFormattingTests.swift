import Plotting
import Testing

@Suite struct ScaleAndFormattingTests {
    @Test(arguments: [
        (0.05, 2, "0.05"), (-3, 0, "−3"), (-0.0001, 2, "0.00"), (1234.5, 1, "1234.5"), (0.5, 0, "1"),
        (2, 3, "2.000"),
    ])
    func decimalFormatting(value: Double, digits: Int, expected: String) {
        #expect(NumberFormatting.decimal(value, fractionDigits: digits) == expected)
    }

    @Test func shortestFormatting() {
        #expect(NumberFormatting.shortest(0.1 + 0.2) == "0.3")
        #expect(NumberFormatting.shortest(0.05) == "0.05")
        #expect(NumberFormatting.shortest(120) == "120")
    }

    @Test func linearTicksAreNiceAndCoverTheData() {
        let (scale, ticks) = NiceTicks.linear(lower: 0, upper: 0.63, targetCount: 5)
        #expect(ticks.map(\.label) == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
        #expect(scale.lower == 0)
        #expect(abs(scale.upper - 0.7) < 1e-12)
        let (epochScale, epochTicks) = NiceTicks.linear(lower: 0, upper: 299, targetCount: 6)
        #expect(epochTicks.map(\.label) == ["0", "50", "100", "150", "200", "250", "300"])
        #expect(epochScale.upper == 300)
    }

    @Test func logTicksArePowersOfTen() {
        let (scale, ticks) = NiceTicks.logarithmic(lower: 0.003, upper: 0.8)
        #expect(scale.lower == 0.001)
        #expect(scale.upper == 1)
        #expect(ticks.map(\.label).contains("0.01"))
        #expect(scale.normalized(0.01) > 0.33 && scale.normalized(0.01) < 0.34)
    }

    @Test func integerTicksEmphasiseZero() {
        let ticks = NiceTicks.integers(from: -6, through: 6)
        #expect(ticks.count == 13)
        #expect(ticks.filter(\.isEmphasised).map(\.value) == [0])
        #expect(ticks.first?.label == "−6")
    }

    @Test func blockMeansAverageDownToTenByTen() {
        let big = (0..<100).map { i in (0..<100).map { j in Double(i / 10 + j / 10) } }
        var diagram = NetworkDiagram(layers: [.init(nodes: [.init(thumbnail: big)])], links: [])
        diagram.showsLegend = false
        var canvas = RecordingCanvas(size: diagram.size)
        diagram.draw(on: &canvas)
        let grids = canvas.commands.compactMap { command -> PixelGrid? in
            if case .cells(let grid, _) = command { return grid } else { return nil }
        }
        #expect(grids.count == 1)
        #expect(grids.first?.width == 10)
        #expect(grids.first?.height == 10)
    }
}
