/// A MyST-style inline role in prose: `{value}` immediately followed by a code span,
/// e.g. ``{value}`xor.final_loss` `` or ``{ref}`fig-xor` ``.
///
/// The code span keeps the expression safe from Markdown (underscores, asterisks) and
/// the role name says how the compiler should fill it in.
public struct InlineRole: Sendable, Hashable {
    /// Role names the workbook understands (the default for ``ChapterSource/parse(text:path:directiveNames:roleNames:)``).
    public static let knownNames = ["value", "ref"]

    /// The name between the braces, e.g. `value`.
    public var name: String
    /// The code span's text, e.g. `xor.final_loss`.
    public var content: String
    /// Where the `{` is in the chapter file.
    public var location: SourceLocation
    /// Position among the chapter's roles (0-based), also its placeholder number.
    public var index: Int

    public init(name: String, content: String, location: SourceLocation, index: Int) {
        self.name = name
        self.content = content
        self.location = location
        self.index = index
    }
}
