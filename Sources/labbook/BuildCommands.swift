import ArgumentParser
import Foundation
import Workbook

/// Where a book lives: the options `build`, `check` and `clean` share.
struct BookOptions: ParsableArguments {
    @Option(help: "Folder of chapter Markdown files.")
    var chapters = "Chapters"
    @Option(help: "Folder the workbook is written to.")
    var output = "Output"
    @Option(name: .customLong("cache-dir"), help: "Cache folder (default: .labbook-cache beside the chapters folder).")
    var cache: String?

    func buildOptions(jobs: Int? = nil) -> BuildOptions {
        let chaptersURL = URL(fileURLWithPath: chapters)
        var prefix = chapters
        if !prefix.hasSuffix("/") { prefix += "/" }
        if prefix.hasPrefix("./") { prefix.removeFirst(2) }
        return BuildOptions(
            chapters: chaptersURL, output: URL(fileURLWithPath: output),
            cache: cache.map { URL(fileURLWithPath: $0) }, jobs: jobs, displayPrefix: prefix)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the chapters' experiments and write the HTML workbook.",
        discussion: "Only what changed is recomputed; a failed build leaves the previous output as it was.")

    @OptionGroup var book: BookOptions
    @Option(help: "Training and rendering jobs in parallel (default: one per core).")
    var jobs: Int?
    @Option(help: "instructor (answers included) or student (answers left out).")
    var edition: String = "instructor"
    @Option(
        help:
            "A roster CSV (columns id,name): with --edition student one edition per student under Output/students/ID/, each on its own seeds; with the instructor edition also key.csv and key.html, the key to every student's worksheets."
    )
    var roster: String?
    @Flag(help: "Also print the handout to Output/handout.pdf with headless Chromium.")
    var pdf = false
    @Option(
        name: .customLong("max-training-minutes"),
        help: "Refuse before training a build estimated to need more CPU time than this (default 60).")
    var maxTrainingMinutes: Double = 60
    @OptionGroup var executorOptions: ExecutorOptions
    @Flag(help: "Print every place of a repeated warning or error (by default one line per cause, with its count).")
    var verbose = false

    func run() throws {
        var options = book.buildOptions(jobs: jobs)
        guard let chosen = Edition(rawValue: edition) else {
            throw ValidationError("--edition: unknown edition '\(edition)'; valid: instructor, student")
        }
        options.edition = chosen
        if let roster {
            options.roster = URL(fileURLWithPath: roster)
            options.rosterDisplayPath = roster
        }
        guard maxTrainingMinutes > 0, maxTrainingMinutes.isFinite else {
            throw ValidationError("--max-training-minutes: must be a number of minutes greater than 0")
        }
        options.trainingBudgetMinutes = maxTrainingMinutes
        let slurm = try executorOptions.remoteTraining { printError($0) }
        options.remoteTraining = slurm
        let interrupt = slurm.map(CancelOnInterrupt.init)
        defer { withExtendedLifetime(interrupt) {} }
        try runBuild(options, verbose: verbose)
        if pdf {
            // A roster's student build prints each student's handout in their folder.
            let students = options.output.appendingPathComponent("students")
            let folders =
                options.roster != nil && chosen == .student
                ? ((try? FileManager.default.contentsOfDirectory(atPath: students.path)) ?? []).sorted().map {
                    students.appendingPathComponent($0)
                }
                : [options.output]
            for folder in folders {
                try HandoutPrinter.printPDF(output: folder)
                print("Wrote \(folder.appendingPathComponent("handout.pdf").path)")
            }
        }
    }
}

/// Builds and prints progress, warnings and the summary; exits 1 on errors in the chapters.
@discardableResult
func runBuild(_ options: BuildOptions, verbose: Bool = false) throws -> BuildReport {
    let live = ProgressLine()
    let builder = Builder(options: options, progress: { message in live.show(message) })
    do {
        let report = try builder.build()
        live.clear()
        for note in report.notes { printError(note) }
        for line in DiagnosticSummary.lines(report.warnings, verbose: verbose) { printError(line) }
        print(report.summaryLine)
        return report
    } catch let failure as BuildFailure {
        live.clear()
        for line in DiagnosticSummary.lines(failure.diagnostics, verbose: verbose) { printError(line) }
        let errors = failure.errorCount
        printError(
            "labbook: build failed with \(errors) error\(errors == 1 ? "" : "s"); \(options.output.lastPathComponent)/ was left as it was")
        throw ExitCode(1)
    } catch let error as FileError {
        live.clear()
        printError("labbook: error: \(error); \(options.output.lastPathComponent)/ was left as it was")
        throw ExitCode(1)
    } catch let error
        where error is SlurmFailure || error is SlurmCommandError || error is MissingRunsError || error is CapturedProcess.NotFound
    {
        // Training on the cluster failed: what failed, with the logs' last lines.
        live.clear()
        printError("\(error)")
        printError(
            "labbook: training on Slurm failed; \(options.output.lastPathComponent)/ was left as it was (runs already trained stay in the cache)"
        )
        throw ExitCode(1)
    }
}

/// One self-overwriting status line on a terminal; occasional plain lines in a log.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var last = Date.distantPast
    private var shown = false

    func show(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        if standardErrorIsTerminal {
            guard now.timeIntervalSince(last) > 0.05 else { return }
            printControl("\r\u{1B}[K", then: message)
            shown = true
        } else {
            // In logs: a line every few seconds at most, so long builds show they are alive.
            guard now.timeIntervalSince(last) > 5 else { return }
            printError(message)
        }
        last = now
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { printControl("\r\u{1B}[K") }
        shown = false
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse and validate every chapter without training anything.")

    /// `text`: one `file:line:col: error: …` line each on standard error, for people and CI logs.
    /// `json`: an array of objects on standard output, for editors (see README, "Errors").
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var book: BookOptions
    @Option(help: "How diagnostics are printed: text (on standard error) or json (on standard output).")
    var format: Format = .text
    @Flag(help: "Print every place of a repeated warning or error (by default one line per cause, with its count).")
    var verbose = false

    func run() throws {
        let options = book.buildOptions()
        do {
            try FolderGuard.check(options)
        } catch {
            if format == .json {
                print(DiagnosticJSON.unsafeFolder("\(error)"), terminator: "")
            } else {
                printError("labbook: error: \(error)")
            }
            throw ExitCode(1)
        }
        let plan = Builder(options: options).check()
        let errors = plan.diagnostics.filter { $0.severity == .error }.count
        if format == .json {
            print(DiagnosticJSON.encode(DiagnosticSummary.ordered(plan.diagnostics)), terminator: "")
            if errors > 0 { throw ExitCode(1) }
            return
        }
        for line in DiagnosticSummary.lines(plan.diagnostics, verbose: verbose) { printError(line) }
        if errors > 0 {
            printError("labbook: \(errors) error\(errors == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        let experiments = plan.experiments.count
        print("Checked \(plan.chapters.count) chapters and \(experiments) experiments: no errors.")
    }
}

struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove the built workbook (and with --cache, the cache).")

    @OptionGroup var book: BookOptions
    @Flag(name: .customLong("cache"), help: "Also remove the training and figure cache.")
    var cacheToo = false

    func run() throws {
        let options = book.buildOptions()
        let fm = FileManager.default
        do {
            // Only a folder Labbook wrote is emptied, and never the book or its chapters.
            try FolderGuard.check(options)
        } catch {
            printError("labbook: error: \(error); nothing was removed")
            throw ExitCode(1)
        }
        if let entries = try? fm.contentsOfDirectory(atPath: options.output.path) {
            // Keep the project's own dotfiles (Output/.gitkeep) and the marker.
            for name in entries where !name.hasPrefix(".") {
                try fm.removeItem(at: options.output.appendingPathComponent(name))
            }
        }
        print("Removed the contents of \(options.output.path)")
        if cacheToo {
            do {
                try BuildCache(root: options.cache).removeAll()
            } catch {
                printError("labbook: error: \(error)")
                throw ExitCode(1)
            }
            print("Removed the cache \(options.cache.path)")
        }
    }
}
