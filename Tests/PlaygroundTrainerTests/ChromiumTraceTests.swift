import Foundation
import Testing

@testable import PlaygroundTrainer

/// The trainer against runs recorded from the real Playground in Chromium 156, whose libm gives
/// the same bits as glibc: data, shuffle, initial weights, every loss of every epoch, final
/// weights and the final heat map must match bit for bit.
@Suite("Chromium 156 traces, bit for bit")
struct ChromiumTraceTests {
    static let names = TraceFiles.names(engine: "chromium156")

    @Test func allThirteenConfigurationsAndTwoSeedsArePresent() {
        #expect(Self.names.count == 26)
    }

    @Test("trace", arguments: names)
    func matchesTrace(name: String) throws {
        let trace = try TraceFiles.load(name, engine: "chromium156")
        let configuration = trace.configuration
        let result = Trainer(configuration: configuration).run()
        let session = TrainingSession(configuration: configuration, seed: trace.seed)
        let exact = cpuHasFMAAndAVX2

        // Data in the Playground's shuffled order, split at the same index.
        func rows(_ points: [DataPoint]) -> [[Double]] {
            points.map { [$0.x, $0.y, $0.label, Double($0.generationIndex)] }
        }
        expectSame(rows(session.data.train), trace.points("train"), exact: exact, "\(name) train data")
        expectSame(rows(session.data.test), trace.points("test"), exact: exact, "\(name) test data")
        #expect(result.draws.data == trace.draws["data"])
        #expect(result.draws.shuffle == trace.draws["shuffle"])
        #expect(result.draws.weights == trace.draws["weights"])

        let initial = trace.parameters("initial")
        expectSame([result.initial.weights], [initial.weights], exact: true, "\(name) initial weights")
        expectSame([result.initial.biases], [initial.biases], exact: true, "\(name) initial biases")
        let first = trace.parameters("afterIteration1")
        expectSame([result.afterFirstEpoch!.weights], [first.weights], exact: exact, "\(name) weights after epoch 1")

        #expect(result.trainLoss.count == trace.iterations + 1)
        expectSame([result.trainLoss], [trace.losses("train")], exact: exact, "\(name) train loss")
        expectSame([result.testLoss], [trace.losses("test")], exact: exact, "\(name) test loss")
        #expect(result.status == .completed)

        let final = trace.parameters("final")
        expectSame([result.final.weights], [final.weights], exact: exact, "\(name) final weights")
        expectSame([result.final.biases], [final.biases], exact: exact, "\(name) final biases")
        #expect(result.final.deadLinks == (final.dead ?? []))

        // The first epoch with test loss ≤ 0.02, found by the stop rule as well.
        var stopping = configuration
        stopping.stopRule = try StopRule(parsing: "test-loss <= 0.02")
        let stopped = Trainer(configuration: stopping).run()
        #expect(stopped.targetEpoch == trace.firstEpochTestLossAtMost002)
        #expect(stopped.status == (trace.firstEpochTestLossAtMost002 == nil ? .completed : .reachedTarget))

        // The output heat map after the last epoch.
        let network = Network(configuration: configuration, parameters: result.final)
        let grid = network.outputGrid()
        let expected = trace.finalOutputGrid.values
        let columns = (0..<100).map { i in (0..<100).map { j in grid.value(column: i, row: j) } }
        expectSame(columns, expected, exact: exact, "\(name) output grid")
    }
}

/// Compares bit patterns (or, on a CPU without FMA/AVX2, values within 1e-9 relative) and
/// reports the first difference instead of thousands.
func expectSame(
    _ actual: [[Double]], _ expected: [[Double]], exact: Bool, _ what: String,
    tolerance: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.count == expected.count else {
        Issue.record("\(what): \(actual.count) rows, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    for (r, (a, e)) in zip(actual, expected).enumerated() {
        guard a.count == e.count else {
            Issue.record("\(what)[\(r)]: \(a.count) values, expected \(e.count)", sourceLocation: sourceLocation)
            return
        }
        for (k, (x, y)) in zip(a, e).enumerated() {
            let same = exact ? x.bitPattern == y.bitPattern : abs(x - y) <= tolerance * max(1, abs(y))
            if !same {
                Issue.record(
                    "\(what)[\(r)][\(k)]: \(x) ≠ \(y)\(exact ? "" : " (tolerance \(tolerance): this CPU lacks FMA/AVX2)")",
                    sourceLocation: sourceLocation)
                return
            }
        }
    }
}
