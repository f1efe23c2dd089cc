import PlaygroundTrainer

/// One value of one student's worksheet key: what the Playground shows for that student's run
/// (as the key table prints it) and the value at full precision. `key.csv` is these rows;
/// `labbook grade` compares students' answers with them.
public struct KeyRow: Sendable, Hashable {
    public var studentID: String
    public var name: String
    public var experiment: String
    /// The sweep combination (`activation = relu`), empty without a sweep.
    public var combination: String
    /// `seed v1a2b3c` or `seed v1a2b3c, reset 2`.
    public var run: String
    public var quantity: RecordItem
    public var value: String
    /// Full precision; empty where there is no number (a target not reached).
    public var exact: String

    public static let csvHeader = "student_id,name,experiment,combination,run,quantity,value,exact"

    /// Every key value of every student's worksheet experiments, in book and run order.
    static func rows(_ variants: [(StudentVariant, BookPlan, BookResults)]) -> [KeyRow] {
        var rows: [KeyRow] = []
        for (variant, plan, results) in variants {
            for spec in plan.experimentsInOrder where plan.worksheets.contains(spec.id) {
                for (combination, combinationResults) in zip(spec.combinations, results[spec.id]) {
                    for record in combinationResults.records {
                        for item in spec.recordItems {
                            let (value, exact) = values(item, record)
                            rows.append(
                                KeyRow(
                                    studentID: variant.student.id, name: variant.student.name, experiment: spec.id,
                                    combination: combination.label, run: record.run.description, quantity: item, value: value, exact: exact)
                            )
                        }
                    }
                }
            }
        }
        return rows
    }

    /// The value as the key table prints it, and at full precision.
    static func values(_ item: RecordItem, _ record: RunRecord) -> (String, String) {
        switch item {
        case .epochs: return (record.epochText, record.reached == true ? String(record.epoch) : "")
        case .trainLoss: return (record.trainLoss, record.exactTrainLoss.map { "\($0)" } ?? "")
        case .testLoss: return (record.testLoss, record.exactTestLoss.map { "\($0)" } ?? "")
        case .trainAccuracy:
            return (record.trainAccuracy.map(ValueFormatting.percent) ?? "", record.trainAccuracy.map { "\($0 * 100)" } ?? "")
        case .testAccuracy: return (record.testAccuracy.map(ValueFormatting.percent) ?? "", record.testAccuracy.map { "\($0 * 100)" } ?? "")
        }
    }

    var csvLine: String {
        [studentID, name, experiment, combination, run, quantity.rawValue, value, exact].map(Self.csvField).joined(separator: ",")
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
