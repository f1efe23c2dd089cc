import ArgumentParser
import Foundation
import Workbook

/// `labbook plan`: the runs a build would train, written to a jobs file for `train-jobs`
/// (on a cluster, or anywhere that shares the cache folder), with their count and cost.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the runs a build would train (what the cache lacks) to a jobs file, with their count and CPU time.",
        discussion:
            "One line per run: its cache key and its configuration as JSON. `labbook train-jobs --jobs FILE --shard I/N` trains them into the cache; the next build then only renders."
    )

    @OptionGroup var book: BookOptions
    @Option(help: "instructor or student: the edition whose runs are planned.")
    var edition: String = "instructor"
    @Option(help: "A roster CSV (columns id,name): plan every student's variants too, as build does.")
    var roster: String?
    @Option(help: "The jobs file to write (default: plan.jobs in the cache folder).")
    var jobs: String?

    func run() throws {
        var options = book.buildOptions()
        guard let chosen = Edition(rawValue: edition) else {
            throw ValidationError("--edition: unknown edition '\(edition)'; valid: instructor, student")
        }
        options.edition = chosen
        if let roster {
            options.roster = URL(fileURLWithPath: roster)
            options.rosterDisplayPath = roster
        }
        let file = jobs.map { URL(fileURLWithPath: $0) } ?? options.cache.appendingPathComponent("plan.jobs")
        do {
            let plan = try Builder(options: options).planRuns()
            // The default file goes into the cache, which must then carry its tag like any
            // cache a build made, or the next build would refuse the folder.
            if jobs == nil { _ = BuildCache(root: options.cache).prepare() }
            try RunJobList.write(plan.missing, to: file)
            print(plan.summary)
            print("Wrote \(file.path)")
        } catch let failure as BuildFailure {
            for diagnostic in failure.diagnostics { printError(diagnostic.line) }
            printError("labbook: plan failed with \(failure.errorCount) error\(failure.errorCount == 1 ? "" : "s"); nothing was written")
            throw ExitCode(1)
        } catch let error as FileError {
            printError("labbook: error: \(error)")
            throw ExitCode(1)
        }
    }
}
