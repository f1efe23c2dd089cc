import Foundation

/// `labbook build --executor slurm`: the runs the cache lacks are trained by one Slurm array job
/// whose tasks each run `labbook train-jobs` on their shard, writing into the cache; the build
/// waits for them and goes on as if an earlier build had trained them.
///
/// Its files go into the cache, the one folder the compute nodes must share with the build:
/// `slurm/JOB-FOLDER/` holds the jobs file (`runs.jobs`), the batch script (`train.sh`) and
/// one log per task and attempt (`logs/train-JOB_TASK.log`, a line per run it trained). When
/// every task succeeded the jobs file is removed and the logs kept; when one failed, all is
/// kept. `labbook clean --cache` removes them with the cache.
public struct SlurmTraining: RemoteTraining {
    public var settings: SlurmSettings
    public var event: @Sendable (String) -> Void
    /// The jobs submitted and still running: what Ctrl-C cancels (``cancel()``).
    public let submitted = SlurmJobList()
    /// Replaces the real `sbatch`/`squeue` (tests); nil runs them.
    public var control: (@Sendable (_ script: URL, _ logs: URL) -> any SlurmControl)?

    public init(settings: SlurmSettings, event: @escaping @Sendable (String) -> Void) {
        self.settings = settings
        self.event = event
    }

    public func train(_ jobs: [RunJob], cache: BuildCache, estimatedCPUSeconds: Double) throws {
        let shards = max(1, min(settings.tasks, jobs.count))
        let folder = cache.root.appendingPathComponent("slurm")
            .appendingPathComponent("\(Int(Date().timeIntervalSince1970))-\(ProcessInfo.processInfo.processIdentifier)")
        let logs = folder.appendingPathComponent("logs")
        do {
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        } catch {
            throw FileError.wrapping(error, path: logs.path, doing: "create the folder of the Slurm job")
        }
        let jobsFile = folder.appendingPathComponent("runs.jobs")
        try RunJobList.write(jobs, to: jobsFile)
        let script = folder.appendingPathComponent("train.sh")
        try atomicWrite(
            Data(
                SlurmCommands.script(
                    labbook: settings.labbook, jobsFile: jobsFile, cache: cache.root, tasks: shards, threads: settings.cpusPerTask
                ).utf8), to: script)
        chmod(script.path, 0o755)
        event(
            "slurm: \(jobs.count) run\(jobs.count == 1 ? "" : "s") to train, about \(WorkEstimate.duration(estimatedCPUSeconds)) of CPU time, in \(shards) array task\(shards == 1 ? "" : "s") (files in \(folder.path))"
        )
        let shardTraining = ShardTraining(cache: cache, workers: 1)
        let run = SlurmArrayRun(
            control: control?(script, logs) ?? SlurmCommandLine(script: script, logs: logs, settings: settings),
            shards: shards, policy: SlurmRetryPolicy(retries: settings.retries),
            pollSeconds: settings.pollSeconds, visibilitySeconds: settings.visibilitySeconds, submitted: submitted,
            isDone: { shard in shardTraining.missing(jobs, shard: Shard(index: shard, count: shards)!).isEmpty },
            event: event)
        try run.run()
        // The logs stay, a record of which task trained which run; the jobs file (the bulk of
        // the folder on a large course) goes.
        try? FileManager.default.removeItem(at: jobsFile)
    }

    /// Cancels every job this build submitted that may still run (an interrupted build).
    public func cancel() {
        let jobs = submitted.all
        guard !jobs.isEmpty else { return }
        (control?(URL(fileURLWithPath: "/"), URL(fileURLWithPath: "/"))
            ?? SlurmCommandLine(
                script: URL(fileURLWithPath: "/"), logs: URL(fileURLWithPath: "/"), settings: settings)).cancel(jobs: jobs)
    }
}
