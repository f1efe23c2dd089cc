import Foundation

/// Runs a tool to its end or to a time limit, whichever comes first: a tool that hangs (a
/// headless browser waiting for something that never comes) must not hang the build with it.
enum TimedProcess {
    enum Outcome: Equatable, Sendable {
        case exited(status: Int32)
        /// Stopped at the limit: asked to end (SIGTERM), killed (SIGKILL) if it did not.
        case timedOut
    }

    /// Runs `tool` with its output discarded. Past `limit` seconds the process is sent SIGTERM,
    /// and SIGKILL `grace` seconds later if it is still there; a browser's helper processes
    /// end with it, as they do when it crashes. The wait is bounded either way: at most
    /// `limit + 2 × grace`.
    static func run(_ tool: String, _ arguments: [String], limit: TimeInterval, grace: TimeInterval = 5) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        if ended.wait(timeout: .now() + limit) == .success { return .exited(status: process.terminationStatus) }
        process.terminate()
        if ended.wait(timeout: .now() + grace) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            // Foundation learns of the end only when every process holding its notification
            // channel has ended; a child the tool left behind may hold it, so this wait is
            // bounded too.
            _ = ended.wait(timeout: .now() + grace)
        }
        return .timedOut
    }
}
