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
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var line = 1
            for prefixLength in 0...bytes.count where String(validating: bytes[..<prefixLength], as: UTF8.self) == nil {
                line = bytes[..<max(0, prefixLength - 1)].count { $0 == 0x0A } + 1
                break
            }
            return fail("the roster is not UTF-8 text", line: line, hint: "save it as \"CSV UTF-8\"", id: .notUTF8)
        }
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            var line = String(String.UnicodeScalarView($0))
            if line.hasSuffix("\r") { line.removeLast() }
            return line
        }
        guard let header = lines.first.map(fields) else { return fail("the roster is empty", line: 1) }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let idColumn = names.firstIndex(of: "id"), let nameColumn = names.firstIndex(of: "name") else {
            return fail("the roster's header needs the columns id and name", line: 1, hint: "valid: a first line such as id,name")
        }
        var students: [Student] = []
        var seen: [String: Int] = [:]
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = index + 1
            if let control = line.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\t" }) {
                _ = fail("control character U+\(String(format: "%04X", control.value)) in the roster", line: number)
                continue
            }
            let row = fields(line)
            guard row.count > max(idColumn, nameColumn) else {
                _ = fail(
                    "the row has \(row.count) field\(row.count == 1 ? "" : "s"), the header \(header.count)", line: number,
                    hint: "valid: id,name")
                continue
            }
            let id = row[idColumn].trimmingCharacters(in: .whitespaces)
            let name = row[nameColumn].trimmingCharacters(in: .whitespaces)
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

    /// One CSV line's fields: commas separate, double quotes enclose, `""` is a quote.
    static func fields(_ line: String) -> [String] {
        var result: [String] = []
        var field = ""
        var quoted = false
        var characters = line.unicodeScalars.makeIterator()
        while let c = characters.next() {
            if quoted {
                if c == "\"" {
                    if let next = characters.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            if next == "," { result.append(field); field = "" } else { field.unicodeScalars.append(next) }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                result.append(field)
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        result.append(field)
        return result
    }
}
