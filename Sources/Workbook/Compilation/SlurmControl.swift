import Foundation

/// What the build asks of Slurm. ``SlurmCommandLine`` runs the real commands; tests give a
/// scripted cluster, so the waiting and retrying (``SlurmArrayRun``) is tested without one.
public protocol SlurmControl: Sendable {
    /// Submits the array tasks `shards`; returns the job ID.
    func submit(shards: [Int]) throws -> String
    /// What Slurm knows of the tasks of `jobs`; a task it has forgotten is absent.
    func records(jobs: [String]) throws -> [SlurmTask: SlurmTaskRecord]
    func cancel(jobs: [String])
    /// The last lines of a task's log, to show why it failed.
    func logTail(_ task: SlurmTask) -> [String]
}

/// A Slurm command that ran and failed, with what it printed.
public struct SlurmCommandError: Error, CustomStringConvertible {
    public var command: String
    public var message: String
    public var description: String { "\(command): \(message)" }
}

/// ``SlurmControl`` by `sbatch`, `squeue`, `sacct` and `scancel` on the PATH.
public struct SlurmCommandLine: SlurmControl {
    public var script: URL
    public var logs: URL
    public var settings: SlurmSettings

    public init(script: URL, logs: URL, settings: SlurmSettings) {
        self.script = script
        self.logs = logs
        self.settings = settings
    }

    public func submit(shards: [Int]) throws -> String {
        let arguments = SlurmCommands.submit(script: script, shards: shards, settings: settings, logs: logs)
        let result = try CapturedProcess.run(arguments)
        guard result.status == 0, let job = SlurmCommands.submittedJob(result.output) else {
            let said = (result.error + result.output).trimmingCharacters(in: .whitespacesAndNewlines)
            throw SlurmCommandError(
                command: "sbatch", message: "the job was refused (exit status \(result.status)): \(said.isEmpty ? "no message" : said)")
        }
        return job
    }

    public func records(jobs: [String]) throws -> [SlurmTask: SlurmTaskRecord] {
        let queue = try CapturedProcess.run(SlurmCommands.queue(jobs: jobs))
        var records: [SlurmTask: SlurmTaskRecord] = [:]
        if queue.status == 0 {
            records = SlurmQueue.parseQueue(queue.output)
        } else if !queue.error.contains("Invalid job id") {
            // "Invalid job id": every job has left the queue's memory, which is an answer.
            throw SlurmCommandError(command: "squeue", message: queue.error.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // Exit statuses, and tasks the queue no longer lists, from accounting where it is kept.
        if let accounting = try? CapturedProcess.run(SlurmCommands.accounting(jobs: jobs)), accounting.status == 0 {
            for (task, record) in SlurmQueue.parseAccounting(accounting.output) {
                if let known = records[task], case .waiting = known.state { continue }
                records[task] = record
            }
        }
        return records
    }

    public func cancel(jobs: [String]) {
        guard !jobs.isEmpty else { return }
        _ = try? CapturedProcess.run(SlurmCommands.cancel(jobs: jobs))
    }

    public func logTail(_ task: SlurmTask) -> [String] {
        let log = logs.appendingPathComponent("train-\(task.job)_\(task.index).log")
        guard let data = FileManager.default.contents(atPath: log.path) else {
            return ["(no log at \(log.path): the task did not start, or its node does not share this folder)"]
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { TerminalText.escaped(String($0)) }
        return ["last lines of \(log.path):"] + lines.suffix(10).map { "  \($0)" }
    }
}
