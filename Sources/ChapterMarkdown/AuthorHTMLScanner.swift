/// Reads the author's raw HTML (HTML blocks and inline tags) for the few things a workbook
/// never needs and an injected page would: script-running elements, event-handler
/// attributes, and `javascript:`/`vbscript:`/`data:` URLs.
///
/// A small tokenizer in the spirit of the HTML standard's: tags, attributes (quoted or not),
/// comments and declarations. It reports a tag still open at the end of the fragment too,
/// because the browser would read the following Markdown output as that tag's attributes.
struct AuthorHTMLScanner {
    /// Elements refused in author HTML.
    static let refusedElements: Set<String> = [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta",
    ]
    /// Attributes whose value is a URL.
    static let urlAttributes: Set<String> = [
        "href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background", "cite",
        "longdesc", "usemap", "manifest", "codebase", "data", "ping", "lowsrc", "dynsrc", "archive", "classid",
    ]
    /// URL attributes where an image (`data:image/…`) is plain content.
    static let imageAttributes: Set<String> = ["src", "srcset", "poster", "background", "lowsrc"]

    /// One problem, at a UTF-8 byte offset in the fragment.
    struct Finding: Equatable {
        var offset: Int
        var message: String
        /// Text to look for on the chapter line to find the column (lowercase).
        var needle: String
    }

    static func findings(in html: String) -> [Finding] {
        let bytes = Array(html.utf8)
        var findings: [Finding] = []
        var i = 0
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
        func isLetter(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
        func lower(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self).lowercased() }
        func skip(past terminator: [UInt8], from start: Int) -> Int {
            var k = start
            while k + terminator.count <= bytes.count {
                if bytes[k..<(k + terminator.count)].elementsEqual(terminator) { return k + terminator.count }
                k += 1
            }
            return bytes.count
        }

        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else {
                i += 1
                continue
            }
            let next = bytes[i + 1]
            if bytes[(i + 1)...].starts(with: Array("!--".utf8)) {
                i = skip(past: Array("-->".utf8), from: i + 4)
                continue
            }
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                i = skip(past: [UInt8(ascii: ">")], from: i + 2)
                continue
            }
            let closing = next == UInt8(ascii: "/")
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < bytes.count, isLetter(bytes[nameStart]) else {
                i += 1
                continue
            }
            let tagStart = i
            var k = nameStart
            while k < bytes.count, !isSpace(bytes[k]), bytes[k] != UInt8(ascii: "/"), bytes[k] != UInt8(ascii: ">") { k += 1 }
            let name = lower(nameStart..<k)
            if !closing, refusedElements.contains(name) {
                findings.append(Finding(offset: tagStart, message: "<\(name)> is not allowed", needle: "<" + name))
            }
            // Attributes, until the closing `>`.
            var closed = false
            while k < bytes.count {
                while k < bytes.count, isSpace(bytes[k]) || bytes[k] == UInt8(ascii: "/") { k += 1 }
                guard k < bytes.count else { break }
                if bytes[k] == UInt8(ascii: ">") {
                    closed = true
                    k += 1
                    break
                }
                let attributeStart = k
                k += 1  // the first character belongs to the name even if it is `=`
                while k < bytes.count, !isSpace(bytes[k]), bytes[k] != UInt8(ascii: "/"), bytes[k] != UInt8(ascii: ">"),
                    bytes[k] != UInt8(ascii: "=")
                {
                    k += 1
                }
                let attribute = lower(attributeStart..<k)
                var value: String?
                var probe = k
                while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
                if probe < bytes.count, bytes[probe] == UInt8(ascii: "=") {
                    k = probe + 1
                    while k < bytes.count, isSpace(bytes[k]) { k += 1 }
                    if k < bytes.count, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") {
                        let quote = bytes[k]
                        var end = k + 1
                        while end < bytes.count, bytes[end] != quote { end += 1 }
                        value = String(decoding: bytes[min(k + 1, bytes.count)..<end], as: UTF8.self)
                        k = min(end + 1, bytes.count)
                        if end >= bytes.count { break }  // unterminated value: the tag stays open
                    } else {
                        let start = k
                        while k < bytes.count, !isSpace(bytes[k]), bytes[k] != UInt8(ascii: ">") { k += 1 }
                        value = String(decoding: bytes[start..<k], as: UTF8.self)
                    }
                }
                guard !closing else { continue }
                if attribute.count > 2, attribute.hasPrefix("on") {
                    findings.append(
                        Finding(
                            offset: attributeStart, message: "event attribute '\(attribute)' is not allowed", needle: attribute))
                } else if attribute == "srcdoc" {
                    findings.append(Finding(offset: attributeStart, message: "'srcdoc' is not allowed", needle: attribute))
                } else if urlAttributes.contains(attribute), let value {
                    let decoded = decodeCharacterReferences(value)
                    let urls = attribute == "srcset" ? decoded.split(separator: ",").map(String.init) : [decoded]
                    for url in urls {
                        if let scheme = URLSafety.refusedScheme(
                            of: url, allowsDataImage: imageAttributes.contains(attribute))
                        {
                            findings.append(
                                Finding(
                                    offset: attributeStart, message: "'\(attribute)' with a '\(scheme):' URL is not allowed",
                                    needle: attribute))
                            break
                        }
                    }
                }
            }
            if !closed {
                findings.append(
                    Finding(
                        offset: tagStart, message: "tag '<\(closing ? "/" : "")\(name)' is not closed",
                        needle: "<" + (closing ? "/" : "") + name))
            }
            i = k
        }
        return findings
    }

    /// Decodes numeric character references (`&#106;`, `&#x6A`) and the named ones that can
    /// hide a scheme (`&colon;`, `&Tab;`, `&NewLine;`, `&amp;`), as a browser does in attributes.
    static func decodeCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = ["colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "sol": "/"]
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            var cursor = rest.index(after: amp)
            if cursor < rest.endIndex, rest[cursor] == "#" {
                cursor = rest.index(after: cursor)
                let hex = cursor < rest.endIndex && (rest[cursor] == "x" || rest[cursor] == "X")
                if hex { cursor = rest.index(after: cursor) }
                let digitsStart = cursor
                while cursor < rest.endIndex, rest[cursor].isASCII, hex ? rest[cursor].isHexDigit : rest[cursor].isNumber,
                    rest.distance(from: digitsStart, to: cursor) < 8
                {
                    cursor = rest.index(after: cursor)
                }
                if cursor > digitsStart, let value = UInt32(rest[digitsStart..<cursor], radix: hex ? 16 : 10) {
                    result.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                    if cursor < rest.endIndex, rest[cursor] == ";" { cursor = rest.index(after: cursor) }
                    rest = rest[cursor...]
                    continue
                }
            } else if let semicolon = rest[cursor...].prefix(10).firstIndex(of: ";"),
                let character = named[rest[cursor..<semicolon].lowercased()]
            {
                result += character
                rest = rest[rest.index(after: semicolon)...]
                continue
            }
            result += "&"
            rest = rest[rest.index(after: amp)...]
        }
        return result + rest
    }
}
