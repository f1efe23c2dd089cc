/// Which link and image destinations a chapter may use.
///
/// `javascript:` and `vbscript:` run code when followed, and a `data:` page is a document the
/// author's reader did not ask for; only `data:image/…` as an image source is plain content.
/// Destinations are read the way a browser reads them: leading and trailing control characters
/// and spaces are dropped, tabs and line breaks anywhere are ignored, the scheme is
/// case-insensitive, and (in HTML attributes) character references are decoded first.
enum URLSafety {
    static let refusedSchemes: Set<String> = ["javascript", "vbscript", "data"]

    /// What a link may point to, for hints.
    static let validDestinations =
        "links may use http:, https:, mailto:, relative paths and #anchors; images may also use data:image/…"

    /// The refused scheme of `url` (lowercased, e.g. `javascript`), or `nil` when it is allowed.
    /// `allowsDataImage` is true where the URL is an image source.
    static func refusedScheme(of url: String, allowsDataImage: Bool) -> String? {
        var scalars = Array(url.unicodeScalars)
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { $0.value > 0x20 }) else { return nil }
        var scheme = ""
        var index = first
        while index < scalars.count, scalars[index] != ":" {
            let c = scalars[index]
            guard c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || "+-.".unicodeScalars.contains(c)
            else { return nil }
            scheme.unicodeScalars.append(c)
            index += 1
        }
        guard index < scalars.count else { return nil }  // no colon: a relative URL
        scheme = scheme.lowercased()
        guard refusedSchemes.contains(scheme) else { return nil }
        if scheme == "data", allowsDataImage {
            let rest = String(String.UnicodeScalarView(scalars[(index + 1)...])).lowercased()
            if rest.drop(while: { $0 == " " }).hasPrefix("image/") { return nil }
        }
        return scheme
    }
}
