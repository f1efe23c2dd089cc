/// Finds request heads in the bytes of a connection as they arrive, in time linear in the
/// bytes received: each byte is looked at once, and no more than the limits plus one read are
/// ever kept. (FlyingFox's decoder, which this replaces, compared the whole line read so far
/// after every byte: a 100 KB request line took seconds, a 1 MB one minutes.)
///
/// Bytes after a complete head stay buffered for the next request on the connection.
struct RequestHeadReader: Sendable {
    let limits: HTTPLimits
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already looked at.
    private var scanned = 0
    /// Where the line being read starts.
    private var lineStart = 0
    /// The request line, once complete, and where the header section after it starts.
    private var requestLine: Range<Int>?
    private var headerStart = 0
    private var fieldLines: [Range<Int>] = []

    enum Outcome: Sendable, Equatable {
        case needMore
        case head(RequestHead)
        case refused(RefusedRequest)
    }

    init(limits: HTTPLimits) {
        self.limits = limits
    }

    /// Bytes received and not yet part of a returned head.
    var bufferedCount: Int { buffer.count }

    /// Adds `bytes` (possibly none, to look at what is left from the last head) and reports
    /// whether a whole head is there, more is needed, or the request is refused.
    mutating func next(adding bytes: [UInt8] = []) -> Outcome {
        buffer.append(contentsOf: bytes)
        while scanned < buffer.count {
            let index = scanned
            scanned += 1
            guard buffer[index] == UInt8(ascii: "\n") else { continue }
            var end = index
            if end > lineStart, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = lineStart..<end
            lineStart = index + 1
            if requestLine == nil {
                // RFC 9112 §2.2: empty lines before the request line are ignored.
                if line.isEmpty { continue }
                if line.count > limits.maxRequestLine {
                    return refuse(.uriTooLong, "request line longer than \(limits.maxRequestLine) bytes")
                }
                requestLine = line
                headerStart = lineStart
            } else if line.isEmpty {
                return completeHead()
            } else {
                fieldLines.append(line)
                if let refusal = headerRefusal(upTo: lineStart) { return refusal }
            }
        }
        if requestLine == nil, buffer.count - lineStart > limits.maxRequestLine {
            return refuse(.uriTooLong, "request line longer than \(limits.maxRequestLine) bytes")
        }
        if requestLine != nil, let refusal = headerRefusal(upTo: buffer.count) { return refusal }
        return .needMore
    }

    private func headerRefusal(upTo end: Int) -> Outcome? {
        guard requestLine != nil else { return nil }
        if fieldLines.count > limits.maxHeaderCount {
            return .refused(RefusedRequest(.headerFieldsTooLarge, "more than \(limits.maxHeaderCount) header fields"))
        }
        if end - headerStart > limits.maxHeaderBytes {
            return .refused(RefusedRequest(.headerFieldsTooLarge, "header fields longer than \(limits.maxHeaderBytes) bytes"))
        }
        return nil
    }

    private mutating func completeHead() -> Outcome {
        let result = RequestHead.parse(
            requestLine: buffer[requestLine!], fieldLines: fieldLines.map { buffer[$0] })
        buffer.removeFirst(lineStart)
        scanned = 0
        lineStart = 0
        requestLine = nil
        fieldLines = []
        switch result {
        case .success(let head): return .head(head)
        case .failure(let refusal): return .refused(refusal)
        }
    }

    private func refuse(_ status: HTTPStatus, _ reason: String) -> Outcome {
        .refused(RefusedRequest(status, reason))
    }
}
