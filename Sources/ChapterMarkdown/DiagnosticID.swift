/// The kind of a diagnostic: a stable name such as `labbook.unknown-key`, printed at the end of
/// its line (`[labbook.unknown-key]`) the way compilers print a warning's flag.
public struct DiagnosticID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// A problem without a more specific kind.
    public static let general = DiagnosticID(rawValue: "labbook.general")
    public static let unknownKey = DiagnosticID(rawValue: "labbook.unknown-key")
    public static let badValue = DiagnosticID(rawValue: "labbook.bad-value")
    public static let beyondPlayground = DiagnosticID(rawValue: "labbook.beyond-playground")
    public static let badID = DiagnosticID(rawValue: "labbook.bad-id")
    public static let duplicateID = DiagnosticID(rawValue: "labbook.duplicate-id")
    public static let unknownReference = DiagnosticID(rawValue: "labbook.unknown-reference")
    public static let badReference = DiagnosticID(rawValue: "labbook.bad-reference")
    public static let badFile = DiagnosticID(rawValue: "labbook.bad-file")
    public static let tooMuchWork = DiagnosticID(rawValue: "labbook.too-much-work")
    public static let diverged = DiagnosticID(rawValue: "labbook.diverged")
    /// Results that print a worksheet's answers in the student edition.
    public static let worksheetLeak = DiagnosticID(rawValue: "labbook.worksheet-leak")
}
