import Foundation

@testable import PlaygroundTrainer

/// Where the reference traces live: `shared/` beside the repository (CI lays it there too).
enum TraceFiles {
    static var root: URL {
        if let override = ProcessInfo.processInfo.environment["LABBOOK_TRACES"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared/reference/playground-traces")
    }

    static func names(engine: String?) -> [String] {
        let folder = engine.map { root.appendingPathComponent($0) } ?? root
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") && $0.contains(".seed") }.sorted()
    }

    static func load(_ name: String, engine: String?) throws -> Trace {
        let folder = engine.map { root.appendingPathComponent($0) } ?? root
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        // JSONDecoder parses doubles exactly; JSONSerialization (NSDecimalNumber) does not.
        return try JSONDecoder().decode(Trace.self, from: data)
    }
}

/// One recorded Playground run (the fields the tests read).
struct Trace: Decodable {
    struct Config: Decodable {
        var dataset: String
        var features: [String]
        var networkShape: [Int]
        var activation: String
        var learningRate: Double
        var regularization: String
        var regularizationRate: Double
        var batchSize: Int
        var percTrainData: Double
        var noise: Double
        var seed: String
        var iterations: Int
    }
    struct Points: Decodable {
        var train: [[Double]]
        var test: [[Double]]
    }
    struct Parameters: Decodable {
        var weights: [Double]
        var biases: [Double]
        var deadLinks: [Int]?
    }
    struct Losses: Decodable {
        var train: [Double]
        var test: [Double]
    }
    struct Grid: Decodable {
        var values: [[Double]]
    }

    var config: Config
    var playgroundUrlHash: String
    var rngDraws: [String: Int]
    var data: Points
    var initial: Parameters
    var afterIteration1: Parameters
    var final: Parameters
    var loss: Losses
    var firstIterationTestLossLE002: Int?
    var finalOutputGrid: Grid

    var seed: String { config.seed }
    var iterations: Int { config.iterations }
    var urlHash: String { playgroundUrlHash }
    var draws: [String: Int] { rngDraws }
    var firstEpochTestLossAtMost002: Int? { firstIterationTestLossLE002 }

    var configuration: TrainingConfiguration {
        var c = TrainingConfiguration()
        c.dataset = Dataset(rawValue: config.dataset)!
        c.features = config.features.map { Feature(rawValue: $0)! }
        c.hidden = config.networkShape
        c.activation = Activation(rawValue: config.activation)!
        c.learningRate = config.learningRate
        c.regularization = Regularization(parsing: config.regularization)!
        c.regularizationRate = config.regularizationRate
        c.batchSize = config.batchSize
        c.trainRatio = config.percTrainData
        c.noise = config.noise
        c.seed = config.seed
        c.epochs = config.iterations
        return c
    }

    func points(_ set: String) -> [[Double]] { set == "train" ? data.train : data.test }

    func parameters(_ key: String) -> (weights: [Double], biases: [Double], dead: [Int]?) {
        let p = key == "initial" ? initial : key == "final" ? final : afterIteration1
        return (p.weights, p.biases, p.deadLinks)
    }

    func losses(_ set: String) -> [Double] { set == "train" ? loss.train : loss.test }

    /// `values[i][j]`: column i ↦ x, row j ↦ y (row 0 at y = +6).
    var finalOutputGrid2: [[Double]] { finalOutputGrid.values }
}

/// True when this CPU gives glibc the FMA/AVX2 variants the bit-exact traces depend on
/// (numerics note): without them the comparison falls back to a tolerance and says so.
var cpuHasFMAAndAVX2: Bool {
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return false }
    guard let flags = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
    let set = Set(flags.split(separator: " ").map(String.init))
    return set.contains("fma") && set.contains("avx2")
}
