import ArgumentParser
import Dispatch
import Foundation
import Workbook

/// Where `build` trains the runs the cache lacks: here (`local`) or on a Slurm cluster.
struct ExecutorOptions: ParsableArguments {
    enum Executor: String, ExpressibleByArgument, CaseIterable { case local, slurm }

    @Option(
        help:
            "Where missing runs are trained: local (this process) or slurm (one sbatch array job; the cache folder must be shared with the compute nodes)."
    )
    var executor: Executor = .local
    @Option(name: .customLong("slurm-partition"), help: "Slurm partition (default: the cluster's default).")
    var slurmPartition: String?
    @Option(name: .customLong("slurm-tasks"), help: "Array tasks the runs are dealt into (default 8).")
    var slurmTasks: Int?
    @Option(name: .customLong("slurm-time"), help: "Time limit of each task, as sbatch --time takes it (e.g. 30 or 1:00:00).")
    var slurmTime: String?
    @Option(name: .customLong("slurm-cpus-per-task"), help: "Cores per task, each training a run at a time (default 1).")
    var slurmCPUsPerTask: Int?
    @Option(name: .customLong("slurm-retries"), help: "Resubmissions of a failed task before the build fails (default 2).")
    var slurmRetries: Int?
    @Option(name: .customLong("slurm-labbook"), help: "Path of labbook on the compute nodes (default: this executable).")
    var slurmLabbook: String?

    /// The Slurm executor, or nil for `local`. A `--slurm-…` flag without `--executor slurm` is
    /// a mistake, not something to ignore.
    func remoteTraining(event: @escaping @Sendable (String) -> Void) throws -> SlurmTraining? {
        guard executor == .slurm else {
            let given = [
                ("--slurm-partition", slurmPartition != nil), ("--slurm-tasks", slurmTasks != nil), ("--slurm-time", slurmTime != nil),
                ("--slurm-cpus-per-task", slurmCPUsPerTask != nil), ("--slurm-retries", slurmRetries != nil),
                ("--slurm-labbook", slurmLabbook != nil),
            ]
            if let flag = given.first(where: \.1) {
                throw ValidationError("\(flag.0): only with --executor slurm")
            }
            return nil
        }
        let tasks = slurmTasks ?? 8
        guard (1...10_000).contains(tasks) else { throw ValidationError("--slurm-tasks: a number of tasks from 1 to 10000") }
        let cpus = slurmCPUsPerTask ?? 1
        guard (1...1024).contains(cpus) else { throw ValidationError("--slurm-cpus-per-task: a number of cores from 1 to 1024") }
        let retries = slurmRetries ?? 2
        guard (0...100).contains(retries) else { throw ValidationError("--slurm-retries: a number from 0 to 100") }
        let labbook = URL(fileURLWithPath: slurmLabbook ?? Self.thisExecutable)
        var settings = SlurmSettings(
            tasks: tasks, partition: slurmPartition, timeLimit: slurmTime, cpusPerTask: cpus, retries: retries, labbook: labbook)
        // Tests and demos on a one-node cluster look at the queue more often than a real build
        // should; not a flag, because no user needs it.
        if let poll = ProcessInfo.processInfo.environment["LABBOOK_SLURM_POLL_SECONDS"].flatMap(Double.init), poll > 0 {
            settings.pollSeconds = poll
        }
        return SlurmTraining(settings: settings, event: event)
    }

    /// The running labbook's own path (what the tasks run unless `--slurm-labbook` says otherwise).
    static var thisExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// While a Slurm build waits, Ctrl-C (SIGINT) and SIGTERM cancel its array job before the
/// build ends, so no task keeps training for a build nobody waits for.
final class CancelOnInterrupt {
    private var sources: [DispatchSourceSignal] = []

    init(_ training: SlurmTraining) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                let jobs = training.submitted.all
                if !jobs.isEmpty {
                    printError("\nlabbook: interrupted; cancelling Slurm job\(jobs.count == 1 ? "" : "s") \(jobs.joined(separator: ", "))")
                }
                training.cancel()
                printError("labbook: build interrupted; Output/ was left as it was")
                Foundation.exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
