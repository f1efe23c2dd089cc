/// Text from chapters, data files and links made safe to print on a terminal.
///
/// A seed such as `"\u{1B}]0;owned\u{07}"` would otherwise set the window title, and
/// `"\u{1B}[2J"` clear the screen, when a progress line or an error echoes it. Control
/// characters (C0 but for none, DEL, C1) are shown as `\u{1B}`-style escapes, which also
/// tells the author exactly which invisible character is in the source.
public enum TerminalText {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            // Bidirectional overrides and isolates reorder what the reader sees.
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
