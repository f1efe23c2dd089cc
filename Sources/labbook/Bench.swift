import ArgumentParser
import Foundation
import PlaygroundTrainer
import Workbook

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the trainer (epochs per second, heat-map grid time) on the reference configurations.",
        discussion: "Run in release: swift run -c release labbook bench. Single thread; medians of repeated runs.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    @Option(help: "text or json.")
    var format: Format = .text
    @Option(help: "Timed repetitions per figure (the median is reported).")
    var repetitions = 9

    func run() throws {
        var rows: [(String, String, Double, Double)] = []
        for (id, label, configuration) in BenchmarkConfigurations.all {
            let epochsPerSecond = measureEpochs(configuration)
            let gridMilliseconds = measureGrid(configuration)
            rows.append((id, label, epochsPerSecond, gridMilliseconds))
        }
        switch format {
        case .json:
            let configs: [JSONValue] = rows.map {
                .object([
                    ("id", .string($0.0)), ("epochsPerSecond", .number(($0.2).rounded())),
                    ("gridMilliseconds", .number(($0.3 * 1000).rounded() / 1000)),
                ])
            }
            print(JSONValue.object([("configs", .array(configs))]).serialized(indent: 2))
        case .text:
            print("config  description                                   epochs/s   grid (all nodes)")
            for row in rows {
                let name = row.1.padding(toLength: 44, withPad: " ", startingAt: 0)
                print(String(format: "%@       %@ %9.0f   %7.3f ms", row.0, name, row.2, row.3))
            }
            print("Playground under Node 20 (semantics §12.1): c 4680, g 5320, h 715 epochs/s; grid c 2.90 ms, h 16.8 ms.")
        }
    }

    /// Full epochs (training pass + both losses) per second: one reset, then enough epochs to
    /// run ~0.2 s, repeated; the median.
    func measureEpochs(_ configuration: TrainingConfiguration) -> Double {
        var c = configuration
        c.epochs = 0
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let session = TrainingSession(configuration: c, seed: "1")
            let start = DispatchTime.now().uptimeNanoseconds
            var epochs = 0
            var elapsed: UInt64 = 0
            repeat {
                session.step()
                epochs += 1
                elapsed = DispatchTime.now().uptimeNanoseconds - start
            } while elapsed < 200_000_000
            samples.append(Double(epochs) / (Double(elapsed) / 1e9))
        }
        return median(samples)
    }

    /// Milliseconds to evaluate every node on the 100 × 100 grid, median of repetitions.
    func measureGrid(_ configuration: TrainingConfiguration) -> Double {
        let result = Trainer(configuration: { var c = configuration; c.epochs = 5; return c }()).run()
        let network = Network(configuration: configuration, parameters: result.final)
        var samples: [Double] = []
        _ = network.nodeGrids()
        for _ in 0..<max(repetitions * 3, 9) {
            let start = DispatchTime.now().uptimeNanoseconds
            let grids = network.nodeGrids()
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            precondition(grids.count == configuration.layerSizes.reduce(0, +))
            samples.append(Double(elapsed) / 1e6)
        }
        return median(samples)
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
