import ArgumentParser
import Foundation

/// Prints `handout.html` to `handout.pdf` with headless Chromium.
enum HandoutPrinter {
    static func chromium() -> String? {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    static func printPDF(output: URL) throws {
        guard let browser = chromium() else {
            printError("labbook: error: --pdf needs headless Chromium; install it with: apt-get install chromium (the HTML handout was written)")
            throw ExitCode(1)
        }
        let handout = output.appendingPathComponent("handout.html")
        let pdf = output.appendingPathComponent("handout.pdf")
        let temporary = output.appendingPathComponent(".handout.pdf.tmp")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000",
            "--print-to-pdf=\(temporary.path)", handout.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: temporary.path) else {
            printError("labbook: error: Chromium could not print \(handout.path) (exit \(process.terminationStatus))")
            throw ExitCode(1)
        }
        _ = try? FileManager.default.removeItem(at: pdf)
        try FileManager.default.moveItem(at: temporary, to: pdf)
    }
}
