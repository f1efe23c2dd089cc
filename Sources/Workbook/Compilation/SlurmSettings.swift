import Foundation

/// How `labbook build --executor slurm` uses the cluster (`--slurm-…` flags).
public struct SlurmSettings: Sendable {
    /// Array tasks: the jobs are dealt into this many shards (`--slurm-tasks`).
    public var tasks: Int
    /// `--slurm-partition`; nil submits to the cluster's default partition.
    public var partition: String?
    /// `--slurm-time`, in any form `sbatch --time` takes (`30`, `1:00:00`, `1-0`); nil leaves
    /// the partition's default limit.
    public var timeLimit: String?
    /// Cores each task asks for and trains on (`--cpus-per-task`).
    public var cpusPerTask: Int
    /// Resubmissions of a failed task before the build gives up on it (`--slurm-retries`).
    public var retries: Int
    /// The `labbook` the tasks run: this executable unless `--slurm-labbook` names the path it
    /// has on the compute nodes.
    public var labbook: URL
    /// Seconds between two looks at the queue.
    public var pollSeconds: Double = 2
    /// How long a task that Slurm reports finished may take to show its runs in the cache
    /// before it counts as failed: a shared filesystem (NFS) may show a file written on another
    /// node only after its attribute cache expires (`acdirmax`, 60 s by default).
    public var visibilitySeconds: Double = 60

    public init(tasks: Int, partition: String? = nil, timeLimit: String? = nil, cpusPerTask: Int = 1, retries: Int = 2, labbook: URL) {
        self.tasks = tasks
        self.partition = partition
        self.timeLimit = timeLimit
        self.cpusPerTask = cpusPerTask
        self.retries = retries
        self.labbook = labbook
    }
}
