/// HTML escaping shared by the Markdown front end and the compiler's templates.
public enum HTML {
    /// Escapes `& < > " '` so the result is safe both as element text and inside a
    /// quoted attribute value (either quote style).
    public static func escape(_ text: String) -> String { escape(text, quotes: true) }

    /// Escapes only `& < >`: enough for element text, and it leaves quotes readable,
    /// which matters for TeX such as `f'(x)` that KaTeX reads back from the page.
    public static func escapeText(_ text: String) -> String { escape(text, quotes: false) }

    /// Works on UTF-8 bytes (every escaped character is ASCII) and returns the text itself
    /// when nothing needs escaping, the common case.
    private static func escape(_ text: String, quotes: Bool) -> String {
        func needsEscape(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): true
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quotes
            default: false
            }
        }
        return text.utf8.withContiguousBytes { bytes in
            guard bytes.contains(where: needsEscape) else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\"") where quotes: result.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'") where quotes: result.append(contentsOf: "&#39;".utf8)
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}
