import Foundation

/// The command lines `labbook build --executor slurm` runs, as argument lists (no shell), and
/// the batch script its array tasks run. Kept apart from running them so tests can read them.
public enum SlurmCommands {
    public static let jobName = "labbook-train"

    /// `sbatch` of the array tasks `shards` (all of them at first, `--array=0-7`; the failed ones
    /// when resubmitting, `--array=3,5`). Each task's output goes to `logs/train-JOB_TASK.log`,
    /// one file per attempt.
    public static func submit(script: URL, shards: [Int], settings: SlurmSettings, logs: URL) -> [String] {
        var arguments = [
            "sbatch", "--parsable", "--job-name=\(jobName)", "--array=\(arraySpec(shards))",
            "--output=\(logs.appendingPathComponent("train-%A_%a.log").path)",
            "--cpus-per-task=\(settings.cpusPerTask)", "--ntasks=1",
        ]
        if let partition = settings.partition { arguments.append("--partition=\(partition)") }
        if let time = settings.timeLimit { arguments.append("--time=\(time)") }
        arguments.append(script.path)
        return arguments
    }

    /// `0-7` for a whole range, `3,5` otherwise.
    static func arraySpec(_ shards: [Int]) -> String {
        let sorted = shards.sorted()
        if let first = sorted.first, let last = sorted.last, sorted.count > 1, last - first == sorted.count - 1 {
            return "\(first)-\(last)"
        }
        return sorted.map(String.init).joined(separator: ",")
    }

    /// Every task of `jobs`, one line each (`--array`), finished ones too while Slurm remembers
    /// them (`--states=all`): `123_4 RUNNING`.
    public static func queue(jobs: [String]) -> [String] {
        ["squeue", "--noheader", "--array", "--states=all", "--jobs=\(jobs.joined(separator: ","))", "--format=%i %T"]
    }

    /// The accounting record of `jobs`' tasks, for those the queue has forgotten:
    /// `123_4|FAILED|1:0`. Fails harmlessly on a cluster without accounting.
    public static func accounting(jobs: [String]) -> [String] {
        ["sacct", "--noheader", "--parsable2", "--allocations", "--jobs=\(jobs.joined(separator: ","))", "--format=JobID,State,ExitCode"]
    }

    public static func cancel(jobs: [String]) -> [String] {
        ["scancel"] + jobs
    }

    /// The batch script: each array task trains its shard (`$SLURM_ARRAY_TASK_ID` of `tasks`).
    public static func script(labbook: URL, jobsFile: URL, cache: URL, tasks: Int, threads: Int) -> String {
        """
        #!/bin/sh
        # Written by `labbook build --executor slurm`: array task I trains shard I/\(tasks) of the
        # run jobs into the shared cache.
        exec \(shellQuoted(labbook.path)) train-jobs --jobs \(shellQuoted(jobsFile.path)) --shard "$SLURM_ARRAY_TASK_ID/\(tasks)" --cache-dir \(shellQuoted(cache.path)) --threads \(threads)

        """
    }

    /// `text` in single quotes for sh, its own single quotes spelled `'\''`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The job ID `sbatch --parsable` prints (`123`, or `123;cluster` on a federation); nil when
    /// the output holds none.
    public static func submittedJob(_ output: String) -> String? {
        guard let line = output.split(whereSeparator: \.isNewline).last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return nil
        }
        let id = line.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return !id.isEmpty && id.allSatisfy(\.isNumber) ? id : nil
    }
}
