import ChapterMarkdown
import PlaygroundTrainer

/// An experiment or comparison as a worksheet in the student edition: what to set up (in words,
/// with the Playground link and the data figure where the author shows one) and a blank results
/// table with the instructor edition's rows and columns, to fill in from one's own runs. No
/// result figure, no number from the runs: the student finds them.
struct WorksheetHTML {
    let id: String
    let title: String?
    /// One per row of the table: an experiment's combinations or the compared experiments.
    let panels: [ResultPanel]
    let display: PanelDisplay
    /// The figures this edition shows (data figures only), already HTML.
    let figuresHTML: String
    /// The varied settings of a sweep, to say what changes from row to row.
    let sweep: [SweepAxis]
    /// Playground links per row (sweeps and comparisons) rather than one below the setup.
    let rowLinks: Bool
    let isComparison: Bool
    /// What each row asks for, and how many runs the student does.
    let record: [RecordItem]
    var runs: WorksheetRuns = .all
    /// The link to the experiment's data (a worksheet's runs are withheld); nil for none.
    var downloads: ExperimentDownloads? = nil

    var table: WorksheetTableHTML {
        WorksheetTableHTML(panels: panels, display: display, record: record, runs: runs, blank: true, id: id)
    }

    var html: String {
        var out = "<div class=\"lb-experiment lb-worksheet\(isComparison ? " lb-comparison" : "")\" id=\"\(id)\">\n"
        if let title { out += "<h3 class=\"lb-experiment-title\">\(HTML.escape(title))</h3>\n" }
        out += "<p class=\"lb-worksheet-label\">Worksheet: set it up in the Playground, train, and write down what you observe.</p>\n"
        out += setupHTML
        out += figuresHTML
        out += table.html
        if let reason = panels.lazy.compactMap(\.settings.configuration.datasetOutsidePlayground).first {
            out += "<p class=\"lb-links lb-no-link\">No Playground link: \(HTML.escape(reason)).</p>\n"
        }
        if let downloads { out += DownloadsPage.linkHTML(downloads) }
        out += "</div>\n"
        return out
    }

    /// The setup as a short list: shared settings, what varies, what to measure.
    var setupHTML: String {
        var out = "<ul class=\"lb-setup\">\n"
        if isComparison {
            for panel in panels {
                out +=
                    "<li><strong>\(HTML.escape(panel.labels.map(\.value).joined(separator: ", "))):</strong> \(HTML.escape(Self.settingsText(panel.settings.configuration)))</li>\n"
            }
        } else if let first = panels.first {
            out +=
                "<li><strong>Setup:</strong> \(HTML.escape(Self.settingsText(first.settings.configuration, except: Set(sweep.map(\.key)))))</li>\n"
            for axis in sweep {
                out +=
                    "<li><strong>Vary \(HTML.escape(axis.key.displayName)):</strong> \(HTML.escape(axis.values.map(\.text).joined(separator: ", "))) (one row each)</li>\n"
            }
        }
        if let first = panels.first {
            out += "<li><strong>Record:</strong> \(HTML.escape(Self.measureText(first.settings, record: record)))</li>\n"
            let time = LabTime(table)
            out += "<li><strong>Time:</strong> \(HTML.escape(time.text))</li>\n"
        }
        out += "</ul>\n"
        return out
    }

    /// "Gaussian data, noise 0, 50 % training data; features x1; no hidden layer; …".
    static func settingsText(_ c: TrainingConfiguration, except varied: Set<SettingKey> = []) -> String {
        var parts: [String] = []
        if !varied.contains(.dataset) {
            var data = "\(c.datasetDisplayName) data"
            if !varied.contains(.noise) { data += ", noise \(javaScriptNumberString(c.noise))" }
            if !varied.contains(.trainRatio) { data += ", \(javaScriptNumberString(c.trainRatio)) % training data" }
            parts.append(data)
        }
        if !varied.contains(.features) { parts.append("features \(c.features.map(\.name).joined(separator: ", "))") }
        if !varied.contains(.hidden) {
            parts.append(c.hidden.isEmpty ? "no hidden layer" : "hidden layers \(c.hidden.map(String.init).joined(separator: ", "))")
        }
        if !varied.contains(.activation), !c.hidden.isEmpty || varied.contains(.hidden) {
            parts.append("activation \(c.activation.rawValue)")
        }
        if !varied.contains(.learningRate) { parts.append("learning rate \(javaScriptNumberString(c.learningRate))") }
        if !varied.contains(.batchSize) { parts.append("batch size \(c.batchSize)") }
        if !varied.contains(.regularization) {
            parts.append(
                c.regularization == .none
                    ? "no regularisation"
                    : "\(c.regularization.rawValue) regularisation, rate \(javaScriptNumberString(c.regularizationRate))")
        }
        if c.loss != .squared && !varied.contains(.loss) { parts.append("\(c.loss.rawValue) loss") }
        if c.initialization != .playground && !varied.contains(.initialization) {
            parts.append("\(c.initialization.rawValue) initialisation")
        }
        return parts.joined(separator: "; ") + "."
    }

    /// How to get what the table asks for, in the Playground's own words.
    static func measureText(_ settings: ExperimentSettings, record: [RecordItem]) -> String {
        let c = settings.configuration
        let budget = RunRecord.grouped(c.epochs)
        var text = "open each row's run (its link, or scan its code on paper), press play"
        if let rule = c.stopRule, !rule.metric.isAccuracy {
            let shown = PlaygroundDisplayRule.text(rule)
            text +=
                "; as \(shown.split(separator: " ").prefix(2).joined(separator: " ")) nears \(PlaygroundDisplay.loss(rule.threshold)), pause and step (▸|) one epoch at a time to catch the first epoch at which the page shows \(shown)"
            text += "; if it does not by epoch \(budget), stop there and write \"not reached\""
        } else if let rule = c.stopRule {
            text += "; pause and step to reach the epoch the row gives (where Labbook's \(ValueFormatting.rule(rule)) held)"
        } else {
            text += "; pause near epoch \(budget) and step (▸|) to land on it exactly"
        }
        let losses = record.filter { $0 == .trainLoss || $0 == .testLoss }
        if !losses.isEmpty {
            text += ", then write the \(losses.map { $0 == .trainLoss ? "Training loss" : "Test loss" }.joined(separator: " and ")) shown"
        }
        return text + "."
    }
}
