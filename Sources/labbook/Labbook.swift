import ArgumentParser
import Foundation
import Workbook

@main
struct Labbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labbook",
        abstract: "Compile neural-network course chapters with live experiments into an HTML workbook.",
        subcommands: [
            Build.self, Check.self, Clean.self, Export.self, Grade.self, Train.self, Activations.self, Gallery.self, Serve.self, Bench.self,
            Plan.self, TrainJobs.self,
        ])

    /// Usage mistakes print one line and exit with status 2 (not ArgumentParser's 64), so
    /// scripts can tell a bad flag from a failed build (status 1).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            let message = self.message(for: error)
            printError("labbook: error: \(message)")
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Writes to standard error (progress, warnings) without touching standard output.
///
/// The text is printed with control characters escaped (``terminalSafe(_:)``): diagnostics,
/// progress lines and notes echo seeds, data set names and file contents, and an escape
/// sequence in a chapter must not clear the screen or set the window title of whoever builds it.
func printError(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((terminalSafe(text) + terminator).utf8))
}

/// The command line's own terminal control (`"\r\u{1B}[K"` clears the progress line), written
/// as is, followed by `text` escaped like ``printError(_:terminator:)``.
func printControl(_ control: String, then text: String = "", terminator: String = "") {
    FileHandle.standardError.write(Data((control + terminalSafe(text) + terminator).utf8))
}

/// Writes to standard output, control characters escaped; line breaks stay.
func printOutput(_ text: String) {
    print(terminalSafe(text))
}

/// `text` with every control character but the line break escaped (``TerminalText``).
func terminalSafe(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escaped(String($0)) }.joined(separator: "\n")
}

/// Progress only makes sense on a terminal; in logs it would be noise.
let standardErrorIsTerminal = isatty(STDERR_FILENO) != 0
