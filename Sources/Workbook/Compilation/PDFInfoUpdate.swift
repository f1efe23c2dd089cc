import Foundation

/// Adds an `/Author` (and `/Title`) to a PDF's document information by an incremental update:
/// a new information dictionary, a one-entry cross-reference section and a trailer whose
/// `/Prev` leads to the old one are appended; nothing already in the file changes.
///
/// Chromium's `--print-to-pdf` writes the page's title but no author (`<meta name="author">`
/// is not carried over), so the handout's authors from `labbook.yml` would be missing from
/// the file's metadata. Only a classic trailer (what Chromium writes) is updated; anything
/// else is left as it is (nil), since a metadata field is not worth risking the file.
enum PDFInfoUpdate {
    static func adding(author: String, title: String, to pdf: Data) -> Data? {
        let bytes = [UInt8](pdf)
        guard let trailerStart = lastRange(of: "trailer", in: bytes),
            let startxrefRange = lastRange(of: "startxref", in: bytes), startxrefRange.lowerBound > trailerStart.lowerBound
        else { return nil }
        let trailer = String(decoding: bytes[trailerStart.upperBound..<startxrefRange.lowerBound], as: UTF8.self)
        let tail = String(decoding: bytes[startxrefRange.upperBound...], as: UTF8.self)
        guard let size = integer(after: "/Size", in: trailer), let root = reference(after: "/Root", in: trailer),
            let previous = Int(tail.split(whereSeparator: \.isWhitespace).first ?? "")
        else { return nil }
        var update = bytes.last == 0x0A ? "" : "\n"
        let objectOffset = bytes.count + update.utf8.count
        update += "\(size) 0 obj\n<< /Title \(pdfString(title)) /Author \(pdfString(author)) /Creator (Labbook) >>\nendobj\n"
        let xrefOffset = bytes.count + update.utf8.count
        update += "xref\n\(size) 1\n" + String(format: "%010d 00000 n \n", objectOffset)
        update += "trailer\n<< /Size \(size + 1) /Root \(root) /Info \(size) 0 R /Prev \(previous) >>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        return pdf + Data(update.utf8)
    }

    /// A text string as UTF-16BE with a byte-order mark, in hex: any character, no escaping.
    static func pdfString(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    static func lastRange(of word: String, in bytes: [UInt8]) -> Range<Int>? {
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count else { return nil }
        var index = bytes.count - needle.count
        while index >= 0 {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle { return index..<index + needle.count }
            index -= 1
        }
        return nil
    }

    static func integer(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key) else { return nil }
        return Int(text[range.upperBound...].split(whereSeparator: { $0.isWhitespace || $0 == "/" || $0 == ">" }).first ?? "")
    }

    /// `12 0 R` after `key`.
    static func reference(after key: String, in text: String) -> String? {
        guard let range = text.range(of: key) else { return nil }
        let parts = text[range.upperBound...].split(whereSeparator: \.isWhitespace).prefix(3)
        guard parts.count == 3, Int(parts[parts.startIndex]) != nil, Int(parts[parts.startIndex + 1]) != nil,
            parts[parts.startIndex + 2].hasPrefix("R")
        else { return nil }
        return "\(parts[parts.startIndex]) \(parts[parts.startIndex + 1]) R"
    }
}
