import ArgumentParser
import Foundation
import Workbook

/// `labbook build --pdf`: prints `handout.html` to `handout.pdf` (see ``HandoutPrinting``).
enum HandoutPrinter {
    static func printPDF(output: URL) throws {
        guard let browser = HandoutPrinting.findBrowser() else {
            printError("labbook: error: \(HandoutPrinting.Failure.noBrowser)")
            throw ExitCode(1)
        }
        do {
            let report = try HandoutPrinting(output: output, browser: browser).print()
            if let note = report.note { printError("labbook: note: \(note)") }
            print(
                "Printed the handout: \(report.pages) pages, contents with page numbers for \(report.numberedEntries) of \(report.entries) lines (\(report.printings) printings)"
            )
        } catch {
            printError("labbook: error: \(error)")
            throw ExitCode(1)
        }
    }
}
