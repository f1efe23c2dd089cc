import Foundation

/// The `labbook` executable as a user runs it.
public enum Labbook {
    /// The built executable, beside the test bundle.
    public static var executable: URL {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = bundleFolder.appendingPathComponent("labbook")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = repositoryRoot
        for config in ["release", "debug"] {
            let candidate = root.appendingPathComponent(".build/\(config)/labbook")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return beside
    }

    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    @discardableResult
    public static func run(
        _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        try process(executable, arguments, in: folder, environment: environment)
    }

    /// Runs any program to its end: its exit status, standard output and standard error.
    public static func process(
        _ program: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self))
    }
}

/// Runs a program and returns its standard output (its standard error and exit status unread:
/// for tools such as pdftotext whose output the test then judges).
public func shell(_ executable: String, _ arguments: [String]) throws -> String {
    try Labbook.process(URL(fileURLWithPath: executable), arguments).output
}

extension Labbook.Result {
    /// Whether standard error holds a diagnostic of kind `id` (e.g. `labbook.bad-value`) at
    /// line `line` of `file` (e.g. `Chapters/01-x.md`), any column: tests match kinds and
    /// places, not wording.
    public func reports(_ id: String, at file: String, line: Int) -> Bool {
        error.split(separator: "\n").contains { $0.hasPrefix("\(file):\(line):") && $0.hasSuffix("[\(id)]") }
    }
}
