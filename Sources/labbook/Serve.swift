import ArgumentParser
import Foundation
import LivePreview
import Workbook

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the workbook on 127.0.0.1, rebuild on every save and reload open pages.")

    @OptionGroup var book: BookOptions
    @Option(help: "Port (default: a free one, printed).")
    var port: UInt16 = 0
    @Option(help: "instructor (answers included) or student (answers left out).")
    var edition: String = "instructor"
    @Flag(help: "Print every place of a repeated warning or error (by default one line per cause, with its count).")
    var verbose = false

    func run() async throws {
        var options = book.buildOptions()
        guard let chosen = Edition(rawValue: edition) else {
            throw ValidationError("--edition: unknown edition '\(edition)'; valid: instructor, student")
        }
        options.edition = chosen
        let server = PreviewServer(options: options, port: port, verbose: verbose, log: { printError($0) })
        let chapters = book.chapters
        let serving = Task {
            try await server.run { address in
                // Written unbuffered: scripts and tests read the address as soon as it is there.
                FileHandle.standardOutput.write(Data("Serving \(address) — watching \(chapters)/ and labbook.yml (Ctrl-C to stop)\n".utf8))
            }
        }
        // Ctrl-C or SIGTERM: stop the server and exit cleanly.
        let stopSignals = StopSignals([SIGINT, SIGTERM]) { serving.cancel() }
        defer { stopSignals.release() }
        do {
            try await serving.value
        } catch {
            // Stopping cancels the server; whatever it throws then is the stop, not a failure.
            if !serving.isCancelled {
                printError("labbook: error: could not serve: \(error)")
                throw ExitCode(1)
            }
        }
        print("Stopped.")
    }
}

/// Turns the given signals into one call of `stop` each, instead of killing the process.
private struct StopSignals {
    let sources: [DispatchSourceSignal]

    init(_ signals: [Int32], stop: @escaping @Sendable () -> Void) {
        sources = signals.map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
    }

    func release() {
        for source in sources { source.cancel() }
    }
}
