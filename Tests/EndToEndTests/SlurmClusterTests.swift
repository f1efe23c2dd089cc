import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Issue 30, on a real one-node Slurm (`scripts/slurm-local start`; `scripts/test` runs this
/// suite between starting and stopping it, with `SLURM_CONF` set). Each test builds a small
/// synthetic course with `labbook build --executor slurm` as a user would.
@Suite("Builds on a one-node Slurm", .serialized)
struct SlurmClusterTests {
    /// The queue is looked at every half second here (a real build: every 2 s).
    static let environment = ["LABBOOK_SLURM_POLL_SECONDS": "0.5"]

    struct Book {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-slurm-\(UUID().uuidString)")
        var chapters: URL { root.appendingPathComponent("Chapters") }
        func path(_ name: String) -> String { root.appendingPathComponent(name).path }

        init(_ course: SyntheticCourse) throws {
            try course.write(into: root)
        }

        func build(output: String, cache: String, _ extra: [String] = []) throws -> Labbook.Result {
            try Labbook.run(
                ["build", "--chapters", chapters.path, "--output", path(output), "--cache-dir", path(cache)] + extra,
                environment: SlurmClusterTests.environment)
        }

        /// Every log the Slurm build left: file name → contents.
        func logs(cache: String) throws -> [String: String] {
            let slurm = root.appendingPathComponent(cache).appendingPathComponent("slurm")
            var logs: [String: String] = [:]
            for folder in (try? FileManager.default.contentsOfDirectory(atPath: slurm.path)) ?? [] {
                let logFolder = slurm.appendingPathComponent(folder).appendingPathComponent("logs")
                for name in (try? FileManager.default.contentsOfDirectory(atPath: logFolder.path)) ?? [] {
                    logs[name] = try String(contentsOf: logFolder.appendingPathComponent(name), encoding: .utf8)
                }
            }
            return logs
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// The keys of the runs each log line says were trained, over all logs.
    static func trainedKeys(_ logs: [String: String]) -> [String] {
        logs.values.flatMap { $0.split(separator: "\n") }.filter { $0.hasPrefix("trained ") }.map { String($0.split(separator: " ")[1]) }
    }

    /// A course of 20 runs of 10 epochs with loss curves only: for tests of how a build fails,
    /// where the training is beside the point.
    static func twentyQuickRuns() throws -> Book {
        var course = SyntheticCourse(runs: 20)
        course.epochs = 10
        course.figures = "[loss]"
        return try Book(course)
    }

    static func slurmIsRunning() -> Bool {
        let running = ProcessInfo.processInfo.environment["SLURM_CONF"] != nil
        if !running { Issue.record("no Slurm: run scripts/slurm-local start and export the SLURM_CONF it prints (scripts/test does)") }
        return running
    }

    /// Starts `labbook build --executor slurm` on 2 tasks in the background: the process, and
    /// its standard error as it arrives.
    static func startSlurmBuild(_ book: Book) throws -> (Process, Locked<Data>) {
        let build = Process()
        build.executableURL = Labbook.executable
        build.arguments = [
            "build", "--chapters", book.chapters.path, "--output", book.path("Output"), "--cache-dir", book.path("cache"),
            "--executor", "slurm", "--slurm-tasks", "2",
        ]
        build.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { $1 }
        let errors = Pipe()
        build.standardError = errors
        build.standardOutput = FileHandle.nullDevice
        let stderr = Locked(Data())
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            stderr.update { $0.append(data) }
        }
        try build.run()
        return (build, stderr)
    }

    /// The done-when test: 2,000 runs (tiny ones) over 8 array tasks; the workbook is the same
    /// bytes as the local build's, and every run was trained once, by a task.
    @Test func aCourseOf2000RunsBuiltOnSlurmIsTheLocalBuildByteForByte() throws {
        guard Self.slurmIsRunning() else { return }
        var course = SyntheticCourse(runs: 2000)
        // 20 sweeps of 100 runs rather than 100 of 20: the same runs, a fifth of the figures
        // and pages to write twice.
        course.seeds = 25
        course.epochs = 10
        course.hidden = "[2]"
        course.figures = "[loss]"
        let book = try Book(course)
        defer { book.remove() }
        let local = try book.build(output: "LocalOutput", cache: "local-cache")
        #expect(local.status == 0, "\(local.error)")
        let slurm = try book.build(output: "SlurmOutput", cache: "slurm-cache", ["--executor", "slurm", "--slurm-tasks", "8"])
        #expect(slurm.status == 0, "\(slurm.error)")
        #expect(slurm.error.contains("8 array tasks"))
        #expect(slurm.error.contains("[8/8 done]"))
        #expect(slurm.output.contains("(2000 runs trained)"))
        let localTree = try FixtureBook.tree(URL(fileURLWithPath: book.path("LocalOutput")))
        #expect(localTree.count > 100)
        #expect(localTree == (try FixtureBook.tree(URL(fileURLWithPath: book.path("SlurmOutput")))))
        let trained = Self.trainedKeys(try book.logs(cache: "slurm-cache"))
        #expect(trained.count == 2000 && Set(trained).count == 2000)
    }

    /// A task cancelled by `scancel` while it trains is resubmitted; the build completes, and no
    /// run the cancelled task had finished is trained again.
    @Test func aTaskKilledMidwayIsResubmittedAndTrainsOnlyWhatItHadNotFinished() throws {
        guard Self.slurmIsRunning() else { return }
        var course = SyntheticCourse(runs: 40)
        course.epochs = 1500
        course.hidden = "[8, 8]"
        course.figures = "[loss]"
        let book = try Book(course)
        defer { book.remove() }
        let (build, stderr) = try Self.startSlurmBuild(book)
        // Wait for a task that has saved a few runs and is not done, and cancel it.
        var killed: (task: String, finished: [String])?
        let deadline = Date().addingTimeInterval(120)
        while killed == nil, build.isRunning, Date() < deadline {
            usleep(50_000)
            for (name, text) in try book.logs(cache: "cache") {
                let lines = text.split(separator: "\n")
                guard lines.filter({ $0.hasPrefix("trained ") }).count >= 3, !text.contains(" runs: ") else { continue }
                let task = String(name.dropFirst("train-".count).dropLast(".log".count))
                _ = try CapturedProcess.run(["scancel", task])
                usleep(300_000)
                // What it had saved when it died: its log now ends.
                let final = try book.logs(cache: "cache")[name] ?? text
                killed = (task, Self.trainedKeys([name: final]))
                break
            }
        }
        build.waitUntilExit()
        (build.standardError as? Pipe)?.fileHandleForReading.readabilityHandler = nil
        let log = String(decoding: stderr.get(), as: UTF8.self)
        let victim = try #require(killed, "no task was caught midway: \(log)")
        #expect(build.terminationStatus == 0, "\(log)")
        #expect(log.contains("resubmitted task"), "\(log)")
        let trained = Self.trainedKeys(try book.logs(cache: "cache"))
        #expect(Set(trained).count == 40, "every run trained")
        #expect(trained.count == 40, "no run trained twice (the killed task \(victim.task) had finished \(victim.finished.count))")
        #expect(!victim.finished.isEmpty && victim.finished.count < 20)
    }

    /// Two array tasks given the same runs (shard 0/1 each), writing one cache at the same
    /// moment: every run ends as one valid entry, and a plan finds nothing left to train.
    @Test func twoShardsWritingTheSameRunsAtOnceLeaveOneValidFile() throws {
        guard Self.slurmIsRunning() else { return }
        var course = SyntheticCourse(runs: 40)
        course.epochs = 200
        course.figures = "[loss]"
        let book = try Book(course)
        defer { book.remove() }
        let jobs = book.path("runs.jobs")
        let plan = try Labbook.run([
            "plan", "--chapters", book.chapters.path, "--output", book.path("Output"), "--cache-dir", book.path("cache"), "--jobs", jobs,
        ])
        #expect(plan.status == 0, "\(plan.error)")
        #expect(plan.output.contains("40 of 40 runs to train"))
        let script = book.root.appendingPathComponent("same.sh")
        try Data(
            "#!/bin/sh\nexec '\(Labbook.executable.path)' train-jobs --jobs '\(jobs)' --shard 0/1 --cache-dir '\(book.path("cache"))' --threads 1\n"
                .utf8
        ).write(to: script)
        let submitted = try CapturedProcess.run([
            "sbatch", "--parsable", "--array=0-1", "--output=\(book.path("same-%a.log"))", script.path,
        ])
        let job = try #require(SlurmCommands.submittedJob(submitted.output), "\(submitted.error)")
        var states: [SlurmTask: SlurmTaskRecord] = [:]
        for _ in 0..<600 {
            usleep(200_000)
            states = SlurmQueue.parseQueue(try CapturedProcess.run(SlurmCommands.queue(jobs: [job])).output)
            if states.count == 2, states.values.allSatisfy({ if case .waiting = $0.state { false } else { true } }) { break }
        }
        #expect(states.values.map(\.state) == [.completed, .completed])
        let files = try FileManager.default.subpathsOfDirectory(atPath: book.path("cache/runs"))
        #expect(files.filter { $0.hasSuffix(".tmp") }.isEmpty, "no temporary file left")
        #expect(files.filter { $0.hasSuffix(".digest.json") }.count == 40)
        let again = try Labbook.run([
            "plan", "--chapters", book.chapters.path, "--output", book.path("Output"), "--cache-dir", book.path("cache"), "--jobs", jobs,
        ])
        #expect(again.output.contains("0 of 40 runs to train"), "\(again.output)")
        let build = try book.build(output: "Output", cache: "cache")
        #expect(build.status == 0 && build.output.contains("(0 runs trained)"), "\(build.output)\(build.error)")
    }

    /// SIGTERM (or Ctrl-C) while the build waits cancels its array job.
    @Test func anInterruptedBuildCancelsItsArrayJob() throws {
        guard Self.slurmIsRunning() else { return }
        var course = SyntheticCourse(runs: 40)
        course.epochs = 3000
        course.hidden = "[8, 8]"
        course.figures = "[loss]"
        let book = try Book(course)
        defer { book.remove() }
        let (build, stderr) = try Self.startSlurmBuild(book)
        var job: String?
        for _ in 0..<600 where job == nil && build.isRunning {
            usleep(100_000)
            let text = String(decoding: stderr.get(), as: UTF8.self)
            if let range = text.range(of: "submitted job ") {
                job = text[range.upperBound...].split(separator: ":").first.map(String.init)
            }
        }
        let submitted = try #require(job)
        usleep(500_000)
        build.terminate()
        build.waitUntilExit()
        (build.standardError as? Pipe)?.fileHandleForReading.readabilityHandler = nil
        #expect(build.terminationStatus == 128 + SIGTERM)
        #expect(String(decoding: stderr.get(), as: UTF8.self).contains("cancelling Slurm job \(submitted)"))
        var states: [SlurmTaskRecord] = []
        for _ in 0..<50 {
            states = Array(SlurmQueue.parseQueue(try CapturedProcess.run(SlurmCommands.queue(jobs: [submitted])).output).values)
            if states.allSatisfy({ if case .waiting = $0.state { false } else { true } }) { break }
            usleep(200_000)
        }
        #expect(!states.isEmpty && states.allSatisfy { $0.state == .failed("CANCELLED") }, "\(states)")
        #expect(!FileManager.default.fileExists(atPath: book.path("Output")))
    }

    /// A job sbatch refuses (no such partition) fails the build with sbatch's own words.
    @Test func aRefusedSubmissionFailsTheBuildWithSbatchsMessage() throws {
        guard Self.slurmIsRunning() else { return }
        let book = try Self.twentyQuickRuns()
        defer { book.remove() }
        let result = try book.build(output: "Output", cache: "cache", ["--executor", "slurm", "--slurm-partition", "nosuch"])
        #expect(result.status == 1)
        #expect(result.error.contains("sbatch: the job was refused"), "\(result.error)")
        #expect(result.error.contains("invalid partition"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: book.path("Output")))
    }

    /// A task that cannot start (no labbook at the path given) fails the build with a clear
    /// report: the task, its state and its log's last lines; nothing is written to Output/.
    @Test func aTaskThatCannotRunFailsTheBuildWithItsLog() throws {
        guard Self.slurmIsRunning() else { return }
        let book = try Self.twentyQuickRuns()
        defer { book.remove() }
        let result = try book.build(
            output: "Output", cache: "cache",
            [
                "--executor", "slurm", "--slurm-tasks", "1", "--slurm-retries", "0", "--slurm-labbook", "/nonexistent/labbook",
            ])
        #expect(result.status == 1)
        #expect(result.error.contains("slurm: task 0"), "\(result.error)")
        #expect(result.error.contains("/nonexistent/labbook"), "\(result.error)")
        #expect(result.error.contains("was left as it was"))
        #expect(!FileManager.default.fileExists(atPath: book.path("Output")))
    }
}
