import Foundation
import Workbook

/// `labbook serve`: builds, serves the output folder on 127.0.0.1, rebuilds on every change to
/// the chapters and tells open pages to reload. A failed build keeps the last good pages
/// (the build is atomic) and shows its errors in the page and in the terminal.
public final class PreviewServer: Sendable {
    let options: BuildOptions
    let port: UInt16
    let limits: HTTPLimits
    let log: @Sendable (String) -> Void
    let state = PreviewState()

    public init(options: BuildOptions, port: UInt16, limits: HTTPLimits = HTTPLimits(), log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.port = port
        self.limits = limits
        self.log = log
    }

    /// Builds once, then serves and watches until the task is cancelled. `ready` receives the
    /// address once the server listens.
    public func run(ready: @escaping @Sendable (String) -> Void) async throws {
        // A refused output or cache folder is no build error to show over a page: nothing is served.
        try FolderGuard.check(options)
        await rebuild()
        try Task.checkCancellation()
        let files = OutputFiles(root: options.output)
        let state = self.state
        let http = LoopbackHTTPServer(port: port, limits: limits, log: log) { head in
            Self.respond(to: head, files: files, state: state)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await http.run(ready: ready) }
            group.addTask { try await self.watchChapters() }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Polls the chapter folder and rebuilds after each change, one build at a time.
    func watchChapters() async throws {
        var fingerprint = ChapterFingerprint(folder: options.chapters)
        while true {
            try await Task.sleep(nanoseconds: 250_000_000)
            let now = ChapterFingerprint(folder: options.chapters)
            if now != fingerprint {
                fingerprint = now
                await rebuild()
            }
        }
    }

    /// Builds on a thread of its own (see `runOnOwnThread`).
    func rebuild() async {
        await runOnOwnThread { self.buildNow() }
    }

    private func buildNow() {
        do {
            let report = try Builder(options: options).build()
            for note in report.notes { log(note) }
            for warning in report.warnings { log(warning.line) }
            log(report.summaryLine)
            state.succeeded()
        } catch let failure as BuildFailure {
            for diagnostic in failure.diagnostics { log(diagnostic.line) }
            log("build failed; still serving the last good pages")
            state.failed(failure.diagnostics.map(\.line).joined(separator: "\n"))
        } catch {
            log("build failed: \(error)")
            state.failed("\(error)")
        }
    }

    /// Pages up to this size are read whole to add the reload script; larger ones are streamed
    /// as they are (and do not reload themselves). Book pages are far smaller.
    static let maxInjectedPageBytes = 2 * 1024 * 1024

    static func respond(to head: RequestHead, files: OutputFiles, state: PreviewState) -> Response {
        guard head.method == "GET" || head.method == "HEAD" else {
            var response = Response.text(.methodNotAllowed, "only GET and HEAD")
            response.fields.append(("Allow", "GET, HEAD"))
            return response
        }
        let rawPath = head.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let path = rawPath.removingPercentEncoding else {
            return .text(.badRequest, "malformed percent-encoding in the path")
        }
        if path == "/__labbook/status" {
            return Response(status: .ok, contentType: "application/json", body: state.json)
        }
        switch files.lookup(path) {
        case .forbidden:
            return .text(.forbidden, "forbidden")
        case .notFound:
            return .text(.notFound, "not found: \(path)")
        case .file(let url):
            let ext = url.pathExtension.lowercased()
            guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber else {
                return .text(.notFound, "not found: \(path)")
            }
            // A page gets the reload script, so it is read whole; only pages up to a bound, so
            // memory per connection stays bounded. Everything else is streamed from the disk.
            if ext == "html", size.intValue <= maxInjectedPageBytes {
                guard let data = try? Data(contentsOf: url) else { return .text(.notFound, "not found: \(path)") }
                guard let text = String(data: data, encoding: .utf8) else {
                    return Response(status: .ok, contentType: OutputFiles.contentType(ext), body: data)
                }
                let injected = Data(text.replacingOccurrences(of: "</body>", with: ReloadScript.tag + "</body>").utf8)
                return Response(status: .ok, contentType: OutputFiles.contentType(ext), body: injected)
            }
            var response = Response(status: .ok, contentType: OutputFiles.contentType(ext), body: Data())
            response.file = (url, size.intValue)
            return response
        }
    }
}
