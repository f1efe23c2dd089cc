/// A chapter heading, for the table of contents and for in-page links.
public struct Heading: Sendable, Hashable {
    /// 1 to 6.
    public var level: Int
    /// Plain text (emphasis dropped, math as `\(…\)`, a role as its content).
    public var text: String
    /// The `id` attribute written on the `<hN>` element; unique within the chapter.
    public var id: String
    public var location: SourceLocation

    public init(level: Int, text: String, id: String, location: SourceLocation) {
        self.level = level
        self.text = text
        self.id = id
        self.location = location
    }

    /// A GitHub-style slug: lowercase letters and digits, runs of spaces, `-` and `_`
    /// become one `-`, everything else is dropped; `section` if nothing is left.
    /// TeX delimiters and commands vanish with the punctuation (`\(x^2\)` → `x2`).
    public static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else if character.isWhitespace || character == "-" || character == "_" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// Makes `slug` unique against `used` by appending `-1`, `-2`… and records it.
    static func uniqueSlug(_ slug: String, used: inout Set<String>) -> String {
        var candidate = slug
        var counter = 0
        while used.contains(candidate) {
            counter += 1
            candidate = "\(slug)-\(counter)"
        }
        used.insert(candidate)
        return candidate
    }
}
