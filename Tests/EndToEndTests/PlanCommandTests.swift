import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Issue 30: `labbook plan` writes the runs a build would train, and `labbook train-jobs`
/// trains them into the cache so that the build only renders; bad input is refused clearly.
@Suite("labbook plan and train-jobs", .serialized)
struct PlanCommandTests {
    @Test func planThenTrainJobsLeavesTheBuildNothingToTrain() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let jobs = book.root.appendingPathComponent("runs.jobs")
        let paths = ["--chapters", book.chapters.path, "--output", book.output.path, "--cache-dir", book.cache.path]
        let plan = try Labbook.run(["plan"] + paths + ["--jobs", jobs.path])
        #expect(plan.status == 0, "\(plan.error)")
        let planned = try RunJobList.read(jobs)
        #expect(!planned.isEmpty)
        #expect(plan.output.contains("\(planned.count) of \(planned.count) runs to train: about "))
        for index in 0..<2 {
            let shard = try Labbook.run([
                "train-jobs", "--jobs", jobs.path, "--shard", "\(index)/2", "--cache-dir", book.cache.path, "--threads", "2",
            ])
            #expect(shard.status == 0, "\(shard.error)")
            #expect(
                shard.output.split(separator: "\n").filter { $0.hasPrefix("trained ") }.count
                    == Shard(index: index, count: 2)!.select(planned).count)
        }
        let again = try Labbook.run(["plan"] + paths + ["--jobs", jobs.path])
        #expect(again.output.contains("0 of \(planned.count) runs to train"))
        #expect(try RunJobList.read(jobs).isEmpty)
        #expect(try book.build().trainedRuns == 0)
    }

    @Test func trainJobsRefusesBadInputWithStatus2() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-train-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("cache").path
        let badShard = try Labbook.run(["train-jobs", "--jobs", "x", "--shard", "8/8", "--cache-dir", cache])
        #expect(badShard.status == 2 && badShard.error.contains("--shard '8/8'"))
        let missing = try Labbook.run(["train-jobs", "--jobs", folder.appendingPathComponent("none.jobs").path, "--cache-dir", cache])
        #expect(missing.status == 2 && missing.error.contains("none.jobs: cannot read the jobs file"), "\(missing.error)")
        let garbage = folder.appendingPathComponent("garbage.jobs")
        try Data("abc {\"seed\": 1}\n".utf8).write(to: garbage)
        let invalid = try Labbook.run(["train-jobs", "--jobs", garbage.path, "--cache-dir", cache])
        #expect(invalid.status == 2 && invalid.error.contains("garbage.jobs:1"), "\(invalid.error)")
    }

    /// Asked to train on Slurm where there is none: a clear error, exit status 1, no Output/.
    @Test func aSlurmBuildWithoutSlurmSaysSo() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let result = try Labbook.run(
            [
                "build", "--chapters", book.chapters.path, "--output", book.output.path, "--cache-dir", book.cache.path, "--executor",
                "slurm",
            ],
            environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.error.contains("cannot run sbatch: it is not on the PATH"), "\(result.error)")
        #expect(result.error.contains("Output/ was left as it was"))
        #expect(!FileManager.default.fileExists(atPath: book.output.path))
    }

    @Test func slurmFlagsNeedTheSlurmExecutor() throws {
        let result = try Labbook.run(["build", "--slurm-tasks", "4"])
        #expect(result.status == 2 && result.error.contains("--slurm-tasks: only with --executor slurm"), "\(result.error)")
    }
}
