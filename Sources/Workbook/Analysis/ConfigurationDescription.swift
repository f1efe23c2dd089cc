import PlaygroundTrainer

extension TrainingConfiguration {
    /// Every setting after defaults, under its directive key, in a fixed order: what the
    /// workbook's "full configuration" block and `labbook train --format json` show.
    public var resolvedSettings: [(key: String, value: String)] {
        var settings = ExperimentSettings()
        settings.configuration = self
        var pairs: [(key: String, value: String)] = []
        for key in SettingKey.allCases where key.spec.inConfiguration {
            if let text = key.spec.text(in: settings) { pairs.append((key.rawValue, text)) }
            // What an own data set's file adds, after the data set and its cells.
            if key == .cells, let pointSet {
                pairs.append(("data-file-sha256", pointSet.sha256))
                if let scale = pointSet.scale { pairs.append(("rescale", "positions × \(javaScriptNumberString(scale))")) }
                if pointSet.hasSplit { pairs.append(("split", "from the file's split column")) }
            }
        }
        pairs.append(("output-activation", outputActivation.rawValue))
        return pairs
    }

    /// One line for humans: `xor · x1, x2 · 4 · relu · lr 0.001 · batch 10 · 50 % train · noise 0`.
    public var shortDescription: String {
        var parts = [
            pointSet?.fileName ?? (cells.map { "checkerboard \($0)×\($0)" } ?? dataset.rawValue),
            features.map(\.name).joined(separator: ", "),
            hidden.isEmpty ? "no hidden layer" : "hidden " + hidden.map(String.init).joined(separator: ","),
        ]
        if !hidden.isEmpty { parts.append(activation.rawValue) }
        parts += [
            "lr \(javaScriptNumberString(learningRate))", "batch \(batchSize)",
            "\(javaScriptNumberString(trainRatio)) % train", "noise \(javaScriptNumberString(noise))",
        ]
        if regularization != .none {
            parts.append("\(regularization.rawValue) \(javaScriptNumberString(regularizationRate))")
        }
        if loss != .squared { parts.append(loss.rawValue) }
        if initialization != .playground { parts.append("\(initialization.rawValue) init") }
        return parts.joined(separator: " · ")
    }
}
