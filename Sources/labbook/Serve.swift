import ArgumentParser
import Foundation
import LivePreview
import Workbook

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the workbook on 127.0.0.1, rebuild on every save and reload open pages.")

    @OptionGroup var book: BookOptions
    @Option(help: "Port (default: a free one, printed).")
    var port: UInt16 = 0

    func run() throws {
        let server = PreviewServer(options: book.buildOptions(), port: port, log: { printError($0) })
        let done = DispatchSemaphore(value: 0)
        let failure = ServeFailure()
        let task = Task {
            do {
                try await server.run { address in
                    // Written unbuffered: scripts and tests read the address as soon as it is there.
                    FileHandle.standardOutput.write(Data("Serving \(address) — watching \(book.chapters)/ (Ctrl-C to stop)\n".utf8))
                }
            } catch {
                // Stopping cancels the server; whatever it throws then is the stop, not a failure.
                if !Task.isCancelled { failure.message = "\(error)" }
            }
            done.signal()
        }
        // Ctrl-C or SIGTERM: stop the server and exit cleanly.
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { task.cancel() }
            source.resume()
            sources.append(source)
        }
        done.wait()
        if let message = failure.message {
            printError("labbook: error: could not serve: \(message)")
            throw ExitCode(1)
        }
        print("Stopped.")
        _ = sources
    }
}

final class ServeFailure: @unchecked Sendable {
    var message: String?
}
