import FlyingSocks
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for the preview: GET and HEAD, keep-alive, no
/// request bodies. Built on FlyingSocks' non-blocking sockets and event loop (epoll/kqueue)
/// with one task per connection, because FlyingFox's HTTP layer on top of them parses request
/// lines in quadratic time and has no limit on head size nor any read timeout (its `timeout`
/// only bounds handlers). Here every request head is bounded by `HTTPLimits` and must arrive
/// within `requestHeadTimeout`, so long or idle clients cannot hold up the page being edited.
struct LoopbackHTTPServer: Sendable {
    let port: UInt16
    let limits: HTTPLimits
    let log: @Sendable (String) -> Void
    let respond: @Sendable (RequestHead) async -> Response

    /// Listens, calls `ready` with the address, and serves until the task is cancelled.
    func run(ready: @escaping @Sendable (String) -> Void) async throws {
        let pool = SocketPool<Poll>.make(maxEvents: 64)
        try await pool.prepare()
        let socket = try Socket(domain: AF_INET)
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
        try socket.listen()
        let listener = try AsyncSocket(socket: socket, pool: pool)
        defer { try? listener.close() }
        if case .ip4(let host, let boundPort) = try socket.sockname() {
            ready("http://\(host):\(boundPort)/")
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask { try await acceptConnections(on: listener) }
            // Either ends only by failing or by cancellation; then stop the other.
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Open connections, capped at ``HTTPLimits/maxConnections``.
    let connections = ConnectionCount()

    private func acceptConnections(on listener: AsyncSocket) async throws {
        if #available(macOS 14.0, *) {
            try await withThrowingDiscardingTaskGroup { group in
                while true {
                    let client = try await nextClient(of: listener)
                    guard connections.open(limit: limits.maxConnections) else {
                        try? client.close()  // over the cap: closed at once, nothing read or held
                        continue
                    }
                    group.addTask {
                        defer { connections.close() }
                        await serve(client)
                    }
                }
            }
        } else {
            try await withThrowingTaskGroup(of: Void.self) { group in
                while true {
                    let client = try await nextClient(of: listener)
                    guard connections.open(limit: limits.maxConnections) else {
                        try? client.close()  // over the cap: closed at once, nothing read or held
                        continue
                    }
                    group.addTask {
                        defer { connections.close() }
                        await serve(client)
                    }
                }
            }
        }
    }

    /// The next connection. Running out of file descriptors (EMFILE) or similar passing
    /// failures are logged and retried after a pause; they must not stop the server.
    private func nextClient(of listener: AsyncSocket) async throws -> AsyncSocket {
        while true {
            try Task.checkCancellation()
            do {
                return try await listener.accept()
            } catch let error as SocketError where !Task.isCancelled {
                log("preview server: could not accept a connection: \(error.localizedDescription)")
                try await Task.sleep(nanoseconds: 100_000_000)
            }
        }
    }

    /// Answers the requests of one connection until it closes, fails, idles past the limit or
    /// sends a request that is refused.
    func serve(_ client: AsyncSocket) async {
        defer { try? client.close() }
        var reader = RequestHeadReader(limits: limits)
        while !Task.isCancelled {
            let outcome: RequestHeadReader.Outcome
            do {
                (reader, outcome) = try await withDeadline(seconds: limits.requestHeadTimeout) { [reader] in
                    try await Self.readHead(with: reader, from: client)
                }
            } catch {
                return  // idle or half-sent past the limit, disconnected, or the server stops
            }
            switch outcome {
            case .needMore:
                return
            case .refused(let refusal):
                await refuse(client, refusal)
                return
            case .head(let head):
                let response = await respond(head)
                let keepAlive = head.keepsAlive && !head.hasBody
                let includeBody = head.method != "HEAD"
                let bytes = response.encoded(keepAlive: keepAlive, includeBody: includeBody)
                do {
                    try await withDeadline(seconds: limits.writeTimeout) { try await client.write(bytes) }
                    if includeBody, let file = response.file { try await stream(file, to: client) }
                } catch {
                    return
                }
                if !keepAlive { return }
            }
        }
    }

    /// Sends a file in chunks of ``HTTPLimits/chunkSize``, each within the write timeout, so a
    /// client holds at most one chunk of the server's memory however large the file and however
    /// slowly it reads. Exactly `size` bytes (the announced length) are sent; a file that shrank
    /// meanwhile ends the connection, since the length can no longer be kept.
    private func stream(_ file: (url: URL, size: Int), to client: AsyncSocket) async throws {
        let handle = try FileHandle(forReadingFrom: file.url)
        defer { try? handle.close() }
        var remaining = file.size
        while remaining > 0 {
            guard let chunk = try handle.read(upToCount: min(limits.chunkSize, remaining)), !chunk.isEmpty else {
                throw CancellationError()
            }
            remaining -= chunk.count
            try await withDeadline(seconds: limits.writeTimeout) { try await client.write(chunk) }
        }
    }

    private static func readHead(
        with reader: RequestHeadReader, from client: AsyncSocket
    ) async throws -> (RequestHeadReader, RequestHeadReader.Outcome) {
        var reader = reader
        var outcome = reader.next()
        while outcome == .needMore {
            outcome = reader.next(adding: try await client.read(atMost: 4096))
        }
        return (reader, outcome)
    }

    /// Answers with the refusal's status and closes. Before closing, it reads and drops what
    /// the client is still sending (within limits): closing a socket with unread input resets
    /// the connection, and the client would lose the answer.
    private func refuse(_ client: AsyncSocket, _ refusal: RefusedRequest) async {
        let bytes = Response.text(refusal.status, "\(refusal.status.code) \(refusal.status.reason): \(refusal.reason)")
            .encoded(keepAlive: false)
        do {
            try await withDeadline(seconds: limits.writeTimeout) { try await client.write(bytes) }
        } catch {
            return
        }
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        let limit = limits.maxDrainBytes
        _ = try? await withDeadline(seconds: limits.drainTimeout) {
            var drained = 0
            while drained < limit { drained += try await client.read(atMost: 4096).count }
            return drained
        }
    }
}

/// How many connections are being served, for the cap.
final class ConnectionCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Counts one more connection unless `limit` are open.
    func open(limit: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard count < limit else { return false }
        count += 1
        return true
    }

    func close() {
        lock.lock()
        count -= 1
        lock.unlock()
    }
}
