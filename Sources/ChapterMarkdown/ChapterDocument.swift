/// A parsed chapter: everything the compiler needs, as plain values.
///
/// The Markdown has already been rendered to HTML with placeholders where directives and
/// inline roles were, so the document is `Sendable` and can be rendered later (after the
/// experiments it refers to have been trained) without touching cmark again.
public struct ChapterDocument: Sendable, Hashable {
    /// The path given to ``ChapterSource/parse(text:path:directiveNames:roleNames:)``, as used in locations.
    public var path: String
    /// The YAML front matter, or `nil` when the chapter has none.
    public var frontMatter: FrontMatter?
    /// Well-formed directives with known names, in chapter order.
    public var directives: [Directive]
    /// Inline roles with known names, in chapter order.
    public var inlineRoles: [InlineRole]
    /// All headings (levels 1–6) in chapter order, each with its unique `id`.
    public var headings: [Heading]
    /// Math spans found in prose, in chapter order.
    public var math: [MathSpan]

    /// Rendered body HTML with directive and role tokens still in it.
    let template: String
    let placeholders: PlaceholderScheme

    init(
        path: String, frontMatter: FrontMatter?, directives: [Directive], inlineRoles: [InlineRole],
        headings: [Heading], math: [MathSpan], template: String, placeholders: PlaceholderScheme
    ) {
        self.path = path
        self.frontMatter = frontMatter
        self.directives = directives
        self.inlineRoles = inlineRoles
        self.headings = headings
        self.math = math
        self.template = template
        self.placeholders = placeholders
    }

    /// The front matter title, else the text of the first level-1 heading.
    public var title: String? {
        frontMatter?.title ?? headings.first { $0.level == 1 }?.text
    }

    /// The body HTML with each directive replaced by `directive(d)` (placed as an HTML
    /// block) and each inline role by `role(r)`. Math and heading ids are already in place.
    ///
    /// The closures are called once per directive/role, in chapter order.
    public func renderHTML(
        directive: (Directive) throws -> String, role: (InlineRole) throws -> String
    ) rethrows -> String {
        try placeholders.substitute(in: template) { match in
            switch match.kind {
            case .directive where directives.indices.contains(match.index):
                try directive(directives[match.index])
            case .role where inlineRoles.indices.contains(match.index):
                try role(inlineRoles[match.index])
            default:
                nil
            }
        }
    }
}
