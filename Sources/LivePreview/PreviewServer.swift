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
    /// Every place of a repeated diagnostic (`--verbose`), not one line per cause.
    let verbose: Bool
    let state = PreviewState()

    public init(
        options: BuildOptions, port: UInt16, limits: HTTPLimits = HTTPLimits(), verbose: Bool = false,
        log: @escaping @Sendable (String) -> Void
    ) {
        var options = options
        // Runs decoded by one rebuild are reused by the next.
        options.runMemory = options.runMemory ?? RunMemory()
        options.pageMemory = options.pageMemory ?? PageMemory()
        options.resultsMemory = options.resultsMemory ?? ResultsMemory()
        options.checkedCacheFiles = options.checkedCacheFiles ?? CheckedFiles()
        options.outputMemory = options.outputMemory ?? OutputMemory()
        self.options = options
        self.port = port
        self.limits = limits
        self.verbose = verbose
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
            if let seen = Self.awaitedVersion(head) { await state.waitForChange(from: seen, seconds: 20) }
            return Self.respond(to: head, files: files, state: state)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await http.run(ready: ready) }
            group.addTask { try await self.watchChapters() }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Polls the book's sources every 25 ms and rebuilds after each change, one build at a time.
    /// (A poll of the seed course's folder takes 0.08 ms: 0.3 % of a core while idle, for an
    /// edit seen 12 ms after the save on average instead of 25.)
    func watchChapters() async throws {
        var fingerprint = sourceFingerprint()
        while true {
            try await Task.sleep(nanoseconds: 25_000_000)
            var now = sourceFingerprint()
            if now != fingerprint {
                // An editor saving (truncate, then write) can be caught halfway: the build would
                // read half a chapter, fail, and flash its errors over the page. So the files
                // must hold still for 5 ms first (at most 20 times, for a writer that never stops).
                for _ in 0..<20 {
                    try await Task.sleep(nanoseconds: 5_000_000)
                    let settled = sourceFingerprint()
                    if settled == now { break }
                    now = settled
                }
                // Taken before the build: a save during the build is seen at the next poll. (A
                // data file the build newly names outside Chapters/ costs one more build.)
                fingerprint = now
                await rebuild()
            }
        }
    }

    /// The chapters folder (chapters and data files under it), `labbook.yml` beside it, the
    /// roster, and the data files outside the chapters folder that the last build read.
    func sourceFingerprint() -> ChapterFingerprint {
        var files = [options.chapters.deletingLastPathComponent().appendingPathComponent("labbook.yml")]
        if let roster = options.roster { files.append(roster) }
        return ChapterFingerprint(folder: options.chapters, files: files + state.extraSources)
    }

    /// `/__labbook/status?since=N`: the page waits for a version other than N.
    static func awaitedVersion(_ head: RequestHead) -> Int? {
        let parts = head.target.split(separator: "?", maxSplits: 1)
        guard parts.count == 2, parts[0] == "/__labbook/status", parts[1].hasPrefix("since=") else { return nil }
        return Int(parts[1].dropFirst(6))
    }

    /// Builds on a thread of its own (see `runOnOwnThread`).
    func rebuild() async {
        await runOnOwnThread { self.buildNow() }
    }

    private func buildNow() {
        // Open pages reload as soon as the new Output/ is in place, not after the old one is
        // deleted and the summary printed.
        var options = self.options
        let state = self.state
        let before = state.currentVersion
        options.published = { state.succeeded() }
        do {
            let report = try Builder(options: options).build()
            state.extraSources = (report.dataFiles.filter { !$0.path.hasPrefix(options.chapters.path + "/") })
            for note in report.notes { log(note) }
            for line in DiagnosticSummary.lines(report.warnings, verbose: verbose) { log(line) }
            log(report.summaryLine)
            if state.currentVersion == before { state.succeeded() }
        } catch let failure as BuildFailure {
            let lines = DiagnosticSummary.lines(failure.diagnostics, verbose: verbose)
            for line in lines { log(line) }
            log("build failed; still serving the last good pages")
            state.failed(lines.joined(separator: "\n"))
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
            // Figures, styles, scripts and fonts: a reload after an edit asks for each and gets
            // "not modified" for every file the build kept (the same inode, see OutputWriter)
            // instead of all of its bytes again.
            let tag = OutputFiles.entityTag(url)
            if let tag, head.field("if-none-match") == tag {
                return Response(status: .notModified, contentType: OutputFiles.contentType(ext), body: Data()).revalidated(tag: tag)
            }
            var response = Response(status: .ok, contentType: OutputFiles.contentType(ext), body: Data())
            response.file = (url, size.intValue)
            return tag.map { response.revalidated(tag: $0) } ?? response
        }
    }
}
