import Foundation
import Plotting

/// Deterministic example figures shared by the rendering tests and the gallery.
enum SampleFigures {
    /// Grid x coordinate of column i (reference §10.2).
    static func gridX(_ i: Int) -> Double { -6.0 * (1 - Double(i) / 99) + 6.0 * (Double(i) / 99) }
    /// Grid y coordinate of row j: row 0 is y = +6.
    static func gridY(_ j: Int) -> Double {
        let s = Double(j - 99) / -99
        return -6.0 * (1 - s) + 6.0 * s
    }

    static func grid(_ f: (Double, Double) -> Double, side: Int = 100) -> [[Double]] {
        (0..<side).map { i in (0..<side).map { j in f(gridX(i), gridY(j)) } }
    }

    /// A tiny linear congruential generator: the same points on every run and platform.
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func circlePoints(count: Int = 120, testEvery: Int = 4) -> [ScatterPoint] {
        var random = LCG(state: 42)
        return (0..<count).map { index in
            let inner = index % 2 == 0
            let radius = inner ? random.next() * 2.5 : 3.5 + random.next() * 1.5
            let angle = random.next() * 2 * Double.pi
            return ScatterPoint(
                x: radius * cos(angle), y: radius * sin(angle), value: inner ? 1 : -1,
                isTest: index % testEvery == 0)
        }
    }

    static func boundary(title: String? = "Decision boundary after 300 epochs") -> BoundaryChart {
        let values = grid { x, y in tanh(2.2 - 0.3 * (x * x + y * y)) }
        return BoundaryChart(values: values, points: circlePoints(), title: title)
    }

    static func network() -> NetworkDiagram {
        let features: [(String, (Double, Double) -> Double, Bool)] = [
            ("X₁", { x, _ in x / 6 }, true), ("X₂", { _, y in y / 6 }, true), ("X₁²", { x, _ in x * x / 18 - 1 }, true),
            ("X₂²", { _, y in y * y / 18 - 1 }, true), ("X₁X₂", { x, y in x * y / 18 }, false),
            ("sin(X₁)", { x, _ in sin(x) }, false), ("sin(X₂)", { _, y in sin(y) }, false),
        ]
        let inputs = NetworkDiagram.Layer(
            caption: "Input",
            nodes: features.map { label, f, enabled in
                NetworkDiagram.Node(label: label, thumbnail: grid(f), isEnabled: enabled)
            })
        var random = LCG(state: 7)
        func hidden(_ count: Int, caption: String) -> NetworkDiagram.Layer {
            NetworkDiagram.Layer(
                caption: caption,
                nodes: (0..<count).map { _ in
                    let a = random.next() * 2 - 1, b = random.next() * 2 - 1, c = random.next() - 0.5
                    return NetworkDiagram.Node(thumbnail: grid { x, y in tanh(a * x + b * y + c) }, bias: c * 2)
                })
        }
        let first = hidden(4, caption: "4 neurons")
        let second = hidden(2, caption: "2 neurons")
        let output = NetworkDiagram.Layer(
            caption: "Output",
            nodes: [
                NetworkDiagram.Node(label: "ŷ", thumbnail: grid { x, y in tanh(2.2 - 0.3 * (x * x + y * y)) }, bias: 0.4)
            ])
        var weights: [[[Double]]] = []
        for (from, to) in [(7, 4), (4, 2), (2, 1)] {
            weights.append((0..<to).map { _ in (0..<from).map { _ in (random.next() * 2 - 1) * 4 } })
        }
        weights[0][0][1] = 0  // a dead link
        for j in 0..<4 { for i in 4..<7 { weights[0][j][i] = 0 } }  // disabled inputs: no links anyway
        return NetworkDiagram(
            layers: [inputs, first, second, output], weights: weights,
            title: "Network after 300 epochs (circle data set)")
    }

    static func lossCurve(seed: UInt64, scale: Double, floor: Double, epochs: Int = 300) -> LossChart.Curve {
        var random = LCG(state: seed)
        let values = (0..<epochs).map { epoch in
            floor + scale * exp(-Double(epoch) / 45) + 0.01 * random.next()
        }
        return LossChart.Curve(values: values)
    }

    static func loss(runs: Int = 5, logarithmic: Bool = false) -> LossChart {
        var allRuns: [LossChart.Run] = []
        for seed in 0..<runs {
            let spread: Double = 0.05 * Double(seed)
            let training = lossCurve(seed: UInt64(seed + 1), scale: 0.45 + spread, floor: 0.02)
            let test = lossCurve(seed: UInt64(seed + 100), scale: 0.5 + spread, floor: 0.04)
            allRuns.append(LossChart.Run(label: "seed \(seed)", training: training, test: test))
        }
        return LossChart(
            runs: allRuns, title: "Loss over 5 seeds, learning rate 0.03", logarithmic: logarithmic,
            threshold: LossChart.Threshold(value: 0.1))
    }

    static func activation(arrangement: ActivationChart.Arrangement = .panels(columns: 2)) -> ActivationChart {
        let xs = stride(from: -4.0, through: 4.0, by: 0.05).map { $0 }
        func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        return ActivationChart(
            functions: [
                .init(name: "ReLU", x: xs, values: xs.map { max(0, $0) }, derivative: xs.map { $0 > 0 ? 1 : 0 }),
                .init(name: "tanh", x: xs, values: xs.map(tanh), derivative: xs.map { 1 - tanh($0) * tanh($0) }),
                .init(name: "sigmoid", x: xs, values: xs.map(sigmoid), derivative: xs.map { sigmoid($0) * (1 - sigmoid($0)) }),
                .init(name: "linear", x: xs, values: xs, derivative: xs.map { _ in 1 }),
            ], arrangement: arrangement, title: "Activation functions and their derivatives", yRange: -1.5...2)
    }

    static func data() -> DataChart {
        DataChart(points: circlePoints(count: 200, testEvery: 10), title: "Training data (10 %)")
    }

    static func smallMultiples() -> SmallMultiples {
        let rates = [0.003, 0.03, 0.3]
        var panels: [SmallMultiples.Panel] = []
        for (index, rate) in rates.enumerated() {
            let sharpness = [0.6, 2.2, 5][index]
            var chart = BoundaryChart(
                values: grid { x, y in tanh(sharpness * (1 - 0.15 * (x * x + y * y))) },
                points: circlePoints(count: 80))
            chart.discretize = index == 2
            panels.append(.init(title: "learning rate \(rate)", figure: chart))
        }
        for (index, rate) in rates.enumerated() {
            var chart = loss(runs: 3)
            chart.title = nil
            chart.threshold = nil
            if index == 2 { chart.divergedAtEpoch = 57 }
            panels.append(.init(title: "loss, learning rate \(rate)", figure: chart))
        }
        return SmallMultiples(
            panels: panels, columns: 3, panelSize: Size(width: 260, height: 250),
            title: "Learning rate sweep")
    }
}
