import ArgumentParser
import PlaygroundTrainer
import Workbook

/// The training settings as flags, read from the table of settings (`SettingKey.spec`): each
/// flag is a directive key with dashes, its help the key's valid values, its value parsed by
/// the key's rule. Nothing here names a setting, so a new setting needs no change here.
struct SettingOptions: ParsableArguments {
    /// Every `--key value` (or `--key=value`) that is not one of the command's own options.
    @Argument(parsing: .allUnrecognized, help: .hidden)
    var flags: [String] = []

    /// The flags and their help, for the command's `--help`, laid out as ArgumentParser lays
    /// out options (ArgumentParser keeps lines that fit and their indentation).
    static var help: String {
        let column = 26
        var lines = ["SETTINGS (the directive keys with dashes; the last of a repeated flag wins):"]
        for key in SettingKey.allCases {
            var line = "  \(key.flag) <\(key.rawValue)>"
            line += line.count < column ? String(repeating: " ", count: column - line.count) : "\n" + String(repeating: " ", count: column)
            var width = line.split(separator: "\n").last!.count
            for word in key.spec.help.split(separator: " ") {
                if width + 1 + word.count > 79 && width > column {
                    line += "\n" + String(repeating: " ", count: column)
                    width = column
                } else if width > column {
                    line += " "
                    width += 1
                }
                line += word
                width += word.count
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The flags as (key, value) pairs in the order written; an unknown flag or a flag without
    /// a value is refused with one line.
    func written() throws -> [(key: SettingKey, value: String)] {
        var pairs: [(key: SettingKey, value: String)] = []
        var index = 0
        while index < flags.count {
            let token = flags[index]
            index += 1
            guard token.hasPrefix("--") else {
                throw ValidationError("unexpected argument '\(token)'; settings are flags such as --dataset xor")
            }
            var name = String(token.dropFirst(2))
            var value: String? = nil
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let key = SettingKey(rawValue: name) else {
                let others = ["format", "figure", "out", "show-test-data", "discretize", "log-scale"]
                let hint = SettingKey.closestName(to: name, others: others).map { "did you mean '--\($0)'?" } ?? "see labbook train --help"
                throw ValidationError("unknown flag '--\(name)'; \(hint)")
            }
            if value == nil {
                guard index < flags.count else { throw ValidationError("\(key.flag): missing value; valid: \(key.validValues)") }
                value = flags[index]
                index += 1
            }
            pairs.append((key, value!))
        }
        return pairs
    }

    /// Resolves the settings: defaults, then the Playground link (read as the deployed page
    /// reads it; its errors name the link's key, not a flag), then the explicit flags in the
    /// table's order.
    func resolve() throws -> ResolvedSettings {
        var given: [SettingKey: String] = [:]
        for (key, value) in try written() { given[key] = value }
        var settings = ExperimentSettings()
        var notes: [String] = []
        if let playgroundURL = given[.playgroundURL] {
            do {
                let reading = try PlaygroundLink.read(playgroundURL, base: settings.configuration)
                settings.configuration = reading.configuration
                // A seed flag replaces the seed a link lacked, so that note would mislead.
                notes += reading.notes.filter { given[.seed] == nil || $0.key != "seed" }.map(\.description)
            } catch {
                throw ValidationError(error.description)
            }
        }
        for key in SettingKey.allCases where key != .playgroundURL {
            guard let value = given[key] else { continue }
            do {
                try settings.apply(key, value)
            } catch {
                throw ValidationError("\(key.flag): \(error.description)")
            }
        }
        if let problem = settings.configuration.validate().first {
            throw ValidationError("--\(problem.key): \(problem.message)")
        }
        notes += settings.configuration.beyondPlaygroundControls().map(\.description)
        return ResolvedSettings(settings: settings, notes: notes)
    }
}

/// The flags resolved: the experiment (with its resets per seed) and notes to print once
/// (link keys that change only the page, values beyond the Playground's controls).
struct ResolvedSettings {
    var settings: ExperimentSettings
    var resets: Int { settings.resetCount }
    var notes: [String]
}
