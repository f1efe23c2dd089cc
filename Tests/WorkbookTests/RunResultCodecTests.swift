import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// The cache's binary form of a run (``RunResultCodec``) gives back exactly the run, bit for
/// bit, and nothing at all from damaged bytes; caches written before it (JSON) still read.
@Suite("Runs in the cache")
struct RunResultCodecTests {
    /// Runs of every shape: classification and regression, a diverged run, resets, L1's dead links.
    static var runs: [RunResult] {
        var configurations: [(TrainingConfiguration, Int)] = []
        var classification = TrainingConfiguration()
        classification.epochs = 40
        configurations.append((classification, 0))
        configurations.append((classification, 2))
        var regression = TrainingConfiguration()
        regression.dataset = .regPlane
        regression.epochs = 30
        configurations.append((regression, 0))
        var diverging = TrainingConfiguration()
        diverging.dataset = .regPlane
        diverging.learningRate = 10
        diverging.epochs = 200
        configurations.append((diverging, 0))
        var sparse = TrainingConfiguration()
        sparse.regularization = .l1
        sparse.regularizationRate = 0.3
        sparse.epochs = 60
        configurations.append((sparse, 0))
        return configurations.map { configuration, reset in Trainer(configuration: configuration).run(seed: "7", reset: reset) }
    }

    static func bits(_ values: [Double]?) -> [UInt64]? { values?.map(\.bitPattern) }

    @Test func everyRunReadsBackBitForBit() throws {
        let runs = Self.runs
        #expect(runs.contains { $0.status == .diverged }, "a diverged run is among them")
        #expect(runs.contains { $0.trainAccuracy == nil }, "a regression run is among them")
        #expect(runs.contains { !$0.final.deadLinks.isEmpty }, "a run with dead links is among them")
        for run in runs {
            let decoded = try #require(RunResultCodec.decode(RunResultCodec.encode(run)))
            #expect(decoded == run)
            #expect(Self.bits(decoded.trainLoss) == Self.bits(run.trainLoss) && Self.bits(decoded.testLoss) == Self.bits(run.testLoss))
            #expect(Self.bits(decoded.final.weights) == Self.bits(run.final.weights))
            #expect(RunResultCodec.encode(decoded) == RunResultCodec.encode(run))
        }
    }

    @Test func damagedBytesGiveNoRun() throws {
        let encoded = RunResultCodec.encode(try #require(Self.runs.first))
        for cut in [0, 5, RunResultCodec.magic.count, RunResultCodec.magic.count + 3, encoded.count / 2, encoded.count - 1] {
            #expect(RunResultCodec.decode(encoded.prefix(cut)) == nil, "cut to \(cut) bytes")
        }
        #expect(RunResultCodec.decode(encoded + Data([0])) == nil, "a byte too many")
        // A count far larger than the bytes left is refused before anything is allocated.
        var huge = Data(RunResultCodec.magic)
        huge.append(contentsOf: withUnsafeBytes(of: Int64.max.littleEndian) { Array($0) })
        #expect(RunResultCodec.decode(huge) == nil)
    }

    /// A cache written before the binary form holds each run as JSON: a build reads it, trains
    /// nothing, equals a clean build, and keeps each run it reads in the new form beside it.
    @Test func aCacheOfJSONRunsStillReadsAndGainsTheNewForm() throws {
        let book = try FixtureBook("basic")
        let clean = try FixtureBook("basic")
        defer { book.remove(); clean.remove() }
        try book.build()
        let cache = BuildCache(root: book.cache)
        let runFolder = book.cache.appendingPathComponent("runs")
        let binary = (FileManager.default.subpaths(atPath: runFolder.path) ?? []).filter { $0.hasSuffix("." + RunStore.fullExtension) }
        #expect(!binary.isEmpty)
        for path in binary {
            let key = String(path.split(separator: "/").last!.dropLast(RunStore.fullExtension.count + 1))
            let data = try #require(cache.read("runs", key, RunStore.fullExtension))
            let run = try #require(RunResultCodec.decode(data))
            try cache.write(try RunStore.encoder.encode(run), "runs", key, RunStore.olderFullExtension)
            try FileManager.default.removeItem(at: runFolder.appendingPathComponent(path))
            try FileManager.default.removeItem(at: runFolder.appendingPathComponent(path + ".sum"))
        }
        try FileManager.default.removeItem(at: book.output)
        let report = try book.build()
        #expect(report.trainedRuns == 0)
        try clean.build()
        #expect(try FixtureBook.tree(book.output) == FixtureBook.tree(clean.output))
        let after = (FileManager.default.subpaths(atPath: runFolder.path) ?? []).filter { $0.hasSuffix("." + RunStore.fullExtension) }
        // The runs the build read in full (for figures) are kept in the new form; the others
        // stay JSON, read when something needs them.
        #expect(!after.isEmpty && Set(after).isSubset(of: Set(binary)), "\(after)")
    }
}
