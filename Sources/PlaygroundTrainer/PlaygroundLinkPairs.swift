/// The first step of reading a link: the text the page sees and its key/value pairs.
extension PlaygroundLink {
    /// The text `location.hash.slice(1)` gives for a link typed into the address bar: the
    /// URL parser strips leading and trailing spaces and control characters, removes tabs and
    /// newlines anywhere, and percent-encodes the fragment's C0 controls, space, `"`, `<`,
    /// `>`, `` ` `` and every character beyond ASCII (as UTF-8).
    static func browserFragment(of link: String) -> String {
        var scalars = Substring(link).unicodeScalars
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        let cleaned = scalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        let hash = cleaned.firstIndex(of: "#").map { cleaned[cleaned.index(after: $0)...] } ?? cleaned[...]
        var fragment = ""
        for scalar in hash {
            let v = scalar.value
            if v < 0x20 || v > 0x7E || scalar == " " || scalar == "\"" || scalar == "<" || scalar == ">" || scalar == "`" {
                for byte in String(scalar).utf8 {
                    let hex = String(byte, radix: 16, uppercase: true)
                    fragment += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            } else {
                fragment.unicodeScalars.append(scalar)
            }
        }
        return fragment
    }

    /// `hash.split("&")`, each `keyvalue.split("=")` taking parts 0 and 1: the value is nil
    /// without `=` and stops at a second `=`. Later pairs replace earlier ones with the same
    /// key; the order is that of first appearance.
    static func splitPairs(_ fragment: String) -> [(key: String, value: String?)] {
        var pairs: [(key: String, value: String?)] = []
        var position: [String: Int] = [:]
        for item in fragment.split(separator: "&", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
            let key = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : nil
            if let index = position[key] {
                pairs[index].value = value
            } else {
                position[key] = pairs.count
                pairs.append((key, value))
            }
        }
        return pairs
    }
}
