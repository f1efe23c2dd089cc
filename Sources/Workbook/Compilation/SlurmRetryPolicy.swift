/// Whether a failed array task is submitted again. A task's finished runs are already in the
/// cache, so a retry costs only what it had not finished: worth it for a node that failed, a
/// task preempted, cancelled or out of time. Not for a task whose `labbook train-jobs` refused
/// its arguments, its jobs file or its cache folder (exit status 2): that fails the same way
/// every time, and the build reports it at once.
public struct SlurmRetryPolicy: Sendable, Equatable {
    /// Submissions after the first.
    public var retries: Int

    public init(retries: Int) {
        self.retries = max(0, retries)
    }

    public enum Decision: Equatable, Sendable {
        case resubmit
        case giveUp(String)
    }

    /// `attempts`: how many times the task has been submitted so far, this failed one included.
    public func decide(attempts: Int, record: SlurmTaskRecord?) -> Decision {
        if record?.exitCode == 2 {
            return .giveUp("labbook train-jobs refused its input (exit status 2); a retry would fail the same way")
        }
        if attempts > retries {
            return .giveUp("failed \(attempts) time\(attempts == 1 ? "" : "s")" + (retries == 0 ? " (no retries: --slurm-retries 0)" : ""))
        }
        return .resubmit
    }
}
