/// A position in a chapter file, 1-based, as editors and compilers print it.
///
/// Every diagnostic the tool emits points at one of these, so that instructors can
/// jump straight to the offending line (`Chapters/03-xor.md:42:7`), rather than
/// reading a stack trace the way Quarto or Jupyter Book users have to.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path as it should appear in messages (usually relative, e.g. `Chapters/01-intro.md`).
    public var file: String
    /// 1-based line number in the chapter file.
    public var line: Int
    /// 1-based column (counted in Unicode scalars, like libyaml does).
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same place `columns` further along the line: the end of a span that starts here.
    public func advanced(by columns: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + columns)
    }

    /// `file:line:col`, the format understood by editors and CI annotations.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column, so sorted diagnostics read top to bottom.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
