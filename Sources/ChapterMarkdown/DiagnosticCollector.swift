/// Accumulates diagnostics so a pass can report every problem in a file, not just the first.
///
/// Authors fix chapters in batches; stopping at the first error (as knitr does with
/// "Quitting from lines …") makes them re-run the build once per mistake.
public struct DiagnosticCollector: Sendable, Hashable {
    /// Diagnostics in the order they were reported.
    public private(set) var diagnostics: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: some Sequence<Diagnostic>) {
        diagnostics.append(contentsOf: other)
    }

    public mutating func error(
        _ message: String, at location: SourceLocation?, notes: [String] = [], hint: String? = nil,
        id: DiagnosticID, end: SourceLocation? = nil
    ) {
        append(.error(message, at: location, notes: notes, hint: hint, id: id, end: end))
    }

    public mutating func warning(
        _ message: String, at location: SourceLocation?, notes: [String] = [], hint: String? = nil,
        id: DiagnosticID, end: SourceLocation? = nil
    ) {
        append(.warning(message, at: location, notes: notes, hint: hint, id: id, end: end))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var isEmpty: Bool { diagnostics.isEmpty }

    /// Diagnostics ordered by location (file, line, column); location-less ones first.
    /// The sort is stable, so equal locations keep their reporting order (deterministic output).
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
