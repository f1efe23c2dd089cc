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

    func run() async throws {
        let server = PreviewServer(options: book.buildOptions(), port: port, log: { printError($0) })
        let chapters = book.chapters
        let serving = Task {
            try await server.run { address in
                // Written unbuffered: scripts and tests read the address as soon as it is there.
                FileHandle.standardOutput.write(Data("Serving \(address) — watching \(chapters)/ (Ctrl-C to stop)\n".utf8))
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
