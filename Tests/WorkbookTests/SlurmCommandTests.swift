import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Issue 30: what `build --executor slurm` says to Slurm and how it reads Slurm's answers,
/// checked on text, without a cluster.
@Suite("Slurm commands and their output")
struct SlurmCommandTests {
    static let settings = SlurmSettings(
        tasks: 8, partition: "short", timeLimit: "0:30:00", cpusPerTask: 2, retries: 2,
        labbook: URL(fileURLWithPath: "/opt/lab book/labbook"))

    @Test func oneArrayJobIsSubmittedForEveryShardAndOnlyTheFailedOnesAgain() {
        let logs = URL(fileURLWithPath: "/shared/cache/slurm/1/logs")
        let first = SlurmCommands.submit(
            script: URL(fileURLWithPath: "/shared/train.sh"), shards: Array(0..<8), settings: Self.settings, logs: logs)
        #expect(first.first == "sbatch")
        #expect(first.contains("--parsable"))
        #expect(first.contains("--array=0-7"))
        #expect(first.contains("--partition=short"))
        #expect(first.contains("--time=0:30:00"))
        #expect(first.contains("--cpus-per-task=2"))
        #expect(first.contains("--output=/shared/cache/slurm/1/logs/train-%A_%a.log"))
        #expect(first.last == "/shared/train.sh")
        let again = SlurmCommands.submit(
            script: URL(fileURLWithPath: "/shared/train.sh"), shards: [5, 3], settings: Self.settings, logs: logs)
        #expect(again.contains("--array=3,5"))
        var plain = Self.settings
        plain.partition = nil
        plain.timeLimit = nil
        let defaults = SlurmCommands.submit(script: URL(fileURLWithPath: "/s.sh"), shards: [0], settings: plain, logs: logs)
        #expect(!defaults.contains { $0.hasPrefix("--partition") || $0.hasPrefix("--time") })
        #expect(defaults.contains("--array=0"))
    }

    @Test func theBatchScriptTrainsTheTasksOwnShardWithPathsQuotedForTheShell() {
        let script = SlurmCommands.script(
            labbook: URL(fileURLWithPath: "/opt/it's/labbook"), jobsFile: URL(fileURLWithPath: "/c/runs.jobs"),
            cache: URL(fileURLWithPath: "/c"), tasks: 8, threads: 2)
        #expect(script.hasPrefix("#!/bin/sh\n"))
        #expect(
            script.contains(
                "exec '/opt/it'\\''s/labbook' train-jobs --jobs '/c/runs.jobs' --shard \"$SLURM_ARRAY_TASK_ID/8\" --cache-dir '/c' --threads 2"
            ))
    }

    @Test func theJobIDIsReadFromSbatchParsableOutput() {
        #expect(SlurmCommands.submittedJob("4242\n") == "4242")
        #expect(SlurmCommands.submittedJob("4242;cluster-a\n") == "4242")
        #expect(SlurmCommands.submittedJob("sbatch: warning: something\n77\n") == "77")
        #expect(SlurmCommands.submittedJob("Submitted batch job 12\n") == nil)
        #expect(SlurmCommands.submittedJob("") == nil)
    }

    @Test func queueLinesGiveEachTaskItsState() {
        let records = SlurmQueue.parseQueue(
            """
            12_0 COMPLETED
            12_1 RUNNING
            12_[2-4,7%2] PENDING
            12_5 CANCELLED
            12_6 TIMEOUT
            13 RUNNING
            garbage
            """)
        #expect(records[SlurmTask(job: "12", index: 0)]?.state == .completed)
        #expect(records[SlurmTask(job: "12", index: 1)]?.state == .waiting("RUNNING"))
        for index in [2, 3, 4, 7] { #expect(records[SlurmTask(job: "12", index: index)]?.state == .waiting("PENDING")) }
        #expect(records[SlurmTask(job: "12", index: 5)]?.state == .failed("CANCELLED"))
        #expect(records[SlurmTask(job: "12", index: 6)]?.state == .failed("TIMEOUT"))
        #expect(records.count == 8)
    }

    @Test func accountingLinesCarryTheExitStatus() {
        let records = SlurmQueue.parseAccounting(
            """
            20_0|COMPLETED|0:0
            20_1|FAILED|2:0
            20_2|CANCELLED by 0|0:15
            20_3|OUT_OF_MEMORY|0:125
            20_1.batch|FAILED|2:0
            """)
        #expect(records[SlurmTask(job: "20", index: 0)] == SlurmTaskRecord(state: .completed, exitCode: 0))
        #expect(records[SlurmTask(job: "20", index: 1)] == SlurmTaskRecord(state: .failed("FAILED"), exitCode: 2))
        #expect(records[SlurmTask(job: "20", index: 2)]?.state == .failed("CANCELLED"))
        #expect(records[SlurmTask(job: "20", index: 3)]?.state == .failed("OUT_OF_MEMORY"))
        #expect(records.count == 4, "a job step (.batch) is not a task")
    }

    @Test func stateWordsSplitIntoWaitingDoneAndFailed() {
        for word in ["PENDING", "RUNNING", "COMPLETING", "CONFIGURING", "REQUEUED", "SUSPENDED"] {
            #expect(SlurmTaskState(word: word) == .waiting(word))
        }
        for word in ["FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY"] {
            #expect(SlurmTaskState(word: word) == .failed(word))
        }
        #expect(SlurmTaskState(word: "CANCELLED+") == .failed("CANCELLED"))
        #expect(SlurmTaskState(word: "completed") == .completed)
    }

    @Test func aFailedTaskIsRetriedUpToTheLimitUnlessItsInputWasRefused() {
        let policy = SlurmRetryPolicy(retries: 2)
        let failed = SlurmTaskRecord(state: .failed("FAILED"), exitCode: 1)
        #expect(policy.decide(attempts: 1, record: failed) == .resubmit)
        #expect(policy.decide(attempts: 2, record: nil) == .resubmit)
        guard case .giveUp = policy.decide(attempts: 3, record: failed) else {
            Issue.record("a third failure with two retries must give up")
            return
        }
        guard case .giveUp = policy.decide(attempts: 1, record: SlurmTaskRecord(state: .failed("FAILED"), exitCode: 2)) else {
            Issue.record("exit status 2 (input refused) must not be retried")
            return
        }
        guard case .giveUp = SlurmRetryPolicy(retries: 0).decide(attempts: 1, record: failed) else {
            Issue.record("no retries means the first failure is final")
            return
        }
    }

    @Test func shardsDealTheJobsInTurn() {
        #expect(Shard(parsing: "3/8") == Shard(index: 3, count: 8))
        for bad in ["8/8", "-1/8", "1/0", "3", "a/b", "1/2/3", ""] { #expect(Shard(parsing: bad) == nil, "\(bad)") }
        let items = Array(0..<10)
        #expect(Shard(index: 1, count: 4)!.select(items) == [1, 5, 9])
        let all = (0..<4).flatMap { Shard(index: $0, count: 4)!.select(items) }
        #expect(all.sorted() == items, "every job is in exactly one shard")
    }
}
