import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// The one table of settings (`SettingKey.spec`) and what is made or checked from it: the
/// README's tables, `labbook train`'s flags and help, `labbook.yml` defaults, the configuration
/// block, one message per range rule.
@Suite("Setting table")
struct SettingTableTests {
    static var readme: String {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            return try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        }
    }

    /// The README's `labbook train` flag table names every setting's flag, and nothing else
    /// but the command's own `--format`.
    @Test func readmeFlagTableIsTheTable() throws {
        let text = try Self.readme
        let start = try #require(text.range(of: "| flag | values |"))
        let table = text[start.upperBound...].split(separator: "\n").drop { $0.hasPrefix("|---") }
        var flags: Set<String> = []
        for line in table {
            guard line.hasPrefix("|") else { break }
            let firstCell = line.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
            flags.formUnion(firstCell.matches(of: /`--([a-z-]+)/).map { String($0.output.1) })
        }
        #expect(flags == Set(SettingKey.allCases.map(\.rawValue) + ["format"]))
    }

    /// The README's list of directive keys under "Experiments" names every setting (`cells` is
    /// in the key table below it).
    @Test func readmeKeyListIsTheTable() throws {
        let text = try Self.readme
        let start = try #require(text.range(of: "The keys are the `labbook train` flags without dashes ("))
        let list = text[start.upperBound...].prefix { $0 != ")" }
        var keys = Set(list.matches(of: /`([a-z-]+)`/).map { String($0.output.1) })
        #expect(text.contains("| `dataset: FILE.csv`, `cells`, `rescale` |"))
        keys.insert("cells")
        #expect(keys == Set(SettingKey.allCases.map(\.rawValue)))
        // The book-wide defaults sentence names the settings that cannot be defaults.
        let excluded = SettingKey.allCases.filter { !$0.spec.isBookDefault }.map { "`\($0.rawValue)`" }
        #expect(text.contains("the training settings but " + excluded.joined(separator: " and ")))
    }

    /// Every flag of `labbook train --help` is a setting of the table with its help, or one of
    /// the command's own options.
    @Test func helpListsEveryFlagWithTheTablesText() throws {
        let help = try Labbook.run(["train", "--help"]).output
        let unwrapped = help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for key in SettingKey.allCases {
            #expect(help.contains("\(key.flag) <\(key.rawValue)>"), "\(key.flag) missing")
            #expect(unwrapped.contains(key.spec.help), "\(key.flag): \(key.spec.help)")
        }
    }

    /// `labbook.yml` accepts as defaults exactly the settings the table marks, plus display keys.
    @Test func bookDefaultsComeFromTheTable() {
        for key in SettingKey.allCases {
            #expect(BookSettings.defaultKeys.contains(key.rawValue) == key.spec.isBookDefault, "\(key)")
        }
        let (_, diagnostics) = BookSettings.parse("defaults:\n  cells: 6\n  resets: 1e1\n", displayPath: "labbook.yml")
        #expect(diagnostics.map(\.id) == [.notADefault])
    }

    /// The same text is accepted or refused alike by a directive and by the flag, with one
    /// message (`--resets 1e1` used to be refused while `resets: 1e1` passed).
    @Test(arguments: [
        ("resets", "1e1", true), ("resets", "1.5", false), ("seeds", "1e1", true), ("epochs", "2e3", true), ("hidden", "65", false),
    ])
    func flagsAndDirectivesAgree(key: String, text: String, accepted: Bool) throws {
        let settingKey = try #require(SettingKey(rawValue: key))
        let directive = Result { () throws(SettingError) in try SettingRules.parse(settingKey, text) }
        let flag = try Labbook.run(["train", "--\(key)", text, "--epochs", "0", "--dataset", "gauss"])
        switch directive {
        case .success: #expect(accepted && flag.status == 0, "\(flag.error)")
        case .failure(let error):
            #expect(!accepted && flag.status == 2)
            #expect(flag.error == "labbook: error: --\(key): \(error.description)\n")
        }
    }

    /// Every range rule has one wording: not a number, not whole, outside the range.
    @Test func rangeRulesHaveOneWordingEach() {
        func reason(_ key: SettingKey, _ text: String) -> String? {
            do {
                _ = try SettingRules.parse(key, text)
                return nil
            } catch { return error.reason }
        }
        #expect(reason(.batchSize, "1e30") == "batch size 1e30 is outside the accepted range")
        #expect(reason(.seeds, "101") == "seeds 101 is outside the accepted range")
        #expect(reason(.epochs, "1.5") == "'1.5' is not a whole number")
        #expect(reason(.resets, "NaN") == "'NaN' is not a number")
        #expect(reason(.learningRate, "-1") == "learning rate -1 is outside the accepted range")
        #expect(reason(.hidden, "65") == "a layer of '65' neurons is out of range")
        for key in SettingKey.allCases {
            guard let range = key.spec.range else { continue }
            #expect(key.validValues.contains(range.validText), "\(key): \(key.validValues)")
        }
        // The limits live in SettingRange alone; the configuration's own check says the same.
        var c = TrainingConfiguration()
        c.hidden = [65]
        c.epochs = -1
        c.learningRate = 0
        #expect(
            c.validate().map(\.description) == [
                "hidden: must be \(SettingRange.hiddenValidText)",
                "learning-rate: must be \(SettingRange.learningRate.validText)",
                "epochs: must be \(SettingRange.epochs.validText)",
            ])
    }

    /// The configuration block is every setting of the configuration in the table's order, each
    /// in the form a directive accepts back.
    @Test func configurationBlockComesFromTheTable() throws {
        let c = TrainingConfiguration()
        // Every setting of the configuration but `cells` (unset but for a checkerboard) and the
        // hand-set `weights` and `biases` (unset unless written), then the output.
        let keys = SettingKey.allCases.filter { $0.spec.inConfiguration && ![.cells, .weights, .biases].contains($0) }.map(\.rawValue)
        #expect(c.resolvedSettings.map(\.key) == keys + ["output-activation"])
        #expect(!keys.contains("seeds") && !keys.contains("resets") && !keys.contains("playground-url"))
        for (key, text) in c.resolvedSettings {
            guard let settingKey = SettingKey(rawValue: key) else { continue }
            let value = try SettingRules.parse(settingKey, text)
            #expect(value.text == text, "\(key)")
            var settings = ExperimentSettings()
            settings.set(value)
            #expect(settings.configuration == c, "\(key)")
        }
    }
}
