import Foundation
import LabbookTestSupport

@testable import Workbook

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text a process writes, collected as it arrives.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func append(_ data: Data) {
        lock.lock()
        text += String(decoding: data, as: UTF8.self)
        lock.unlock()
    }
    var value: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
}

/// Polls until `condition` holds or `seconds` pass.
func eventually(_ seconds: Double, every interval: Double = 0.2, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: interval)
    }
    return condition()
}

/// `labbook serve` running on a fresh copy of a fixture book, from its first build until
/// `stop()`.
final class ServedBook {
    let book: FixtureBook
    let process = Process()
    let stdout = Lines()
    let stderr = Lines()
    private(set) var base = URL(fileURLWithPath: "/")
    private(set) var port: UInt16 = 0

    init(_ fixture: String = "basic", arguments: [String] = []) throws {
        book = try FixtureBook(fixture)
        process.executableURL = Labbook.executable
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = book.root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdout = self.stdout
        let stderr = self.stderr
        out.fileHandleForReading.readabilityHandler = { stdout.append($0.availableData) }
        err.fileHandleForReading.readabilityHandler = { stderr.append($0.availableData) }
        try process.run()
        guard eventually(60, { stdout.value.contains("Serving http://127.0.0.1:") }),
            let line = stdout.value.split(separator: "\n").first(where: { $0.hasPrefix("Serving ") }),
            let address = line.split(separator: " ").dropFirst().first.flatMap({ URL(string: String($0)) }),
            let port = address.port.flatMap({ UInt16(exactly: $0) })
        else {
            stop()
            throw ServeTestError.didNotStart(stderr.value)
        }
        base = address
        self.port = port
    }

    /// Stops the server like Ctrl-C would and waits for it to exit.
    @discardableResult
    func stop() -> Bool {
        if process.isRunning { process.interrupt() }
        let stopped = eventually(15) { !process.isRunning }
        if process.isRunning { process.terminate() }
        book.remove()
        return stopped
    }

    /// GET over URLSession: status and body text, or nil after 10 s.
    func fetch(_ path: String) -> (status: Int, body: String)? {
        // Relative to the base, so a query (`?since=3`) stays a query.
        let url = URL(string: path, relativeTo: base)?.absoluteURL ?? base.appendingPathComponent(path)
        let semaphore = DispatchSemaphore(value: 0)
        let result = Lines()
        let status = Locked<Int>(0)
        let task = URLSession.shared.dataTask(with: url) { data, response, _ in
            if let data { result.append(data) }
            status.set((response as? HTTPURLResponse)?.statusCode ?? 0)
            semaphore.signal()
        }
        task.resume()
        guard semaphore.wait(timeout: .now() + 30) == .success else { return nil }  // generous: the suite trains in parallel
        return (status.get(), result.value)
    }
}

enum ServeTestError: Error {
    case didNotStart(String)
    case socket(String)
}

/// A plain TCP client on 127.0.0.1 that sends exactly the bytes a test gives it, including
/// requests no HTTP library would send (half-sent, 200 KB long, 100 headers and more).
final class LoopbackClient: @unchecked Sendable {
    let descriptor: Int32

    init(port: UInt16) throws {
        #if canImport(Glibc)
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw ServeTestError.socket("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw ServeTestError.socket("connect: errno \(errno)")
        }
    }

    deinit { close(descriptor) }

    /// Sends all of `bytes`; false if the server closed the connection first.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
            #else
            let flags: Int32 = 0
            #endif
            let n = bytes[sent...].withUnsafeBytes { systemSend(descriptor, $0.baseAddress, $0.count, flags) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Everything the server sends until it closes the connection, or what came within
    /// `seconds` if it does not.
    func receiveUntilClosed(within seconds: Double) -> [UInt8] {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            guard waitReadable(until: deadline) else { break }
            let n = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += chunk[0..<n]
        }
        return received
    }

    /// The status code of the first response line in `bytes`, or nil.
    static func status(of bytes: [UInt8]) -> Int? {
        let line = String(decoding: bytes.prefix(64), as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = line.split(separator: " ")
        return parts.count >= 2 && parts[0].hasPrefix("HTTP/1.") ? Int(parts[1]) : nil
    }

    /// True once the server has closed its side: reading gives end of file (or a reset).
    var isClosedByServer: Bool {
        var byte: UInt8 = 0
        #if canImport(Glibc)
        let flags = Int32(MSG_PEEK | MSG_DONTWAIT)
        #else
        let flags = MSG_PEEK | MSG_DONTWAIT
        #endif
        let n = recv(descriptor, &byte, 1, flags)
        if n == 0 { return true }
        if n < 0 { return errno != EAGAIN && errno != EWOULDBLOCK }
        return false  // it answered something and may close next
    }

    /// Whether the server has sent something within `seconds`, without reading it.
    func waitUntilReadable(within seconds: Double) -> Bool {
        waitReadable(until: Date().addingTimeInterval(seconds))
    }

    private func waitReadable(until deadline: Date) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = max(0, Int32(deadline.timeIntervalSinceNow * 1000))
        return poll(&entry, 1, milliseconds) > 0
    }
}

/// `send(2)` under a name that does not clash with `LoopbackClient.send`.
private func systemSend(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int {
    #if canImport(Glibc)
    Glibc.send(descriptor, buffer, count, flags)
    #else
    Darwin.send(descriptor, buffer, count, flags)
    #endif
}
