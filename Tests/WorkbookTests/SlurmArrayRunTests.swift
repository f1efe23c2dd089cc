import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Issue 30: how a build waits for its array job, retries and gives up, against a scripted
/// cluster (``FakeCluster``): the decisions, without Slurm's timing.
@Suite("Waiting for an array job")
struct SlurmArrayRunTests {
    /// A cluster whose tasks end as the test says: `outcomes[shard]` lists, per attempt, the
    /// state the task ends in and whether its runs reached the cache. Every task runs for one
    /// look at the queue, then ends.
    final class FakeCluster: SlurmControl, @unchecked Sendable {
        struct Outcome {
            var state: String
            var saved: Bool
            var exitCode: Int32? = nil
        }
        let lock = NSLock()
        var outcomes: [Int: [Outcome]]
        var submissions: [[Int]] = []
        var looks: [String: Int] = [:]
        var attempts: [Int: Int] = [:]
        var done = Set<Int>()
        var cancelled: [String] = []
        var queueFailures = 0

        init(_ outcomes: [Int: [Outcome]]) { self.outcomes = outcomes }

        func submit(shards: [Int]) throws -> String {
            lock.lock(); defer { lock.unlock() }
            submissions.append(shards)
            for shard in shards { attempts[shard, default: 0] += 1 }
            return "\(100 + submissions.count)"
        }

        func records(jobs: [String]) throws -> [SlurmTask: SlurmTaskRecord] {
            lock.lock(); defer { lock.unlock() }
            if queueFailures > 0 {
                queueFailures -= 1
                throw SlurmCommandError(command: "squeue", message: "slurm_load_jobs error: Socket timed out")
            }
            var records: [SlurmTask: SlurmTaskRecord] = [:]
            for job in jobs {
                let index = Int(job)! - 101
                let seen = looks[job, default: 0]
                looks[job] = seen + 1
                for shard in submissions[index] {
                    let task = SlurmTask(job: job, index: shard)
                    if seen == 0 { records[task] = SlurmTaskRecord(state: .waiting("RUNNING")); continue }
                    let outcome = outcomes[shard]![attempts[shard]! - 1]
                    if outcome.saved { done.insert(shard) }
                    if outcome.state != "gone" {
                        records[task] = SlurmTaskRecord(state: SlurmTaskState(word: outcome.state), exitCode: outcome.exitCode)
                    }
                }
            }
            return records
        }

        func cancel(jobs: [String]) {
            lock.lock(); defer { lock.unlock() }
            cancelled += jobs
        }

        func logTail(_ task: SlurmTask) -> [String] { ["last lines of train-\(task).log:", "  error: disk full"] }

        func isDone(_ shard: Int) -> Bool {
            lock.lock(); defer { lock.unlock() }
            return done.contains(shard)
        }
    }

    static func run(_ cluster: FakeCluster, shards: Int, retries: Int = 2, events: Locked<[String]> = Locked([])) -> (any Error)? {
        let clock = Locked(0.0)
        var run = SlurmArrayRun(
            control: cluster, shards: shards, policy: SlurmRetryPolicy(retries: retries), pollSeconds: 2, visibilitySeconds: 10,
            submitted: SlurmJobList(), isDone: { cluster.isDone($0) }, event: { line in events.update { $0.append(line) } })
        run.sleep = { seconds in clock.update { $0 += seconds } }
        run.now = { clock.get() }
        do {
            try run.run()
            return nil
        } catch {
            return error
        }
    }

    @Test func everyTaskIsSubmittedInOneArrayAndReportedAsItFinishes() {
        let cluster = FakeCluster(
            Dictionary(uniqueKeysWithValues: (0..<4).map { ($0, [FakeCluster.Outcome(state: "COMPLETED", saved: true)]) }))
        let events = Locked<[String]>([])
        #expect(Self.run(cluster, shards: 4, events: events) == nil)
        #expect(cluster.submissions == [[0, 1, 2, 3]])
        #expect(events.get().filter { $0.contains("finished") }.count == 4)
        #expect(events.get().last?.contains("[4/4 done]") == true)
    }

    @Test func aCancelledTaskIsResubmittedAloneAndTheBuildGoesOn() {
        var outcomes = Dictionary(uniqueKeysWithValues: (0..<3).map { ($0, [FakeCluster.Outcome(state: "COMPLETED", saved: true)]) })
        outcomes[1] = [.init(state: "CANCELLED", saved: false), .init(state: "COMPLETED", saved: true)]
        let cluster = FakeCluster(outcomes)
        let events = Locked<[String]>([])
        #expect(Self.run(cluster, shards: 3, events: events) == nil)
        #expect(cluster.submissions == [[0, 1, 2], [1]])
        #expect(events.get().contains { $0.contains("resubmitted task 1 as job 102 (attempt 2 of 3)") })
    }

    /// A task that fails every time is given up after the retries, reported with its log's last
    /// lines, once the other tasks are done.
    @Test func aTaskThatKeepsFailingIsReportedWithItsLog() throws {
        let failing = FakeCluster.Outcome(state: "FAILED", saved: false, exitCode: 1)
        let cluster = FakeCluster([0: [.init(state: "COMPLETED", saved: true)], 1: [failing, failing]])
        let error = Self.run(cluster, shards: 2, retries: 1)
        let failure = try #require(error as? SlurmFailure)
        #expect(cluster.submissions == [[0, 1], [1]])
        #expect(failure.lines.first?.contains("task 1 (job 102) FAILED") == true)
        #expect(failure.lines.contains { $0.contains("error: disk full") })
        #expect(cluster.isDone(0))
    }

    @Test func aTaskWhoseInputWasRefusedIsNotRetried() throws {
        let cluster = FakeCluster([0: [.init(state: "FAILED", saved: false, exitCode: 2)]])
        #expect(Self.run(cluster, shards: 1) is SlurmFailure)
        #expect(cluster.submissions == [[0]])
    }

    /// "Completed" without its runs in the cache: waited for (a shared filesystem may show
    /// them late), then failed and retried.
    @Test func aTaskCompletedWithoutItsRunsIsWaitedForThenRetried() {
        let cluster = FakeCluster([0: [.init(state: "COMPLETED", saved: false), .init(state: "gone", saved: true)]])
        #expect(Self.run(cluster, shards: 1) == nil)
        #expect(cluster.submissions == [[0], [0]])
        // Looked at the queue through the 10 s grace (every 2 s) before resubmitting.
        #expect(cluster.looks["101"]! >= 6)
    }

    @Test func aQueueThatDoesNotAnswerForAWhileIsAskedAgain() {
        let cluster = FakeCluster([0: [.init(state: "COMPLETED", saved: true)]])
        cluster.queueFailures = 5
        #expect(Self.run(cluster, shards: 1) == nil)
    }

    /// A build that fails (here: sbatch refusing a resubmission) cancels what it submitted.
    @Test func aFailingBuildCancelsItsJobs() throws {
        final class Refusing: SlurmControl, @unchecked Sendable {
            let inner: FakeCluster
            init(_ inner: FakeCluster) { self.inner = inner }
            func submit(shards: [Int]) throws -> String {
                if !inner.submissions.isEmpty { throw SlurmCommandError(command: "sbatch", message: "invalid partition specified: gpu") }
                return try inner.submit(shards: shards)
            }
            func records(jobs: [String]) throws -> [SlurmTask: SlurmTaskRecord] { try inner.records(jobs: jobs) }
            func cancel(jobs: [String]) { inner.cancel(jobs: jobs) }
            func logTail(_ task: SlurmTask) -> [String] { [] }
        }
        let cluster = FakeCluster([0: [.init(state: "NODE_FAIL", saved: false)], 1: [.init(state: "RUNNING", saved: false)]])
        let run = SlurmArrayRun(
            control: Refusing(cluster), shards: 2, policy: SlurmRetryPolicy(retries: 2), pollSeconds: 0, visibilitySeconds: 0,
            submitted: SlurmJobList(), isDone: { cluster.isDone($0) }, event: { _ in })
        #expect(throws: SlurmCommandError.self) { try run.run() }
        #expect(cluster.cancelled == ["101"])
    }
}
