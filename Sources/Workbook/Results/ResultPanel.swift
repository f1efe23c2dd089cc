import PlaygroundTrainer

/// One panel of a figure and one row of a results table: a configuration's runs with the
/// analysis of them. An experiment gives one per combination; a `{compare}` one per experiment.
struct ResultPanel: Sendable {
    /// What sets the panel apart, one entry per differing setting ("activation = relu").
    var labels: [SettingLabel]
    var settings: ExperimentSettings
    var jobs: [RunJob]
    var results: CombinationResults

    struct SettingLabel: Sendable, Hashable {
        var name: String
        var value: String
    }

    /// "activation = relu, learning rate = 0.01"; empty for a lone panel.
    var title: String { labels.map { "\($0.name) = \($0.value)" }.joined(separator: ", ") }

    static func panels(of spec: ExperimentSpec, results: [CombinationResults]) -> [ResultPanel] {
        zip(spec.combinations, results).map { combination, r in
            ResultPanel(
                labels: combination.assignments.map { SettingLabel(name: $0.key.displayName, value: $0.text) },
                settings: combination.settings, jobs: combination.jobs, results: r)
        }
    }

    /// The compared experiments' panels, labelled by the settings that differ between them
    /// (by the experiment ID when none does).
    static func panels(of comparison: ComparisonSpec, experiments: [ExperimentSpec], results: BookResults) -> [ResultPanel] {
        let settings = experiments.map { $0.combinations[0].settings.configuration.resolvedSettings }
        let differing = (settings.first ?? []).indices.filter { index in
            settings[0][index].key != "seed" && Set(settings.map { $0[index].value }).count > 1
        }
        return experiments.enumerated().map { position, spec in
            let labels =
                differing.isEmpty
                ? [SettingLabel(name: "experiment", value: spec.id)]
                : differing.map { index in
                    SettingLabel(
                        name: SettingKey(rawValue: settings[position][index].key)?.displayName ?? settings[position][index].key,
                        value: settings[position][index].value)
                }
            return ResultPanel(
                labels: labels, settings: spec.combinations[0].settings, jobs: spec.combinations[0].jobs,
                results: results[spec.id][0])
        }
    }
}
