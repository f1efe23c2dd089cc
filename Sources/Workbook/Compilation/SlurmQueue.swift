import Foundation

/// One task of an array job: `123_4` is task 4 of job 123.
public struct SlurmTask: Hashable, Sendable, CustomStringConvertible {
    public var job: String
    public var index: Int

    public init(job: String, index: Int) {
        self.job = job
        self.index = index
    }

    public var description: String { "\(job)_\(index)" }
}

/// What Slurm says of a task, reduced to what the build must decide.
public enum SlurmTaskState: Equatable, Sendable {
    /// Pending, running, completing … (the word Slurm used).
    case waiting(String)
    case completed
    /// Ended without completing: FAILED, CANCELLED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY …
    case failed(String)

    /// A state word of `squeue %T` or `sacct State` (`CANCELLED by 0` counts as CANCELLED).
    public init(word: String) {
        let first = word.split(separator: " ").first.map(String.init)?.uppercased() ?? ""
        let state = first.hasSuffix("+") ? String(first.dropLast()) : first
        switch state {
        case "COMPLETED": self = .completed
        case "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "REVOKED",
            "SPECIAL_EXIT":
            self = .failed(state)
        default: self = .waiting(state.isEmpty ? "UNKNOWN" : state)
        }
    }
}

/// A task's state and, when accounting knows it, the exit status of its batch script.
public struct SlurmTaskRecord: Equatable, Sendable {
    public var state: SlurmTaskState
    public var exitCode: Int32?

    public init(state: SlurmTaskState, exitCode: Int32? = nil) {
        self.state = state
        self.exitCode = exitCode
    }
}

/// Reads the output of `squeue` and `sacct` (``SlurmCommands``).
public enum SlurmQueue {
    /// `squeue --format="%i %T"` lines: `123_4 RUNNING`, or for tasks not yet split out of the
    /// array, `123_[5-7] PENDING`. Lines of other shapes (a plain job ID) are skipped.
    public static func parseQueue(_ output: String) -> [SlurmTask: SlurmTaskRecord] {
        var records: [SlurmTask: SlurmTaskRecord] = [:]
        for line in output.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2 else { continue }
            for task in tasks(fields[0]) { records[task] = SlurmTaskRecord(state: SlurmTaskState(word: fields[1])) }
        }
        return records
    }

    /// `sacct --parsable2 --format=JobID,State,ExitCode` lines: `123_4|FAILED|1:0`.
    public static func parseAccounting(_ output: String) -> [SlurmTask: SlurmTaskRecord] {
        var records: [SlurmTask: SlurmTaskRecord] = [:]
        for line in output.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else { continue }
            let exit = fields.count >= 3 ? fields[2].split(separator: ":").first.flatMap { Int32($0) } : nil
            for task in tasks(fields[0]) { records[task] = SlurmTaskRecord(state: SlurmTaskState(word: fields[1]), exitCode: exit) }
        }
        return records
    }

    /// The tasks a job ID names: `123_4` → [123_4]; `123_[0-2,5%4]` → 0, 1, 2, 5 (`%4` is a
    /// limit of tasks at once, not a task); a step (`123_4.batch`) or a plain job ID → none.
    public static func tasks(_ id: String) -> [SlurmTask] {
        guard let underscore = id.firstIndex(of: "_") else { return [] }
        let job = String(id[..<underscore])
        guard !job.isEmpty, job.allSatisfy(\.isNumber) else { return [] }
        var rest = id[id.index(after: underscore)...]
        if let single = Int(rest) { return [SlurmTask(job: job, index: single)] }
        guard rest.hasPrefix("["), rest.hasSuffix("]") else { return [] }
        rest = rest.dropFirst().dropLast()
        if let percent = rest.firstIndex(of: "%") { rest = rest[..<percent] }
        var result: [SlurmTask] = []
        for part in rest.split(separator: ",") {
            let bounds = part.split(separator: "-", maxSplits: 1).map { Int($0) }
            if bounds.count == 1, let only = bounds[0] {
                result.append(SlurmTask(job: job, index: only))
            } else if bounds.count == 2, let low = bounds[0], let high = bounds[1], low <= high, high - low < 1_000_000 {
                result += (low...high).map { SlurmTask(job: job, index: $0) }
            }
        }
        return result
    }
}
