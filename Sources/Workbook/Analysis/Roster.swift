import ChapterMarkdown
import Foundation

/// The students of a course (`--roster roster.csv`): a CSV with the columns `id` and `name`
/// (others are ignored), as spreadsheets write it — UTF-8, an optional byte order mark, LF or
/// CRLF line ends, fields in double quotes where they hold commas or quotes.
///
/// A student's ID names the folder of their edition (`Output/students/ID/`) and seeds their
/// runs, so it follows the rule directive IDs follow (letters, digits, `-`, `_`): no path can
/// come out of a roster. Problems are diagnostics at the file's line.
public struct Roster: Sendable, Hashable {
    public struct Student: Sendable, Hashable {
        public var id: String
        public var name: String
    }

    public var students: [Student]
    /// At most this many students: each multiplies the worksheets' runs.
    public static let limit = 5000

    /// Reads the roster; nil with diagnostics when it cannot be used.
    public static func read(_ url: URL, displayPath: String) -> (Roster?, [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        func fail(
            _ message: String, line: Int, column: Int = 1, hint: String? = nil, id: DiagnosticID = .badRoster
        ) -> (Roster?, [Diagnostic]) {
            diagnostics.error(message, at: SourceLocation(file: displayPath, line: line, column: column), hint: hint, id: id)
            return (nil, diagnostics.diagnostics)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return fail("cannot read the roster", line: 1, id: .unreadableFile)
        }
        guard data.count <= 16 << 20 else { return fail("the roster is larger than 16 MB", line: 1) }
        // Lines are read as point files are (``CSVText``): the same refusals, at the same columns.
        var rows: [(number: Int, fields: [String])] = []
        for (number, record) in CSVText.records([UInt8](data)) {
            switch record {
            case .success(let fields): rows.append((number, fields.map(\.text)))
            case .failure(let problem) where problem.notUTF8:
                return fail(
                    "the roster is not UTF-8 text", line: number, column: problem.column, hint: "save it as \"CSV UTF-8\"", id: .notUTF8)
            case .failure(let problem):
                _ = fail(problem.message, line: number, column: problem.column, hint: problem.hint)
            }
        }
        if !diagnostics.diagnostics.isEmpty { return (nil, diagnostics.diagnostics) }
        guard let header = rows.first?.fields else { return fail("the roster is empty", line: 1) }
        let names = header.map { $0.lowercased() }
        guard let idColumn = names.firstIndex(of: "id"), let nameColumn = names.firstIndex(of: "name") else {
            return fail(
                "the roster's header needs the columns id and name", line: rows[0].number, hint: "valid: a first line such as id,name")
        }
        var students: [Student] = []
        var seen: [String: Int] = [:]
        for (number, row) in rows.dropFirst() {
            guard row.count > max(idColumn, nameColumn) else {
                _ = fail(
                    "the row has \(row.count) field\(row.count == 1 ? "" : "s"), the header \(header.count)", line: number,
                    hint: "valid: id,name")
                continue
            }
            let id = row[idColumn]
            let name = row[nameColumn]
            if let problem = DirectiveID.problem(with: id) {
                let shown = TerminalText.escaped(String(id.prefix(40)))
                _ = fail(
                    "student id '\(shown)' \(problem)", line: number, hint: "an id names the student's folder: letters, digits, '-' and '_'"
                )
                continue
            }
            if let first = seen[id] {
                _ = fail("student id '\(id)' is also on line \(first)", line: number, hint: "each student needs an id of their own")
                continue
            }
            seen[id] = number
            students.append(Student(id: id, name: name.isEmpty ? id : name))
        }
        if diagnostics.diagnostics.isEmpty && students.isEmpty { return fail("the roster lists no student", line: 2) }
        if students.count > limit { return fail("the roster lists \(students.count) students; at most \(limit)", line: 1) }
        return diagnostics.diagnostics.isEmpty ? (Roster(students: students), []) : (nil, diagnostics.diagnostics)
    }
}
