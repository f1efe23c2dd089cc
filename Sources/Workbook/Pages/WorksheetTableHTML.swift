import ChapterMarkdown
import PlaygroundTrainer
import QRCode

/// A worksheet's table: one row per run (seed × reset) of each panel, with what the sheet asks
/// for (``RecordItem``) and where to open the run. The student edition leaves the cells blank;
/// the instructor edition fills the same rows and columns from ``RunRecord`` as its key.
///
/// Every row opens in the Playground: a fresh page's row carries its seed's link (on paper a
/// QR code, one per distinct link); a reset row names its seed's link and how many times to
/// press ↻ — the Playground's reset button draws the next network on the same data.
struct WorksheetTableHTML {
    let panels: [ResultPanel]
    let display: PanelDisplay
    let record: [RecordItem]
    /// The student's share of each panel's runs (`worksheet-runs`).
    let runs: WorksheetRuns
    /// Blank cells (student) or the key (instructor).
    let blank: Bool
    let id: String

    var stopRule: StopRule? { panels.first?.settings.configuration.stopRule }
    var budget: Int { panels.first?.settings.configuration.epochs ?? 0 }

    /// The runs each panel's rows cover, in the instructor table's order.
    func rows(_ panel: ResultPanel) -> [RunIdentity] {
        let all = panel.settings.runs
        return Array(all.prefix(blank ? runs.limit(all.count) : all.count))
    }

    /// A panel's runs as the Playground shows them, by run.
    static func records(of panel: ResultPanel) -> [RunIdentity: RunRecord] {
        Dictionary(panel.results.records.map { ($0.run, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var rowCount: Int { panels.map { rows($0).count }.reduce(0, +) }

    var html: String {
        let labelled = panels.count > 1
        var out =
            "<div class=\"lb-table-scroll\"><table class=\"lb-results lb-worksheet-table\(blank ? " lb-blank-table" : " lb-key-table")\">\n<thead><tr>"
        if labelled { for label in panels[0].labels { out += "<th scope=\"col\">\(HTML.escape(label.name))</th>" } }
        out += "<th scope=\"col\">Run</th>"
        if stopRule?.metric.isAccuracy == true { out += "<th scope=\"col\" class=\"num\">Train to epoch</th>" }
        for item in record { out += "<th scope=\"col\" class=\"num\">\(HTML.escape(header(item)))</th>" }
        out += "<th scope=\"col\" class=\"lb-links-col\">Open in the Playground</th></tr></thead>\n<tbody>\n"
        for (panelIndex, panel) in panels.enumerated() {
            let records = Self.records(of: panel)
            for run in rows(panel) {
                out += "<tr>"
                if labelled { for label in panel.labels { out += "<td>\(HTML.escape(label.value))</td>" } }
                out += "<th scope=\"row\">\(HTML.escape(run.description))</th>"
                let runRecord = records[run]
                if stopRule?.metric.isAccuracy == true {
                    out += "<td class=\"num\">\(runRecord.map { RunRecord.grouped($0.epoch) } ?? "—")</td>"
                }
                for item in record {
                    if blank {
                        out += "<td class=\"num lb-blank-cell\"></td>"
                    } else {
                        out += "<td class=\"num\">\(HTML.escape(runRecord.map { cell(item, $0) } ?? "—"))</td>"
                    }
                }
                out += "<td class=\"lb-links-col\">\(linkCell(panel, run: run, panelIndex: panelIndex))</td>"
                out += "</tr>\n"
            }
        }
        out += "</tbody>\n<caption>\(HTML.escape(caption))</caption>\n</table></div>\n"
        return out
    }

    /// The instructor's key, folded like an answer (and printed open in a marked box).
    var keyHTML: String {
        "<details class=\"lb-answer lb-worksheet-key\"><summary>Worksheet key: each run as the Playground shows it</summary>\n\(html)</details>\n"
    }

    func header(_ item: RecordItem) -> String {
        let at =
            stopRule.map { !$0.metric.isAccuracy } == true
            ? "then" : (stopRule == nil ? "at epoch \(RunRecord.grouped(budget))" : "at that epoch")
        switch item {
        case .epochs:
            let rule = stopRule.map { PlaygroundDisplayRule.text($0) } ?? ""
            return "Epoch when \(rule) first shows"
        case .trainLoss: return "Training loss shown \(at)"
        case .testLoss: return "Test loss shown \(at)"
        case .trainAccuracy: return "Training accuracy \(at)*"
        case .testAccuracy: return "Test accuracy \(at)*"
        }
    }

    func cell(_ item: RecordItem, _ record: RunRecord) -> String {
        switch item {
        case .epochs: return record.epochText
        case .trainLoss: return record.divergedAt != nil ? "NaN" : record.trainLoss
        case .testLoss: return record.divergedAt != nil ? "NaN" : record.testLoss
        case .trainAccuracy: return record.trainAccuracy.map(ValueFormatting.percent) ?? "—"
        case .testAccuracy: return record.testAccuracy.map(ValueFormatting.percent) ?? "—"
        }
    }

    /// The seed's own link on a fresh page's row (and a QR code for paper); a reset row points
    /// at it. A data set the Playground lacks has no link.
    func linkCell(_ panel: ResultPanel, run: RunIdentity, panelIndex: Int) -> String {
        let configuration = panel.settings.configuration
        guard configuration.isShowableInPlayground else { return "no link" }
        if run.reset > 0 {
            return
                "the link of seed \(HTML.escape(run.seed)), then press ↻ \(run.reset == 1 ? "once" : run.reset == 2 ? "twice" : "\(run.reset) times")"
        }
        let url = PlaygroundLink.compactURL(for: configuration, seed: run.seed, display: display.linkOptions)
        let name = (panels.count > 1 ? panel.title + ", " : "") + run.description
        var out = "<a class=\"lb-playground\" href=\"\(HTML.escape(url))\">open \(HTML.escape(run.description)) ↗</a>"
        if let code = Self.qrSVG(url, title: "QR code: Playground link of \(name)") {
            out += "<span class=\"lb-qr-print\">\(code)</span>"
        }
        return out
    }

    /// A link's QR code as SVG, made once per link and title in a process: a worksheet's codes
    /// were a twentieth of a rebuild under `labbook serve`, and the same links come back at
    /// every save. (A pure function of its arguments; the memory is emptied past 4,096 codes.)
    static func qrSVG(_ url: String, title: String) -> String? {
        let key = url + "\u{0}" + title
        if let known = qrMemory.get()[key] { return known }
        guard let svg = QRCode(url)?.svg(title: title, sizeCSS: "24mm") else { return nil }
        qrMemory.update { memory in
            if memory.count >= 4096 { memory = [:] }
            memory[key] = svg
        }
        return svg
    }

    private static let qrMemory = Locked<[String: String]>([:])

    var caption: String {
        let count = rowCount
        var text =
            blank
            ? "To fill in: one row per run (\(count) run\(count == 1 ? "" : "s"))."
            : "Key: what the Playground shows for each run (\(count) run\(count == 1 ? "" : "s")), in the worksheet's rows and columns."
        if let rule = stopRule, !rule.metric.isAccuracy {
            text +=
                " The epoch is the first at which the page shows \(PlaygroundDisplayRule.text(rule)) (losses are shown with three decimals); \"not reached by \(RunRecord.grouped(budget))\" when it does not within the budget."
        }
        if record.contains(where: { !$0.isShownByPlayground }) {
            text +=
                " * The Playground does not show accuracy: "
                + (blank
                    ? "switch on \"Show test data\" and count the test points on the wrong side, or leave it to the key."
                    : "Labbook's count of points on the right side.")
        }
        return text
    }
}

/// A stop rule as a student reads it off the page: "Test loss ≤ 0.020".
enum PlaygroundDisplayRule {
    static func text(_ rule: StopRule) -> String {
        let name = rule.metric == .trainLoss ? "Training loss" : rule.metric == .testLoss ? "Test loss" : ValueFormatting.rule(rule)
        guard !rule.metric.isAccuracy else { return name }
        return "\(name) \(ValueFormatting.symbol(rule.comparison)) \(PlaygroundDisplay.loss(rule.threshold))"
    }
}
