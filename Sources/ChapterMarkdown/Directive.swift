/// A fenced block whose info string starts with `{name}`, e.g.
///
///     ```{experiment} xor-tanh
///     dataset: xor
///     hidden: [4]
///     ```
///
/// The body is YAML; every key and value keeps its location in the chapter file so
/// the compiler can validate it before any training runs and point at the exact line.
public struct Directive: Sendable, Hashable {
    /// Directive names the workbook understands (the default for ``ChapterSource/parse(text:path:directiveNames:roleNames:)``).
    public static let knownNames = ["experiment", "activations", "dataset", "question"]

    /// The name between the braces, e.g. `experiment`.
    public var name: String
    /// The rest of the info string, trimmed (e.g. the experiment ID), or `nil` if empty.
    public var argument: String?
    /// The YAML body as an ordered, located mapping (empty for an empty body).
    public var body: YAMLMapping
    /// The body exactly as written (for hashing or echoing).
    public var rawBody: String
    /// The opening fence's line and column.
    public var location: SourceLocation
    /// The chapter line of the body's first line (fence line + 1).
    public var bodyStartLine: Int
    /// Position among the chapter's directives (0-based), also its placeholder number.
    public var index: Int

    public init(
        name: String, argument: String?, body: YAMLMapping, rawBody: String, location: SourceLocation,
        bodyStartLine: Int, index: Int
    ) {
        self.name = name
        self.argument = argument
        self.body = body
        self.rawBody = rawBody
        self.location = location
        self.bodyStartLine = bodyStartLine
        self.index = index
    }
}
