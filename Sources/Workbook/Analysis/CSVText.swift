/// The pieces of CSV as spreadsheets write it, kept apart from what the columns mean
/// (``PointFileReader``).
///
/// Lines are split on bytes, not on Swift `Character`s: a `Character` holds `"\r\n"` as one,
/// so splitting a `String` on `"\n"` once left every CRLF line with a stray `\r` and refused the
/// header. Each line is checked on its own (UTF-8, no control characters) so reading stops where
/// the reader stops, not after the whole file has been decoded.
enum CSVText {
    /// The byte-order mark spreadsheets write at the start of "CSV UTF-8".
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// Longer values are cut short in messages: a 10 MB field must not become a 10 MB error.
    static let shownLength = 40

    /// More fields than any valid line of a point file has by far; a line of a million commas
    /// stops here. (A roster exported from a gradebook may have a column per assignment, so
    /// tables of people allow ``maximumTableFields``.)
    static let maximumFields = 64
    static let maximumTableFields = 4096

    /// One field of a line and its 1-based column (in Unicode scalars, as editors count).
    struct Field: Equatable {
        var text: String
        var column: Int
    }

    /// Why a line cannot be read, at a column of the line.
    struct Problem: Error, Equatable {
        var message: String
        var column: Int
        var hint: String
        /// The bytes are not UTF-8 (a reader words that in its own terms, with its own ID).
        var notUTF8 = false
    }

    /// The lines of `bytes` (a leading BOM skipped) as (1-based line number, bytes without the
    /// line end). A line ends at LF; a CR right before it (or before the end of the file) is
    /// part of the line end. Lazy, so a reader that stops early reads no further.
    static func lines(_ bytes: [UInt8]) -> some Sequence<(number: Int, bytes: ArraySlice<UInt8>)> {
        var start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        var number = 0
        return AnyIterator { () -> (number: Int, bytes: ArraySlice<UInt8>)? in
            guard start < bytes.count || (start == bytes.count && number == 0) else { return nil }
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var line = bytes[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            number += 1
            start = end + 1
            return (number, line)
        }
    }

    /// Whether a line holds nothing but blanks: skipped before any decoding, so a file of
    /// blank lines costs a byte scan.
    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The text of one line, or why not: bytes that are not UTF-8, or a control character
    /// (anything below U+0020 but tab, DEL, U+0080–U+009F). A NUL once cut `1.5<NUL>garbage`
    /// to 1.5 without a word, and escape sequences would be echoed into error messages.
    static func text(of line: ArraySlice<UInt8>) throws(Problem) -> String {
        guard let text = String(validating: line, as: UTF8.self) else {
            let column = BookLoader.firstInvalidUTF8(in: .init(line), file: "").column
            throw Problem(
                message: "the file is not UTF-8 text", column: column, hint: "save it as UTF-8 CSV (spreadsheets: CSV UTF-8)", notUTF8: true
            )
        }
        // On the valid UTF-8 bytes: C0 and DEL are single bytes, C1 is C2 80 … C2 9F.
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            var scalar: UInt32? = nil
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                scalar = UInt32(byte)
            } else if byte == 0xC2, index + 1 < line.endIndex, (0x80...0x9F).contains(line[index + 1]) {
                scalar = UInt32(line[index + 1])
            }
            if let scalar {
                let name = "U+" + String(scalar, radix: 16, uppercase: true).leftPadded(to: 4)
                let what = scalar == 0x0D ? "a carriage return (\(name)) inside a line" : "a control character (\(name))"
                throw Problem(
                    message: "\(what) in the file", column: scalarCount(line[line.startIndex..<index]) + 1,
                    hint: "a CSV file holds printable text, tabs and line ends (LF or CRLF) only")
            }
            index += 1
        }
        return text
    }

    /// Unicode scalars in valid UTF-8 bytes: the bytes that are not continuation bytes.
    static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.count { $0 & 0xC0 != 0x80 }
    }

    /// The comma-separated fields of a line, blanks around each trimmed. A field may be quoted
    /// (`"…"`, with `""` for a quote inside), as spreadsheets quote text; a quoted field ends on
    /// its line (no value of this format holds a line break). Works on the UTF-8 bytes (every
    /// byte the format gives a meaning is ASCII); columns count Unicode scalars.
    static func fields(
        _ line: String, maximum: Int = maximumFields,
        hint: String = "the header names x1, x2, label and optionally split; each row has one value per column"
    ) throws(Problem) -> [Field] {
        let bytes = Array(line.utf8)
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        func isBlank(_ index: Int) -> Bool { index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) }
        // Columns are counted on from the last one asked for (fields come in order), so a long
        // line costs one pass, not one per field.
        var counted = (upTo: 0, scalars: 0)
        func column(_ index: Int) -> Int {
            guard index >= counted.upTo else { return scalarCount(bytes[..<index]) + 1 }
            counted = (index, counted.scalars + scalarCount(bytes[counted.upTo..<index]))
            return counted.scalars + 1
        }
        func trimmed(_ part: ArraySlice<UInt8>) -> String {
            var part = part
            while let first = part.first, first == 0x20 || first == 0x09 { part = part.dropFirst() }
            while let last = part.last, last == 0x20 || last == 0x09 { part = part.dropLast() }
            return String(decoding: part, as: UTF8.self)
        }
        var fields: [Field] = []
        var index = 0
        while true {
            var start = index
            while isBlank(start) { start += 1 }
            var next: Int
            if start < bytes.count, bytes[start] == quote {
                var content: [UInt8] = []
                var i = start + 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == quote {
                        if i + 1 < bytes.count, bytes[i + 1] == quote {
                            content.append(quote)
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    content.append(bytes[i])
                    i += 1
                }
                guard closed else {
                    throw Problem(
                        message: "the quoted field is not closed on its line", column: column(start),
                        hint: "end it with \" on the same line (write \"\" for a quote inside it)")
                }
                while isBlank(i) { i += 1 }
                guard i == bytes.count || bytes[i] == comma else {
                    throw Problem(
                        message: "text after the closing quote", column: column(i),
                        hint: "put the whole value inside the quotes, or a comma before the next field")
                }
                fields.append(Field(text: trimmed(content[...]), column: column(start) + 1))
                next = i
            } else {
                next = bytes[start...].firstIndex(of: comma) ?? bytes.count
                fields.append(Field(text: trimmed(bytes[start..<next]), column: column(start)))
            }
            guard next < bytes.count else { return fields }
            guard fields.count < maximum else {
                throw Problem(message: "more than \(maximum) fields on the line", column: column(next), hint: hint)
            }
            index = next + 1
        }
    }

    /// A number in the plain decimal or exponent form (`-2.5`, `.5`, `3.`, `1e-3`), or nil.
    ///
    /// `Double(_:)` also takes hexadecimal (`0x1p2`), `inf` and `nan`, which no spreadsheet
    /// writes and which would make a typo a coordinate.
    static func number(_ text: String) -> Double? {
        var bytes = text.utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { (0x30...0x39).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return nil }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return nil }
        }
        guard bytes.isEmpty, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The non-blank lines of a table of people (a roster, students' answers), each as its
    /// fields or the problem that stops it being read. Read like a point file (``lines(_:)``,
    /// ``text(of:)``, ``fields(_:maximum:hint:)``), so both refuse the same broken lines.
    static func records(_ bytes: [UInt8]) -> [(number: Int, fields: Result<[Field], Problem>)] {
        lines(bytes).compactMap { number, line in
            if isBlank(line) { return nil }
            do throws(Problem) {
                let text = try text(of: line)
                return (number, .success(try fields(text, maximum: maximumTableFields, hint: "each row has one value per column")))
            } catch {
                return (number, .failure(error))
            }
        }
    }

    /// `text` cut to ``shownLength`` characters with "…", for messages.
    static func shortened(_ text: String) -> String {
        let head = text.prefix(shownLength + 1)
        return head.count <= shownLength ? text : String(head.prefix(shownLength)) + "…"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
