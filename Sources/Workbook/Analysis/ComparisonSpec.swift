import ChapterMarkdown
import PlaygroundTrainer

/// A `{compare} ID` directive: one figure (and one results table) over several experiments,
/// e.g. Question 1C's none / [4] / [4, 4], with panels on common axes.
public struct ComparisonSpec: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
    /// The experiments compared, in panel order; each must exist and have no `vary`.
    public var experimentIDs: [String]
    public var experimentsLocation: SourceLocation
    public var figures: [FigureKind] = [.loss]
    public var tableRequested = true
    public var caption: String?
    public var title: String?
    public var sharedAxes = true
    /// `student:` as written (or from the book's defaults); nil leaves it to the worksheet rule.
    public var student: StudentRole?
}

extension DirectiveAnalyzer {
    static let comparisonKeys = ["experiments", "show", "caption", "title", "axes", StudentRole.key]

    mutating func comparison(_ directive: Directive) -> ComparisonSpec? {
        let before = diagnostics.errorCount
        guard let id = directiveID(directive, required: true, example: "```{compare} q1c") else { return nil }
        var spec = ComparisonSpec(id: id, location: directive.location, experimentIDs: [], experimentsLocation: directive.location)
        for entry in directive.body.entries {
            switch entry.key {
            case "experiments":
                spec.experimentsLocation = entry.value.location
                let items = entry.value.sequence?.compactMap(\.scalar).map(\.text) ?? []
                if items.count < 2 {
                    diagnostics.error(
                        "experiments takes a list of at least two experiment IDs, e.g. [q1c-none, q1c-one]", at: entry.value.location,
                        id: .wrongType)
                }
                spec.experimentIDs = items
            case "show":
                (spec.figures, spec.tableRequested) = showItems(entry.value)
                for kind in spec.figures where kind.plotsVariedSetting {
                    diagnostics.error(
                        "show: \(kind.rawValue) plots a sweep's varied setting; {compare} can show boundary, network, loss, loss-overlay, data, table",
                        at: entry.value.location, id: .unknownFigure)
                }
            case "caption": spec.caption = text(entry.value, key: "caption")
            case "title": spec.title = text(entry.value, key: "title")
            case "axes": spec.sharedAxes = sharedAxes(entry.value) ?? spec.sharedAxes
            case StudentRole.key: spec.student = studentRole(entry.value)
            default: unknownKey(entry, directive: "compare", valid: Self.comparisonKeys)
            }
        }
        if spec.student == nil, directive.body.entry(StudentRole.key) == nil,
            let inherited = defaults.first(where: { $0.key == StudentRole.key })
        {
            spec.student = studentRole(inherited.value)
        }
        if directive.body.entry("experiments") == nil {
            diagnostics.error(
                "{compare} needs an experiments: list, e.g. experiments: [q1c-none, q1c-one]", at: directive.location, id: .missingKey)
        }
        return diagnostics.errorCount == before ? spec : nil
    }
}
