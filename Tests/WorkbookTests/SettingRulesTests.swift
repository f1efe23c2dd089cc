import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// The one table of setting rules, shared by directive keys, sweep values, selectors and flags.
@Suite("Setting rules")
struct SettingRulesTests {
    @Test func spellingsOfOneMeaningGiveOneValue() throws {
        #expect(try SettingRules.parse(.hidden, "4,2") == SettingRules.parse(.hidden, "[4, 2]"))
        #expect(try SettingRules.parse(.activation, "ReLU").value(as: Activation.self) == .relu)
        #expect(try SettingRules.parse(.learningRate, "1e-3") == SettingRules.parse(.learningRate, "0.001"))
        #expect(try SettingRules.parse(.hidden, "none").value(as: [Int].self) == [])
        #expect(try SettingRules.parse(.features, "x2, x1").value(as: [Feature].self) == [.x1, .x2])
    }

    @Test(arguments: [
        (SettingKey.batchSize, "1e30"), (.batchSize, "1e999"), (.batchSize, "0"), (.epochs, "-1"),
        (.epochs, "NaN"), (.seeds, "101"), (.learningRate, "0"), (.learningRate, "inf"), (.noise, "1001"), (.resets, "101"),
        (.trainRatio, "100%"), (.hidden, "65"), (.regularizationRate, "-0.1"),
    ])
    func outOfRangeNumbersAreErrorsNotTraps(key: SettingKey, text: String) {
        #expect(throws: SettingError.self) { try SettingRules.parse(key, text) }
    }

    @Test func typosGetASuggestion() {
        do {
            _ = try SettingRules.parse(.activation, "sigmod")
            Issue.record("accepted")
        } catch {
            #expect(error.suggestion == "sigmoid")
        }
    }

    /// `labbook train`'s flags are exactly the directive's setting keys with dashes.
    @Test func commandLineFlagsAreTheDirectiveKeys() throws {
        let help = try Labbook.run(["train", "--help"]).output
        let flags = Set(help.matches(of: /--([a-z][a-z-]*)/).map { String($0.output.1) })
        let settingFlags = flags.subtracting([
            "format", "figure", "out", "show-test-data", "discretize", "log-scale", "help", "version",
        ])
        #expect(settingFlags == Set(SettingKey.allCases.map(\.rawValue)))
    }
}
