import Foundation

/// An array job from submission to its last task: submits every shard as one array, looks at
/// the queue every few seconds, reports each task as it finishes, resubmits a failed one as the
/// ``SlurmRetryPolicy`` allows, and throws ``SlurmFailure`` naming the tasks it gave up on once
/// the others are done.
///
/// A task is done when the cache holds every run of its shard, whatever Slurm says: the cache
/// is the record that counts (a task cancelled just after saving its last run is done; one that
/// "completed" without its runs is not). A task that ended without them is waited for a little
/// (``SlurmSettings/visibilitySeconds``) before it counts as failed, because a shared
/// filesystem may show another node's new files late.
public struct SlurmArrayRun: Sendable {
    public var control: any SlurmControl
    public var shards: Int
    public var policy: SlurmRetryPolicy
    public var pollSeconds: Double
    public var visibilitySeconds: Double
    /// Whether the cache holds every run of a shard.
    public var isDone: @Sendable (Int) -> Bool
    /// One line per event (submitted, task finished, resubmitted).
    public var event: @Sendable (String) -> Void
    /// Jobs that may still have tasks running: what an interrupted build cancels.
    public var submitted: SlurmJobList
    public var sleep: @Sendable (Double) -> Void = { usleep(UInt32(max(0, $0) * 1_000_000)) }
    public var now: @Sendable () -> Double = { Date().timeIntervalSinceReferenceDate }
    /// Consecutive failures to read the queue before the build gives up.
    public var queueErrorLimit = 30

    public init(
        control: any SlurmControl, shards: Int, policy: SlurmRetryPolicy, pollSeconds: Double, visibilitySeconds: Double,
        submitted: SlurmJobList, isDone: @escaping @Sendable (Int) -> Bool, event: @escaping @Sendable (String) -> Void
    ) {
        self.control = control
        self.shards = shards
        self.policy = policy
        self.pollSeconds = pollSeconds
        self.visibilitySeconds = visibilitySeconds
        self.submitted = submitted
        self.isDone = isDone
        self.event = event
    }

    /// Runs the array to its end. On any error the jobs still queued are cancelled.
    public func run() throws {
        do {
            try waitForAll()
        } catch {
            control.cancel(jobs: submitted.all)
            submitted.removeAll()
            throw error
        }
    }

    private func waitForAll() throws {
        let all = Array(0..<shards)
        let first = try control.submit(shards: all)
        submitted.add(first)
        event("slurm: submitted job \(first): \(shards) array task\(shards == 1 ? "" : "s")")
        var jobOf = Dictionary(uniqueKeysWithValues: all.map { ($0, first) })
        var attempts = Dictionary(uniqueKeysWithValues: all.map { ($0, 1) })
        var endedAt: [Int: Double] = [:]
        var outstanding = Set(all)
        var failures: [String] = []
        var gaveUp = 0
        var queueErrors = 0
        while !outstanding.isEmpty {
            sleep(pollSeconds)
            let records: [SlurmTask: SlurmTaskRecord]
            do {
                records = try control.records(jobs: Array(Set(outstanding.compactMap { jobOf[$0] })).sorted())
                queueErrors = 0
            } catch {
                queueErrors += 1
                if queueErrors >= queueErrorLimit { throw SlurmFailure(lines: ["slurm: cannot read the queue: \(error)"]) }
                continue
            }
            var resubmit: [Int] = []
            for shard in outstanding.sorted() {
                let task = SlurmTask(job: jobOf[shard]!, index: shard)
                let record = records[task]
                if case .waiting = record?.state { continue }
                if isDone(shard) {
                    outstanding.remove(shard)
                    event("slurm: task \(shard) finished [\(shards - outstanding.count - gaveUp)/\(shards) done]")
                    continue
                }
                var ended = "FAILED"
                switch record?.state {
                case .failed(let word): ended = word
                case .completed, .none:
                    // Ended by Slurm's account (or forgotten by it) without its runs in sight:
                    // give the shared filesystem its time before calling it a failure.
                    let since = endedAt[shard] ?? now()
                    endedAt[shard] = since
                    if now() - since < visibilitySeconds { continue }
                    ended = record == nil ? "ended" : "COMPLETED"
                    ended += " but its runs are not in the cache"
                case .waiting: continue
                }
                endedAt[shard] = nil
                switch policy.decide(attempts: attempts[shard]!, record: record) {
                case .resubmit:
                    resubmit.append(shard)
                    event("slurm: task \(shard) of job \(task.job) \(ended)")
                case .giveUp(let reason):
                    outstanding.remove(shard)
                    gaveUp += 1
                    failures += ["slurm: task \(shard) (job \(task.job)) \(ended): \(reason)"] + control.logTail(task).map { "  \($0)" }
                    event("slurm: task \(shard) of job \(task.job) \(ended); not resubmitted: \(reason)")
                }
            }
            if !resubmit.isEmpty {
                let job = try control.submit(shards: resubmit)
                submitted.add(job)
                for shard in resubmit {
                    jobOf[shard] = job
                    attempts[shard]! += 1
                }
                let list = resubmit.map(String.init).joined(separator: ", ")
                event(
                    "slurm: resubmitted task\(resubmit.count == 1 ? "" : "s") \(list) as job \(job) (attempt \(attempts[resubmit[0]]!) of \(policy.retries + 1))"
                )
            }
        }
        submitted.removeAll()
        if !failures.isEmpty { throw SlurmFailure(lines: failures) }
    }
}

/// Array tasks the build gave up on, each with why and its log's last lines.
public struct SlurmFailure: Error, CustomStringConvertible {
    public var lines: [String]
    public var description: String { lines.joined(separator: "\n") }
}

/// The jobs a build has submitted and not yet seen end: an interrupted build cancels them.
public final class SlurmJobList: Sendable {
    private let jobs = Locked<[String]>([])
    public init() {}
    public var all: [String] { jobs.get() }
    func add(_ job: String) { jobs.update { $0.append(job) } }
    func removeAll() { jobs.set([]) }
}
