import Foundation

/// The request line and header fields of one HTTP/1.x request: all the preview server reads
/// (it serves files and status, so it never reads a request body).
struct RequestHead: Sendable, Equatable {
    var method: String
    /// The request target as sent, e.g. `/01-gauss.html?x=1`.
    var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    /// Field names in lower case, in the order sent.
    var fields: [(name: String, value: String)]

    func field(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// HTTP/1.1 keeps the connection open unless told to close; HTTP/1.0 closes unless told to
    /// keep it open.
    var keepsAlive: Bool {
        let tokens = (field("connection") ?? "").lowercased().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        return minorVersion >= 1 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }

    /// A body follows the head. The server does not read bodies, so such a connection is closed
    /// after the answer instead of being parsed on from the middle of a body.
    var hasBody: Bool {
        if field("transfer-encoding") != nil { return true }
        if let length = field("content-length") { return length.trimmingCharacters(in: .whitespaces) != "0" }
        return false
    }

    static func == (a: RequestHead, b: RequestHead) -> Bool {
        a.method == b.method && a.target == b.target && a.minorVersion == b.minorVersion
            && a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }
}

extension RequestHead {
    /// Parses `GET /path HTTP/1.1` and `Name: value` lines (without their line ends).
    /// Returns the status to refuse with when they are not a request this server understands.
    static func parse(requestLine: ArraySlice<UInt8>, fieldLines: [ArraySlice<UInt8>]) -> Result<RequestHead, RefusedRequest> {
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
            parts[1].first == UInt8(ascii: "/")
        else { return .failure(RefusedRequest(.badRequest, "malformed request line")) }
        let version = String(decoding: parts[2], as: UTF8.self)
        let minor: Int
        switch version {
        case "HTTP/1.1": minor = 1
        case "HTTP/1.0": minor = 0
        case _ where version.hasPrefix("HTTP/"): return .failure(RefusedRequest(.versionNotSupported, "only HTTP/1.0 and HTTP/1.1"))
        default: return .failure(RefusedRequest(.badRequest, "malformed request line"))
        }
        var fields: [(name: String, value: String)] = []
        fields.reserveCapacity(fieldLines.count)
        for line in fieldLines {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                line[..<colon].allSatisfy(isTokenByte)
            else { return .failure(RefusedRequest(.badRequest, "malformed header field")) }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            fields.append((name, value))
        }
        let head = RequestHead(
            method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
            minorVersion: minor, fields: fields)
        if let refusal = head.framingOrHostRefusal { return .failure(refusal) }
        return .success(head)
    }

    /// RFC 9110 `tchar`: the bytes allowed in a method or field name.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

/// A request the server answers with an error status and then closes.
struct RefusedRequest: Error, Sendable, Equatable {
    let status: HTTPStatus
    let reason: String

    init(_ status: HTTPStatus, _ reason: String) {
        self.status = status
        self.reason = reason
    }
}
