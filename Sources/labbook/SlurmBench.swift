import Foundation
import Workbook

/// `labbook bench --synthetic-course RUNS --slurm-tasks N`: the synthetic course built twice
/// from empty caches, trained here and then by an N-task array job on the Slurm cluster that
/// `SLURM_CONF` names (e.g. `scripts/slurm-local start`), and what the cluster costs: the
/// overhead of a task (from submission to its first run), runs per CPU-second inside the tasks
/// against the local build's, and the wall times of both builds.
struct SlurmBench {
    var runs: Int
    var tasks: Int
    var jobs: Int?

    struct TaskLog {
        var startedAt: Double
        var firstRunAfter: Double?
        var trained: Int
        var cpuSeconds: Double
        var wallSeconds: Double
    }

    func run() throws -> [String] {
        let course = SyntheticCourse(runs: runs)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-slurm-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let chapters = try course.write(into: root)
        func options(_ name: String) -> BuildOptions {
            var options = BuildOptions(
                chapters: chapters, output: root.appendingPathComponent("Output-\(name)"),
                cache: root.appendingPathComponent("cache-\(name)"), jobs: jobs)
            options.trainingBudgetMinutes = 600
            return options
        }
        let local = try Builder(options: options("local")).build()

        let submittedAt = SubmissionTime()
        var slurmOptions = options("slurm")
        let settings = SlurmSettings(tasks: tasks, labbook: URL(fileURLWithPath: ExecutorOptions.thisExecutable))
        slurmOptions.remoteTraining = SlurmTraining(settings: settings) { line in
            if line.contains("runs to train") { submittedAt.mark() }
            printError(line)
        }
        let slurm = try Builder(options: slurmOptions).build()
        let logs = try Self.taskLogs(slurmOptions.cache.appendingPathComponent("slurm"))
        let overheads = logs.compactMap { log in log.firstRunAfter.map { log.startedAt + $0 - submittedAt.seconds } }.sorted()
        let taskRuns = logs.reduce(0) { $0 + $1.trained }
        let taskCPU = logs.reduce(0.0) { $0 + $1.cpuSeconds }
        let sameOutput = Self.files(under: slurmOptions.output) == Self.files(under: options("local").output)
        func f(_ value: Double) -> String { String(format: "%.2f", value) }
        return [
            "synthetic course: \(local.trainedRuns) runs in \(course.experiments) sweeps; Slurm: \(tasks) array tasks, \(logs.count) task logs",
            "local build:  training \(f(local.trainingSeconds)) s wall, \(f(local.trainingCPUSeconds)) CPU-s (\(f(Double(local.trainedRuns) / max(local.trainingCPUSeconds, 1e-9))) runs per CPU-second); total \(f(local.totalSeconds)) s",
            "slurm build:  training \(f(slurm.trainingSeconds)) s wall (submit to last task seen done); total \(f(slurm.totalSeconds)) s",
            "inside tasks: \(taskRuns) runs in \(f(taskCPU)) CPU-s (\(f(Double(taskRuns) / max(taskCPU, 1e-9))) runs per CPU-second)",
            "per-task overhead, submit to first run: min \(f(overheads.first ?? .nan)) s, median \(f(overheads.isEmpty ? .nan : overheads[overheads.count / 2])) s, max \(f(overheads.last ?? .nan)) s (later tasks also wait for a free CPU)",
            "outputs identical: \(sameOutput ? "yes" : "NO")",
        ]
    }

    /// Reads what each task printed (`labbook train-jobs`): its start time, when its first run
    /// began, and its summary line.
    static func taskLogs(_ folder: URL) throws -> [TaskLog] {
        var result: [TaskLog] = []
        let fm = FileManager.default
        for job in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let logs = folder.appendingPathComponent(job).appendingPathComponent("logs")
            for name in (try? fm.contentsOfDirectory(atPath: logs.path)) ?? [] {
                let text = try String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8)
                var log = TaskLog(startedAt: 0, firstRunAfter: nil, trained: 0, cpuSeconds: 0, wallSeconds: 0)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    if line.contains(" started at "), let last = words.last, let time = Double(last) { log.startedAt = time }
                    if line.hasPrefix("first run started "), words.count > 3, let seconds = Double(words[3]) { log.firstRunAfter = seconds }
                    if line.hasPrefix("trained ") { log.trained += 1 }
                    if let range = line.range(of: " s wall, "),
                        let cpu = line[range.upperBound...].split(separator: " ").first.flatMap({ Double($0) })
                    {
                        log.cpuSeconds = cpu
                    }
                }
                result.append(log)
            }
        }
        return result
    }

    /// Every file under `folder`, by path relative to it.
    static func files(under folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.count))] = data
        }
        return files
    }
}

/// When the Slurm build submitted its array job (seconds since 1970), set from its event line.
private final class SubmissionTime: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0.0
    func mark() {
        lock.lock()
        value = Date().timeIntervalSince1970
        lock.unlock()
    }
    var seconds: Double {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
