import Foundation

/// Runs a command found on the `PATH` (`sbatch`, `squeue` …) to its end and returns its status
/// and output. A command that cannot be started (not installed) is an error naming it; a command
/// that runs and fails is a result, for the caller to judge.
public enum CapturedProcess {
    public struct Result: Sendable, Equatable {
        public var status: Int32
        public var output: String
        public var error: String

        public init(status: Int32, output: String, error: String) {
            self.status = status
            self.output = output
            self.error = error
        }
    }

    public struct NotFound: Error, CustomStringConvertible {
        public var command: String
        public var description: String { "cannot run \(command): it is not on the PATH" }
    }

    public static func run(_ arguments: [String]) throws -> Result {
        guard let name = arguments.first, let tool = find(name) else {
            throw NotFound(command: arguments.first ?? "")
        }
        let process = Process()
        process.executableURL = tool
        process.arguments = Array(arguments.dropFirst())
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once, so a tool filling one while we wait on the other
        // cannot stall.
        let errorData = Locked(Data())
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData.set(err.fileHandleForReading.readDataToEndOfFile())
            drained.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errorData.get(), as: UTF8.self))
    }

    /// `name` itself when it holds a slash, else the first executable of that name on the PATH.
    static func find(_ name: String) -> URL? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
