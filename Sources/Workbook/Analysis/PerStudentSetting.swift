import ChapterMarkdown
import PlaygroundTrainer

/// A data setting that each student's variant of a worksheet draws for itself
/// (`per-student:`), within the range the author states:
///
/// ```yaml
/// per-student:
///   noise: [0, 20]
///   train-ratio: [40, 70]
/// ```
///
/// Only the data settings the Playground's sliders set in steps are allowed — `noise` (steps of
/// 5, 0–50) and `train-ratio` (steps of 10, 10–90) — so that the student's page shows on its
/// slider exactly the value the key was trained with. The choices are the slider's values in
/// the range; each bound is checked by the setting's own rule (``SettingKey/spec``).
///
/// **The draw.** Student `s`, experiment `e`, setting `k`: the first 12 hex digits of
/// SHA-256("labbook-variant-setting\n" + s + "\n" + e + "\n" + k), as a number, modulo the count
/// of choices, picks the choice. Like the seeds (``StudentVariant``) it reads ids only, never a
/// position: adding or reordering students, questions or experiments changes no other draw.
public struct PerStudentSetting: Sendable, Hashable {
    public var key: SettingKey
    /// The slider's values within the range, ascending.
    public var choices: [SettingValue]
    /// Where the setting is written under `per-student:`.
    public var location: SourceLocation

    static let key = "per-student"
    /// The Playground's slider steps (its index.html: noise 0–50 by 5, training ratio 10–90 by 10).
    static let steps: [SettingKey: Double] = [.noise: 5, .trainRatio: 10]
    /// The sliders' ends, from the table of ranges: a drawn value must be one a student can set.
    static let sliders: [SettingKey: ClosedRange<Double>] = [
        .noise: SettingRange.noise.control ?? 0...50, .trainRatio: SettingRange.trainRatio.control ?? 10...90,
    ]
    static var allowed: [SettingKey] { [.noise, .trainRatio] }

    /// This student's value for this experiment.
    func choice(student: String, experiment: String) -> SettingValue {
        let digest = SHA256.hex("labbook-variant-setting\n\(student)\n\(experiment)\n\(key.rawValue)")
        let number = UInt64(digest.prefix(12), radix: 16) ?? 0
        return choices[Int(number % UInt64(choices.count))]
    }
}

extension DirectiveAnalyzer {
    /// `per-student: {noise: [0, 20], …}`; invalid entries are reported and left out.
    mutating func perStudent(_ value: YAMLValue, sweep: [SweepAxis]) -> [PerStudentSetting] {
        guard let mapping = value.mapping else {
            diagnostics.error(
                "per-student takes a setting with its range, not \(value.kindDescription)", at: value.location,
                hint: "e.g. per-student: {noise: [0, 20], train-ratio: [40, 70]}", id: .wrongType)
            return []
        }
        var settings: [PerStudentSetting] = []
        for entry in mapping.entries {
            let allowed = PerStudentSetting.allowed.map(\.rawValue)
            guard let key = SettingKey(rawValue: entry.key), let step = PerStudentSetting.steps[key] else {
                diagnostics.error(
                    "per-student cannot vary '\(entry.key)'", at: entry.keyLocation,
                    hint: "valid: \(allowed.joined(separator: ", ")) (the data settings a student sets on the Playground's sliders)",
                    id: .badValue, end: entry.keyEnd)
                continue
            }
            if sweep.contains(where: { $0.key == key }) {
                diagnostics.error(
                    "\(key.rawValue) is swept with vary, so it cannot also be drawn per student", at: entry.keyLocation,
                    hint: "leave it out of vary or out of per-student", id: .settingsConflict, end: entry.keyEnd)
                continue
            }
            guard let bounds = entry.value.sequence, bounds.count == 2,
                let lowText = bounds[0].string, let highText = bounds[1].string
            else {
                diagnostics.error(
                    "per-student \(key.rawValue) takes a range [lowest, highest]", at: entry.value.location,
                    hint: "e.g. \(key.rawValue): [\(key == .noise ? "0, 20" : "40, 70")]", id: .wrongType)
                continue
            }
            var numbers: [Double] = []
            for (text, bound) in [(lowText, bounds[0]), (highText, bounds[1])] {
                do throws(SettingError) {
                    let parsed = try SettingRules.parse(key, text)
                    numbers.append(parsed.number ?? .nan)
                } catch {
                    diagnostics.error(
                        "per-student \(key.rawValue): \(error.description)", at: bound.location, id: .badValue, end: bound.end)
                }
            }
            guard numbers.count == 2 else { continue }
            if let slider = PerStudentSetting.sliders[key], !(slider.contains(numbers[0]) && slider.contains(numbers[1])) {
                diagnostics.error(
                    "per-student \(key.rawValue): [\(lowText), \(highText)] leaves the Playground's slider (\(javaScriptNumberString(slider.lowerBound))–\(javaScriptNumberString(slider.upperBound)))",
                    at: entry.value.location, hint: "a student sets a drawn value on the slider, so both ends lie on it", id: .badValue)
                continue
            }
            guard numbers[0] <= numbers[1] else {
                diagnostics.error(
                    "per-student \(key.rawValue): the range [\(lowText), \(highText)] runs backwards", at: entry.value.location,
                    hint: "write the lowest value first", id: .badValue)
                continue
            }
            let first = (numbers[0] / step).rounded(.up) * step
            let choices = stride(from: first, through: numbers[1] + 1e-9, by: step).compactMap {
                try? SettingRules.parse(key, javaScriptNumberString($0))
            }
            guard !choices.isEmpty else {
                diagnostics.error(
                    "per-student \(key.rawValue): no value of the Playground's slider (steps of \(javaScriptNumberString(step))) lies in [\(lowText), \(highText)]",
                    at: entry.value.location, hint: "widen the range to include a multiple of \(javaScriptNumberString(step))",
                    id: .badValue)
                continue
            }
            settings.append(PerStudentSetting(key: key, choices: choices, location: entry.keyLocation))
        }
        return settings
    }
}
