/// How much the preview server accepts from one client, and for how long it waits.
///
/// The preview serves one author's browser on 127.0.0.1, so honest requests are tiny and arrive
/// at once. Every limit below is far above what a browser sends and far below what could hold
/// up the server: a request head is read in at most `maxRequestLine + maxHeaderBytes` bytes plus
/// one read, in time linear in its size, and a client that stops sending is closed.
public struct HTTPLimits: Sendable, Equatable {
    /// Longest request line (method, target, version), in bytes; longer gets 414 URI Too Long.
    public var maxRequestLine = 8 * 1024
    /// Largest header section (all header lines after the request line), in bytes; larger gets
    /// 431 Request Header Fields Too Large.
    public var maxHeaderBytes = 16 * 1024
    /// Most header lines; more gets 431 Request Header Fields Too Large.
    public var maxHeaderCount = 100
    /// Seconds a connection may take to deliver one whole request head, counted from when the
    /// server starts waiting for it (so it is also the keep-alive idle time). Half-sent or idle
    /// connections are closed after it.
    public var requestHeadTimeout: Double = 4
    /// Seconds a client may take to accept one response.
    public var writeTimeout: Double = 20
    /// After refusing a request, the server reads and drops what the client is still sending
    /// for at most this long (and at most `maxDrainBytes`), so that closing does not reset the
    /// connection before the client has read the refusal.
    public var drainTimeout: Double = 2
    public var maxDrainBytes = 8 * 1024 * 1024
    /// Connections served at once; more are closed as they arrive. A browser opens about six.
    public var maxConnections = 64
    /// A file is sent in chunks of this size, one at a time per connection.
    ///
    /// Memory per connection is then bounded by one chunk, one request head (24 KiB) and one
    /// page read whole for the reload script (at most 2 MiB): with every connection in use,
    /// about 64 × 2.1 MiB ≈ 140 MiB, whatever the files' sizes.
    public var chunkSize = 64 * 1024

    public init() {}
}
