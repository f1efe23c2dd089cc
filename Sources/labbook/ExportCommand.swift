import ArgumentParser
import Foundation
import Workbook

/// `labbook export`: the book's questions for a learning management system.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the book's questions for an LMS: an IMS QTI 2.1 package or Moodle XML.",
        discussion:
            "Values come from the runs (trained where the cache lacks them); maths is pre-rendered. With --roster, every numeric question becomes one item per student, with that student's own value. The file is never written into an output folder a build wrote."
    )

    @OptionGroup var book: BookOptions
    @Option(help: "Write an IMS QTI 2.1 content package (a ZIP) to this file.")
    var qti: String?
    @Option(help: "Write Moodle XML to this file.")
    var moodle: String?
    @Option(help: "A roster CSV (columns id,name): numeric questions get one item per student, on that student's runs.")
    var roster: String?
    @Option(help: "Training jobs in parallel (default: one per core).")
    var jobs: Int?

    func validate() throws {
        guard (qti == nil) != (moodle == nil) else {
            throw ValidationError("give one of --qti FILE.zip or --moodle FILE.xml")
        }
    }

    func run() throws {
        var options = book.buildOptions(jobs: jobs)
        if let roster {
            options.roster = URL(fileURLWithPath: roster)
            options.rosterDisplayPath = roster
        }
        let (format, path) = qti.map { (LMSFormat.qti, $0) } ?? (LMSFormat.moodle, moodle!)
        let live = ProgressLine()
        do {
            let report = try Builder(options: options, progress: { live.show($0) }).export(format, to: URL(fileURLWithPath: path))
            live.clear()
            print(
                "Wrote \(path): \(report.items) item\(report.items == 1 ? "" : "s"), \(report.figures) figure\(report.figures == 1 ? "" : "s"), \(report.bytes) bytes (\(report.trainedRuns) run\(report.trainedRuns == 1 ? "" : "s") trained)"
            )
        } catch let failure as BuildFailure {
            live.clear()
            for diagnostic in failure.diagnostics { printError(diagnostic.line) }
            printError("labbook: export failed with \(failure.errorCount) error\(failure.errorCount == 1 ? "" : "s"); nothing was written")
            throw ExitCode(1)
        } catch let error as FileError {
            live.clear()
            printError("labbook: error: \(error); nothing was written")
            throw ExitCode(1)
        }
    }
}
