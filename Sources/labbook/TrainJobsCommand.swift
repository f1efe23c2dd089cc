import ArgumentParser
import Foundation
import Workbook

/// `labbook train-jobs`: trains one shard of a jobs file into a (shared) cache. What each Slurm
/// array task of `build --executor slurm` runs; also usable by hand or by another scheduler.
///
/// Exit status: 0 when every run of the shard is in the cache; 2 when the input is refused (a
/// bad `--shard`, an unreadable or invalid jobs file, a cache folder Labbook did not make) —
/// retrying cannot help; 1 when training or writing failed.
struct TrainJobs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-jobs",
        abstract: "Train shard I of N of a jobs file (labbook plan) into the cache.",
        discussion:
            "Safe with other shards writing the same cache at once, on a shared filesystem without locks: each run appears whole or not at all. Run again after a kill, it trains only what is missing. Prints one line per run trained."
    )

    @Option(help: "The jobs file written by labbook plan.")
    var jobs: String
    @Option(help: "Which part to train: I/N trains jobs I, I+N, I+2N … (0 ≤ I < N).")
    var shard: String = "0/1"
    @Option(name: .customLong("cache-dir"), help: "The cache folder to train into (shared by every shard).")
    var cache: String
    @Option(help: "Runs trained at once (default: $SLURM_CPUS_PER_TASK, else one per core).")
    var threads: Int?

    func run() throws {
        guard let part = Shard(parsing: shard) else {
            printError("labbook: error: --shard '\(shard)': valid: I/N with 0 ≤ I < N, e.g. 3/8")
            throw ExitCode(2)
        }
        let cacheURL = URL(fileURLWithPath: cache).standardizedFileURL
        let list: [RunJob]
        do {
            try BuildCache.checkIsOurs(cacheURL)
            list = try RunJobList.read(URL(fileURLWithPath: jobs), displayPath: jobs, shard: part)
        } catch {
            printError("labbook: error: \(error)")
            throw ExitCode(2)
        }
        let environment = ProcessInfo.processInfo.environment
        let workers = threads ?? environment["SLURM_CPUS_PER_TASK"].flatMap { Int($0) } ?? ProcessInfo.processInfo.activeProcessorCount
        writeLine(
            String(
                format: "labbook train-jobs: shard %@ of %@ (%d threads) started at %.3f", locale: Locale(identifier: "en_US_POSIX"),
                part.description, jobs, workers, Date().timeIntervalSince1970))
        do {
            let report = try ShardTraining(cache: BuildCache(root: cacheURL), workers: workers).train(
                list, shard: part, alreadySelected: true
            ) { writeLine($0) }
            if let first = report.secondsToFirstRun {
                writeLine(String(format: "first run started %.3f s after the start", locale: Locale(identifier: "en_US_POSIX"), first))
            }
            writeLine("labbook train-jobs: shard \(part): \(report.summary)")
        } catch {
            printError("labbook: error: \(error)")
            throw ExitCode(1)
        }
    }
}

/// A line on standard output, written at once: under Slurm the output is a file, and a task
/// killed midway must leave in its log every run it reported saved.
private func writeLine(_ text: String) {
    FileHandle.standardOutput.write(Data((terminalSafe(text) + "\n").utf8))
}
