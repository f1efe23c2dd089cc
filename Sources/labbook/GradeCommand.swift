import ArgumentParser
import Foundation
import Workbook

/// `labbook grade`: students' reported values against each one's own runs.
struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare what students reported with the key to their own runs.",
        discussion: "The answers are a CSV in the form of answers-template.csv, which `labbook build --roster` writes beside key.csv.")

    @OptionGroup var book: BookOptions
    @Option(help: "The roster CSV the variants were built from (columns id,name).")
    var roster: String
    @Option(help: "The students' answers (student_id,name,experiment,combination,run,quantity,value).")
    var answers: String
    @Option(name: .customLong("epochs-tolerance"), help: "Epochs a reported epoch may be off (default 3).")
    var epochsTolerance: Double = 3
    @Option(
        name: .customLong("loss-tolerance"),
        help: "How far a reported loss may be from the one shown (default 0.0005: the page's three decimals).")
    var lossTolerance: Double = 0.0005
    @Option(name: .customLong("accuracy-tolerance"), help: "Percentage points a reported accuracy may be off (default 2).")
    var accuracyTolerance: Double = 2
    @Option(help: "Also write every verdict to this CSV file.")
    var report: String?

    func run() throws {
        for (flag, value) in [
            ("--epochs-tolerance", epochsTolerance), ("--loss-tolerance", lossTolerance), ("--accuracy-tolerance", accuracyTolerance),
        ]
        where !(value >= 0 && value.isFinite) {
            throw ValidationError("\(flag): must be a number 0 or greater")
        }
        var options = book.buildOptions()
        options.roster = URL(fileURLWithPath: roster)
        options.rosterDisplayPath = roster
        let key: [KeyRow]
        do {
            key = try Builder(options: options).keyRows()
        } catch let failure as BuildFailure {
            for diagnostic in failure.diagnostics { printError(diagnostic.line) }
            throw ExitCode(1)
        } catch {
            printError("labbook: error: \(error)")
            throw ExitCode(1)
        }
        guard let data = FileManager.default.contents(atPath: answers), let text = String(data: data, encoding: .utf8) else {
            printError("\(answers):1:1: error: cannot read the answers as UTF-8 text [labbook.bad-answers]")
            throw ExitCode(1)
        }
        var tolerances = Grading.Tolerances()
        tolerances.epochs = epochsTolerance
        tolerances.loss = lossTolerance
        tolerances.accuracy = accuracyTolerance
        let (grading, diagnostics) = Grading.grade(answers: text, displayPath: answers, key: key, tolerances: tolerances)
        guard let grading else {
            for diagnostic in diagnostics { printError(diagnostic.line) }
            printError("labbook: \(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s") in \(answers); nothing was graded")
            throw ExitCode(1)
        }
        for student in grading.perStudent {
            print("\(student.id) (\(student.name)): \(student.agreed) of \(student.asked) values agree with their runs")
            for verdict in grading.verdicts where verdict.key.studentID == student.id && !verdict.agrees {
                let key = verdict.key
                let which = [key.experiment, key.combination, key.run].filter { !$0.isEmpty }.joined(separator: ", ")
                print(
                    "  \(which) · \(key.quantity.rawValue): reported \(verdict.reported ?? "nothing"), the Playground showed \(key.value)")
            }
        }
        let agreed = grading.verdicts.count { $0.agrees }
        print("In all: \(agreed) of \(grading.verdicts.count) values agree (\(grading.perStudent.count) students).")
        if let report {
            var lines = ["student_id,experiment,combination,run,quantity,reported,key,agrees"]
            for verdict in grading.verdicts {
                let k = verdict.key
                lines.append(
                    [
                        k.studentID, k.experiment, k.combination, k.run, k.quantity.rawValue, verdict.reported ?? "", k.value,
                        verdict.agrees ? "yes" : "no",
                    ]
                    .map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                    .joined(separator: ","))
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: report))
        }
    }
}
