import Foundation

/// One answer of the preview server. Every answer carries its length, so a kept-alive
/// connection knows where the next one starts.
struct Response: Sendable {
    var status: HTTPStatus
    var fields: [(name: String, value: String)]
    var body: Data
    /// A file sent after the head in bounded chunks (``LoopbackHTTPServer/chunkSize``) instead
    /// of `body`: a 100 MB file once cost about 200 MB per client that did not read it.
    var file: (url: URL, size: Int)? = nil

    init(status: HTTPStatus, contentType: String, body: Data, fields: [(name: String, value: String)] = []) {
        self.status = status
        // nosniff: a browser takes the type as given, so a reflected path in a text/plain
        // error can never run as HTML.
        self.fields = [("Content-Type", contentType), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")] + fields
        self.body = body
    }

    /// The answer made revalidatable: the browser may keep the file but asks each time
    /// (`no-cache`), sending `tag` back in `If-None-Match`.
    func revalidated(tag: String) -> Response {
        var response = self
        response.fields = fields.map { $0.name == "Cache-Control" ? ("Cache-Control", "no-cache") : $0 } + [("ETag", tag)]
        return response
    }

    /// A short plain-text answer, for errors.
    static func text(_ status: HTTPStatus, _ message: String) -> Response {
        Response(status: status, contentType: "text/plain; charset=utf-8", body: Data((message + "\n").utf8))
    }

    /// The bytes on the wire (a file's bytes follow separately); a HEAD request gets the head
    /// without the body.
    func encoded(keepAlive: Bool, includeBody: Bool = true) -> Data {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for field in fields { head += "\(field.name): \(field.value)\r\n" }
        head += "Content-Length: \(file?.size ?? body.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        var data = Data(head.utf8)
        if includeBody && file == nil { data.append(body) }
        return data
    }
}
