import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// Issue 30: the jobs file of `labbook plan` and the training of shards into a shared cache,
/// without a cluster (the same on a cluster: SlurmClusterTests).
@Suite("Jobs files and shards", .serialized)
struct ShardTrainingTests {
    static func jobs(_ count: Int, epochs: Int = 5) -> [RunJob] {
        var configuration = TrainingConfiguration()
        configuration.epochs = epochs
        configuration.hidden = [2]
        return (0..<count).map { RunJob(configuration: configuration, run: RunIdentity(seed: "\($0 + 1)")) }
    }

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("labbook-\(name)-\(UUID().uuidString)")
    }

    @Test func aJobsFileReadsBackAsTheSameJobsEachOnce() throws {
        let jobs = Self.jobs(3)
        let text = RunJobList.text(jobs + [jobs[0]])
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.hasPrefix(jobs[0].key + " {"))
        let read = try RunJobList.parse(text, path: "runs.jobs")
        #expect(read.map(\.key) == jobs.map(\.key))
        #expect(read.map(\.configuration) == jobs.map(\.configuration))
        #expect(read.map(\.seed) == ["1", "2", "3"])
    }

    @Test func anEditedLineIsRefusedWithItsLineNumber() throws {
        let text = RunJobList.text(Self.jobs(2))
        let edited = text.replacingOccurrences(of: "\"seed\":\"2\"", with: "\"seed\":\"9\"")
        #expect(edited != text)
        #expect(throws: FileError.self) { try RunJobList.parse(edited, path: "runs.jobs") }
        do {
            _ = try RunJobList.parse(edited, path: "runs.jobs")
        } catch {
            #expect(error.path == "runs.jobs:2")
        }
        do {
            _ = try RunJobList.parse(text + "not a job\n", path: "runs.jobs")
            Issue.record("a line without a key and JSON must be refused")
        } catch {
            #expect(error.path == "runs.jobs:3")
        }
    }

    /// A task reads only its shard's lines: the same jobs as dealing the whole file, and a
    /// damaged line of another shard is not its concern.
    @Test func aShardReadsOnlyItsOwnLines() throws {
        let jobs = Self.jobs(7)
        var lines = RunJobList.text(jobs).split(separator: "\n").map(String.init)
        let shard = Shard(index: 1, count: 3)!
        let own = try RunJobList.parse(lines.joined(separator: "\n"), path: "runs.jobs", shard: shard)
        #expect(own.map(\.key) == shard.select(jobs).map(\.key))
        lines[0] = "damaged"
        #expect(try RunJobList.parse(lines.joined(separator: "\n"), path: "runs.jobs", shard: shard).count == own.count)
        #expect(throws: FileError.self) {
            try RunJobList.parse(lines.joined(separator: "\n"), path: "runs.jobs", shard: Shard(index: 0, count: 3))
        }
    }

    /// Two shards given the same runs, writing into one cache at the same moment: each run
    /// ends as one verified entry, and no temporary file is left.
    @Test func twoShardsWritingTheSameRunsLeaveOneValidFileEach() throws {
        let cache = BuildCache(root: Self.temporary("shard-race"))
        defer { try? FileManager.default.removeItem(at: cache.root) }
        let jobs = Self.jobs(12)
        let everything = Shard(index: 0, count: 1)!
        let errors = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do { _ = try ShardTraining(cache: cache, workers: 2).train(jobs, shard: everything) { _ in } } catch {
                errors.update { $0.append("\(error)") }
            }
        }
        #expect(errors.get().isEmpty)
        #expect(ShardTraining(cache: cache, workers: 1).missing(jobs, shard: everything).isEmpty)
        let files = try FileManager.default.subpathsOfDirectory(atPath: cache.root.appendingPathComponent("runs").path)
        #expect(files.filter { $0.hasSuffix(".tmp") }.isEmpty)
        #expect(files.filter { $0.hasSuffix(".digest.json") }.count == 12)
        for job in jobs {
            let data = try #require(cache.read("runs", job.key, RunStore.fullExtension))
            let result = try #require(RunResultCodec.decode(data))
            #expect(result == Trainer(configuration: job.configuration).run(seed: job.seed, reset: job.reset))
        }
    }

    /// A rerun of a shard trains only what is missing: here, the runs whose files were removed.
    @Test func aRerunTrainsOnlyTheMissingRuns() throws {
        let cache = BuildCache(root: Self.temporary("shard-rerun"))
        defer { try? FileManager.default.removeItem(at: cache.root) }
        let jobs = Self.jobs(9)
        let shard = Shard(index: 1, count: 3)!
        let first = try ShardTraining(cache: cache, workers: 1).train(jobs, shard: shard) { _ in }
        #expect(first.assigned == 3 && first.trained == 3 && first.alreadyCached == 0)
        let kept = jobs[1].key
        let keptInode =
            try FileManager.default.attributesOfItem(atPath: cache.url("runs", kept, RunStore.fullExtension).path)[.systemFileNumber]
            as? Int
        // A "half-written" run: its result is there, its digest is not.
        try FileManager.default.removeItem(at: cache.url("runs", jobs[4].key, "digest.json"))
        let lines = Locked<[String]>([])
        let second = try ShardTraining(cache: cache, workers: 1).train(jobs, shard: shard) { line in lines.update { $0.append(line) } }
        #expect(second.trained == 1 && second.alreadyCached == 2)
        #expect(lines.get().count == 1 && lines.get()[0].hasPrefix("trained \(jobs[4].key) in "))
        let inodeAfter =
            try FileManager.default.attributesOfItem(atPath: cache.url("runs", kept, RunStore.fullExtension).path)[.systemFileNumber]
            as? Int
        #expect(keptInode == inodeAfter, "a finished run is never written again")
    }
}
