import FlyingFox
import Foundation
import Workbook

/// `labbook serve`: builds, serves the output folder on 127.0.0.1, rebuilds on every change to
/// the chapters and tells open pages to reload. A failed build keeps the last good pages
/// (the build is atomic) and shows its errors in the page and in the terminal.
public final class PreviewServer: Sendable {
    let options: BuildOptions
    let port: UInt16
    let log: @Sendable (String) -> Void
    let state = PreviewState()

    public init(options: BuildOptions, port: UInt16, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.port = port
        self.log = log
    }

    /// Builds once, then serves and watches until the task is cancelled. `ready` receives the
    /// address once the server listens.
    public func run(ready: @escaping @Sendable (String) -> Void) async throws {
        rebuild()
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
        let state = self.state
        let output = options.output
        await server.appendRoute("GET /__labbook/status") { _ in
            HTTPResponse(
                statusCode: .ok, headers: [.contentType: "application/json", HTTPHeader("Cache-Control"): "no-store"],
                body: state.json)
        }
        await server.appendRoute("GET *") { request in
            Self.file(for: request.path, in: output)
        }
        let watcher = Task.detached { [self] in
            var fingerprint = ChapterFingerprint(folder: options.chapters)
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 250_000_000)
                let now = ChapterFingerprint(folder: options.chapters)
                if now != fingerprint {
                    fingerprint = now
                    rebuild()
                }
            }
        }
        defer { watcher.cancel() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                if case .ip4(let host, let boundPort) = await server.listeningAddress {
                    ready("http://\(host):\(boundPort)/")
                }
            }
            try await group.next()
            try await group.next()
        }
    }

    func rebuild() {
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

    static func file(for path: String, in root: URL) -> HTTPResponse {
        var relative = path.removingPercentEncoding ?? path
        if relative.hasSuffix("/") || relative.isEmpty { relative += "index.html" }
        // No way out of the output folder.
        let parts = relative.split(separator: "/").filter { !$0.isEmpty && $0 != "." }
        guard !parts.contains("..") else { return HTTPResponse(statusCode: .forbidden) }
        let url = parts.reduce(root) { $0.appendingPathComponent(String($1)) }
        guard var data = try? Data(contentsOf: url) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain"], body: Data("not found: \(path)\n".utf8))
        }
        let ext = url.pathExtension.lowercased()
        if ext == "html", let text = String(data: data, encoding: .utf8) {
            let injected = text.replacingOccurrences(of: "</body>", with: ReloadScript.tag + "</body>")
            data = Data(injected.utf8)
        }
        return HTTPResponse(
            statusCode: .ok,
            headers: [.contentType: contentType(ext), HTTPHeader("Cache-Control"): "no-store"],
            body: data)
    }

    static func contentType(_ ext: String) -> String {
        switch ext {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "ttf": "font/ttf"
        default: "application/octet-stream"
        }
    }
}

/// Names, sizes and modification times of the chapter files: polled, so it works the same on
/// every file system without inotify.
struct ChapterFingerprint: Equatable {
    var entries: [String] = []

    init(folder: URL) {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let attributes = try? fm.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            entries.append("\(name)|\(size)|\(modified)")
        }
    }
}
