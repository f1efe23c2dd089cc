import ChapterMarkdown
import Foundation

/// `labbook grade`: what students reported (a CSV in the form of `answers-template.csv`)
/// compared with each student's own key (``KeyRow``), within a tolerance per quantity.
///
/// **Tolerances** (defaults, each settable): a loss agrees when it is within 0.0005 of the
/// value the Playground showed — the page prints three decimals, so this accepts exactly what
/// was on screen, also written as `0.02` for `0.020`; an epoch within 3 of the key's — stepping
/// (▸|) lands on it exactly, but a student who paused a moment late and stepped back by
/// counting may be a few off; an accuracy (Labbook's own, not on the page) within 2
/// percentage points. A target the key did not reach agrees only with "not reached".
public struct Grading: Sendable {
    public static let answersHeader = "student_id,name,experiment,combination,run,quantity,value"

    public struct Tolerances: Sendable {
        public var epochs = 3.0
        public var loss = 0.0005
        public var accuracy = 2.0
        public init() {}

        func of(_ item: RecordItem) -> Double {
            switch item {
            case .epochs: epochs
            case .trainLoss, .testLoss: loss
            case .trainAccuracy, .testAccuracy: accuracy
            }
        }
    }

    public struct Verdict: Sendable {
        public var key: KeyRow
        public var reported: String?
        public var agrees: Bool
    }

    public var verdicts: [Verdict]

    /// Per student in roster order: (id, name, agreeing, asked).
    public var perStudent: [(id: String, name: String, agreed: Int, asked: Int)] {
        var order: [String] = []
        var tally: [String: (String, Int, Int)] = [:]
        for verdict in verdicts {
            if tally[verdict.key.studentID] == nil {
                order.append(verdict.key.studentID); tally[verdict.key.studentID] = (verdict.key.name, 0, 0)
            }
            tally[verdict.key.studentID]!.1 += verdict.agrees ? 1 : 0
            tally[verdict.key.studentID]!.2 += 1
        }
        return order.map { (id: $0, name: tally[$0]!.0, agreed: tally[$0]!.1, asked: tally[$0]!.2) }
    }

    /// Reads the answers; nil with diagnostics at the file's lines when they cannot be graded.
    public static func grade(
        answers text: String, displayPath: String, key: [KeyRow], tolerances: Tolerances = Tolerances()
    ) -> (Grading?, [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        func error(_ message: String, line: Int, hint: String? = nil) {
            diagnostics.error(message, at: SourceLocation(file: displayPath, line: line, column: 1), hint: hint, id: .badAnswers)
        }
        // Read as rosters and point files are (``CSVText``); a line that cannot be read is an
        // error at its line and column, and the rest is still checked.
        var rows: [(number: Int, fields: [String])] = []
        for (number, record) in CSVText.records(Array(text.utf8)) {
            switch record {
            case .success(let fields): rows.append((number, fields.map(\.text)))
            case .failure(let problem):
                diagnostics.error(
                    problem.message, at: SourceLocation(file: displayPath, line: number, column: problem.column), hint: problem.hint,
                    id: .badAnswers)
            }
        }
        let header = (rows.first?.fields ?? []).map { $0.lowercased() }
        let needed = ["student_id", "experiment", "run", "quantity", "value"]
        let missing = needed.filter { !header.contains($0) }
        guard missing.isEmpty else {
            error(
                "the answers' header lacks \(missing.joined(separator: ", "))", line: 1,
                hint: "valid: the header of answers-template.csv, \(answersHeader)")
            return (nil, diagnostics.diagnostics)
        }
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($0.element, $0.offset) })
        let students = Set(key.map(\.studentID))
        let experiments = Set(key.map(\.experiment))
        var byIdentity: [String: KeyRow] = [:]
        for row in key {
            byIdentity[[row.studentID, row.experiment, row.combination, row.run, row.quantity.rawValue].joined(separator: "\u{1F}")] = row
        }
        var reported: [String: String] = [:]
        for (lineNumber, fields) in rows.dropFirst() {
            func field(_ name: String) -> String { column[name].flatMap { $0 < fields.count ? fields[$0] : nil } ?? "" }
            let student = field("student_id"), experiment = field("experiment"), run = field("run"), quantity = field("quantity")
            guard students.contains(student) else {
                error("unknown student '\(TerminalText.escaped(student))'", line: lineNumber, hint: "valid: an id of the roster"); continue
            }
            guard experiments.contains(experiment) else {
                error(
                    "unknown experiment '\(TerminalText.escaped(experiment))'", line: lineNumber,
                    hint: "valid: \(experiments.sorted().joined(separator: ", "))");
                continue
            }
            guard let item = RecordItem(rawValue: quantity) else {
                error(
                    "unknown quantity '\(TerminalText.escaped(quantity))'", line: lineNumber,
                    hint: "valid: \(RecordItem.allCases.map(\.rawValue).joined(separator: ", "))");
                continue
            }
            let identity = [student, experiment, field("combination"), run, item.rawValue].joined(separator: "\u{1F}")
            guard byIdentity[identity] != nil else {
                error(
                    "student '\(student)' was not asked for \(quantity) of run '\(TerminalText.escaped(run))' in \(experiment)",
                    line: lineNumber, hint: "copy the rows of answers-template.csv")
                continue
            }
            let value = field("value")
            if !value.isEmpty && !value.lowercased().hasPrefix("not reached") && Self.number(value) == nil {
                error(
                    "'\(TerminalText.escaped(String(value.prefix(40))))' is not a number", line: lineNumber,
                    hint: "valid: a number such as 0.021 or 412, \"not reached\", or empty when not answered")
                continue
            }
            reported[identity] = value
        }
        guard diagnostics.diagnostics.isEmpty else { return (nil, diagnostics.diagnostics) }
        let verdicts = key.map { row -> Verdict in
            let identity = [row.studentID, row.experiment, row.combination, row.run, row.quantity.rawValue].joined(separator: "\u{1F}")
            let answer = reported[identity].flatMap { $0.isEmpty ? nil : $0 }
            return Verdict(
                key: row, reported: answer, agrees: answer.map { agrees($0, row, tolerance: tolerances.of(row.quantity)) } ?? false)
        }
        return (Grading(verdicts: verdicts), [])
    }

    static func agrees(_ answer: String, _ row: KeyRow, tolerance: Double) -> Bool {
        let notReached = answer.lowercased().hasPrefix("not reached")
        if row.quantity == .epochs && row.exact.isEmpty { return notReached }
        guard !notReached, let reported = number(answer) else { return false }
        let truth: Double?
        switch row.quantity {
        case .trainLoss, .testLoss: truth = Double(row.value)  // what the page showed
        default: truth = Double(row.exact)
        }
        guard let truth else { return false }
        return abs(reported - truth) <= tolerance + 1e-12
    }

    /// A plain decimal number (a percent sign and thousands commas in epochs allowed).
    static func number(_ text: String) -> Double? {
        var cleaned = text.replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
        if cleaned.range(of: #"^\d{1,3}(,\d{3})+$"#, options: .regularExpression) != nil {
            cleaned = cleaned.replacingOccurrences(of: ",", with: "")
        }
        guard cleaned.range(of: #"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"#, options: .regularExpression) != nil else { return nil }
        return Double(cleaned)
    }
}
