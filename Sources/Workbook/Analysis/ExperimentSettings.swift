import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// A value that does not fit its setting.
public struct SettingError: Error, Equatable, CustomStringConvertible {
    public var key: SettingKey
    public var value: String
    public var reason: String
    /// A close valid spelling, when the value looks like a typo.
    public var suggestion: String?

    public var description: String {
        var text = "\(reason); valid: \(key.validValues)"
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        return text
    }
}

/// The resolved settings of one experiment: the training configuration plus how many seeds.
public struct ExperimentSettings: Hashable, Sendable {
    public var configuration = TrainingConfiguration()
    public var seedCount = 1
    /// Presses of the reset button after each seed's fresh page (`resets`): each press is one
    /// more run on the same data with the next network the Playground draws.
    public var resetCount = 0
    /// `cells` as written; a checkerboard without it gets the default, other data sets none.
    public var writtenCells: Int? = nil

    public init() {}

    public var seeds: [String] { configuration.seedList(count: seedCount) }
    /// Every run: the seeds in order, each seed's resets in press order.
    public var runs: [RunIdentity] { RunIdentity.list(seeds: seeds, resets: resetCount) }

    /// Sets one typed value. A Playground link replaces the configuration it was read into.
    public mutating func set(_ value: SettingValue) { value.apply(to: &self) }

    /// Parses `text` by the setting's rule (``SettingRules``) and sets it.
    public mutating func apply(_ key: SettingKey, _ text: String) throws(SettingError) {
        set(try SettingRules.parse(key, text, base: configuration))
    }
}

/// Splits `a, b, c` (also `[a, b]`) into trimmed parts.
func splitList(_ text: String) -> [String] {
    var t = Substring(text)
    if t.first == "[" && t.last == "]" { t = t.dropFirst().dropLast() }
    return t.split(separator: ",").map { $0.trimmingCharacters(in: " \t") }.filter { !$0.isEmpty }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
