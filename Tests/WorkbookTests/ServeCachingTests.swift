import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// A reload after an edit asks again for every file of the page; the files the build kept
/// answer "not modified", so only what changed travels. Pages themselves are never cached.
@Suite("Live preview revalidation", .serialized)
struct ServeCachingTests {
    /// Status line and header fields of a GET sent over a plain connection.
    static func get(_ path: String, port: UInt16, ifNoneMatch: String? = nil) throws -> (status: Int?, head: String) {
        let client = try LoopbackClient(port: port)
        var request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if let ifNoneMatch { request += "If-None-Match: \(ifNoneMatch)\r\n" }
        client.send(request + "\r\n")
        let bytes = client.receiveUntilClosed(within: 20)
        let text = String(decoding: bytes, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        return (LoopbackClient.status(of: bytes), head)
    }

    static func tag(_ head: String) -> String? {
        head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("etag:") }.map {
            String($0.dropFirst(5)).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func aFileTheBuildKeptIsNotSentAgainAndAChangedOneIs() throws {
        let served = try ServedBook("basic")
        defer { served.stop() }
        let first = try Self.get("/search-index.js", port: served.port)
        let tag = try #require(Self.tag(first.head))
        #expect(first.status == 200 && first.head.contains("Cache-Control: no-cache"))
        #expect(try Self.get("/search-index.js", port: served.port, ifNoneMatch: tag).status == 304)
        let style = try #require(Self.tag(try Self.get("/assets/labbook.css", port: served.port).head))
        // An edit changes the search index, not the style sheet.
        func builds() -> Int { served.stderr.value.split(separator: "\n").filter { $0.hasPrefix("Built ") }.count }
        let before = builds()
        try served.book.edit("01-gauss.md") { $0.replacingOccurrences(of: "The node computes", with: "The REVALIDATED node computes") }
        #expect(eventually(60) { builds() > before })
        #expect(try Self.get("/search-index.js", port: served.port, ifNoneMatch: tag).status == 200)
        #expect(try Self.get("/assets/labbook.css", port: served.port, ifNoneMatch: style).status == 304)
        // A page carries the reload script and is never kept.
        let page = try Self.get("/01-gauss.html", port: served.port)
        #expect(page.status == 200 && page.head.contains("Cache-Control: no-store") && Self.tag(page.head) == nil)
    }
}
