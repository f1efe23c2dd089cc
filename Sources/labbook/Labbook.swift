import ArgumentParser
import Foundation

@main
struct Labbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labbook",
        abstract: "Compile neural-network course chapters with live experiments into an HTML workbook.",
        subcommands: [Build.self, Check.self, Clean.self, Train.self, Activations.self, Gallery.self, Serve.self, Bench.self])

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
            FileHandle.standardError.write(Data("labbook: error: \(message)\n".utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Writes to standard error (progress, warnings) without touching standard output.
func printError(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}

/// Progress only makes sense on a terminal; in logs it would be noise.
let standardErrorIsTerminal = isatty(STDERR_FILENO) != 0
