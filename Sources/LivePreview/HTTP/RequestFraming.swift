import Foundation

/// Checks on a parsed request head that keep the preview to what it is: a page for this
/// machine's own browser, with no request bodies.
///
/// - Framing (RFC 9112 §6): the server reads no bodies, so `Transfer-Encoding` is refused, and
///   `Content-Length` fields that disagree (or are not a number) are refused, since a body the
///   server and a proxy measure differently is read as a second, smuggled request.
/// - Host: a web page using DNS rebinding reaches 127.0.0.1 under its own name
///   (`Host: attacker.example:8000`) and could read the preview. Only the loopback names are
///   served: `127.0.0.1`, `localhost` and `[::1]`, each with an optional port; anything else is
///   421 Misdirected Request. HTTP/1.1 requires exactly one Host field (a missing or repeated
///   one is 400); HTTP/1.0 clients may leave it out.
extension RequestHead {
    static let misdirected = HTTPStatus(code: 421, reason: "Misdirected Request")
    static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "[::1]"]

    /// Why this head is refused, or nil when it may be answered.
    var framingOrHostRefusal: RefusedRequest? {
        if fields.contains(where: { $0.name == "transfer-encoding" }) {
            return RefusedRequest(.badRequest, "Transfer-Encoding is not accepted: this server reads no request bodies")
        }
        let lengths = fields.filter { $0.name == "content-length" }
            .flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if let first = lengths.first {
            guard lengths.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) else {
                return RefusedRequest(.badRequest, "Content-Length is not a number")
            }
            guard lengths.allSatisfy({ $0 == first }) else {
                return RefusedRequest(.badRequest, "conflicting Content-Length fields")
            }
        }
        let hosts = fields.filter { $0.name == "host" }.map(\.value)
        if hosts.count > 1 { return RefusedRequest(.badRequest, "more than one Host field") }
        guard let host = hosts.first else {
            return minorVersion >= 1 ? RefusedRequest(.badRequest, "an HTTP/1.1 request needs a Host field") : nil
        }
        guard Self.isLoopback(host) else {
            return RefusedRequest(Self.misdirected, "only 127.0.0.1, localhost and [::1] are served")
        }
        return nil
    }

    /// `name` or `name:port` with a loopback name (case-insensitive) and a decimal port.
    static func isLoopback(_ host: String) -> Bool {
        var name = Substring(host.lowercased())
        if let colon = name.lastIndex(of: ":"), !name.hasSuffix("]") || name.contains("]:") {
            let port = name[name.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            name = name[..<colon]
        }
        return loopbackHosts.contains(String(name))
    }
}
