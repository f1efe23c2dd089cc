import ChapterMarkdown
import PlaygroundTrainer

/// One row of the table of settings (``SettingKey/spec``): everything Labbook knows about a
/// setting besides the trainer's use of it.
public struct SettingSpec: Sendable {
    public let key: SettingKey
    /// The setting in words (panel titles, table headers, range messages): "learning rate".
    public let displayName: String
    /// What a valid value looks like, for messages and `labbook train --help`.
    public let validValues: String
    /// The numbers it accepts, when it is a number.
    public let range: SettingRange?
    /// Whether a directive may write it as a YAML list (`hidden: [4, 2]`).
    public let takesList: Bool
    /// Whether `vary:` may sweep it.
    public let canVary: Bool
    /// Whether `labbook.yml`'s `defaults` may set it.
    public let isBookDefault: Bool
    /// Whether the full configuration block (and the run JSON's `config`) lists it.
    public let inConfiguration: Bool
    let read: @Sendable (SettingReader) throws(SettingError) -> SettingValue
    /// The setting's current value in its text form, nil when it has none.
    let shown: @Sendable (ExperimentSettings) -> String?

    /// The value's text form in `settings` (`0.03`, `4,2`, `none`), nil when unset.
    public func text(in settings: ExperimentSettings) -> String? { shown(settings) }

    /// `labbook train --help`'s line: the valid values and the default.
    public var help: String {
        let fallback = shown(ExperimentSettings()).map { " (default \($0))" } ?? ""
        return validValues + (validValues.contains("(default") ? "" : fallback) + "."
    }

    /// A setting of type `T`: `parse` reads the text, `text` writes the value back, `get` and
    /// `set` reach it in ``ExperimentSettings``.
    static func field<T: Hashable & Sendable>(
        _ key: SettingKey, name: String? = nil, valid: String, range: SettingRange? = nil, list: Bool = false,
        vary: Bool = true, bookDefault: Bool = true, inConfiguration: Bool = true,
        text: @escaping @Sendable (T) -> String, number: (@Sendable (T) -> Double)?,
        get: @escaping @Sendable (ExperimentSettings) -> T?, shown: (@Sendable (ExperimentSettings) -> String?)? = nil,
        set: @escaping @Sendable (inout ExperimentSettings, T) -> Void,
        parse: @escaping @Sendable (SettingReader) throws(SettingError) -> T
    ) -> SettingSpec {
        SettingSpec(
            key: key, displayName: name ?? key.rawValue.replacingOccurrences(of: "-", with: " "), validValues: valid,
            range: range, takesList: list, canVary: vary, isBookDefault: bookDefault, inConfiguration: inConfiguration,
            read: { r throws(SettingError) in
                let v = try parse(r)
                return SettingValue(key, v, text: text(v), number: number?(v), set: set)
            },
            shown: shown ?? { get($0).map(text) })
    }

    /// A number checked against `range`; `percent` allows a trailing `%`.
    static func number(
        _ key: SettingKey, _ range: SettingRange, valid: String? = nil, percent: Bool = false,
        get: @escaping @Sendable (ExperimentSettings) -> Double, set: @escaping @Sendable (inout ExperimentSettings, Double) -> Void
    ) -> SettingSpec {
        field(
            key, valid: valid ?? range.validText, range: range, text: { javaScriptNumberString($0) }, number: { $0 },
            get: get, set: set,
            parse: { r throws(SettingError) in
                var text = r.value
                if percent && text.hasSuffix("%") { text.removeLast() }
                return try r.ranged(range, text)
            })
    }

    /// One of the names of `T` (any case).
    static func choice<T: RawRepresentable & CaseIterable & Hashable & Sendable>(
        _ key: SettingKey, _ type: T.Type, what: String, name: String? = nil,
        get: @escaping @Sendable (ExperimentSettings) -> T, set: @escaping @Sendable (inout ExperimentSettings, T) -> Void
    ) -> SettingSpec where T.RawValue == String {
        let names = T.allCases.map(\.rawValue)
        return field(
            key, name: name, valid: names.joined(separator: ", "), text: { $0.rawValue }, number: nil, get: get, set: set,
            parse: { r throws(SettingError) in
                guard let v = T(rawValue: r.value.lowercased()) else { throw r.fail("unknown \(what) '\(r.value)'", among: names) }
                return v
            })
    }
}

/// One setting's text being read: the trimmed text, what a Playground link is read on top of,
/// and the shared rules with their one wording each.
struct SettingReader {
    let key: SettingKey
    /// The text, trimmed of spaces and tabs.
    let value: String
    let base: TrainingConfiguration

    /// A refusal; `near` is what a suggestion is sought for (the value unless given).
    func fail(_ reason: String, among names: [String] = [], near: String? = nil) -> SettingError {
        SettingError(key: key, value: value, reason: reason, suggestion: suggestion(for: near ?? value, among: names))
    }

    /// A number inside `range` (finite, whole if it must be), checked as a `Double` before any
    /// conversion to an integer, so no text can trap. Past the Playground's control it is still
    /// valid (the analyser warns).
    func ranged(_ range: SettingRange, _ text: String? = nil) throws(SettingError) -> Double {
        let written = (text ?? value).trimmingCharacters(in: " ")
        let v = Double(written) ?? .nan
        if let reason = range.refusal(v, text: v.isFinite ? value : written, what: key.spec.displayName) { throw fail(reason) }
        return v
    }
}

/// Turns setting text into a ``SettingValue`` by the setting's row of the table
/// (``SettingKey/spec``): used for directive keys (`learning-rate: 0.01`), `labbook.yml`
/// defaults, sweep values, `{value}` selectors and `labbook train` flags, so every place accepts
/// the same spellings and reports the same messages.
public enum SettingRules {
    /// Parses `text` for `key`. `base` is what a Playground link is read on top of.
    public static func parse(
        _ key: SettingKey, _ text: String, base: TrainingConfiguration = TrainingConfiguration()
    ) throws(SettingError) -> SettingValue {
        try key.spec.read(SettingReader(key: key, value: text.trimmingCharacters(in: " \t"), base: base))
    }
}
