import CCairo

/// Collects the bytes Cairo writes through a stream callback, so renders stay in memory until the
/// caller decides where they go.
final class ByteSink {
    var bytes: [UInt8] = []

    /// Runs `body` with a context pointer for `appendToByteSink`, keeping the sink alive throughout.
    func withContext<T>(_ body: (UnsafeMutableRawPointer) throws -> T) rethrows -> T {
        try withExtendedLifetime(self) { try body(Unmanaged.passUnretained(self).toOpaque()) }
    }
}

/// `cairo_write_func_t`: must not capture anything, so the sink travels as the context pointer.
func appendToByteSink(
    _ context: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?, _ length: UInt32
)
    -> cairo_status_t
{
    guard let context else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(context).takeUnretainedValue()
    if let data, length > 0 { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
    return CAIRO_STATUS_SUCCESS
}
