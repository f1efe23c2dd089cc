import ChapterMarkdown

/// The "Data and runs" link under an experiment, and the page it leads to
/// (`data/<id>/index.html`): a table of the experiment's files — each seed's data points, each
/// run's JSON and loss CSV — with what they hold. The files themselves sit beside the page.
struct DownloadsPage {
    let downloads: ExperimentDownloads
    let bookTitle: String
    let editionLabel: String?
    /// The chapter page the experiment is on (e.g. `14-xor.html`).
    let chapterPage: String
    let chapterTitle: String

    /// The link's text names the experiment, so a list of links read aloud stays tellable apart.
    static func linkHTML(_ downloads: ExperimentDownloads) -> String {
        let what = downloads.runsWithheld ? "Data" : "Data and runs"
        let id = HTML.escape(downloads.experimentID)
        return "<p class=\"lb-links lb-downloads\"><a href=\"\(HTML.escape(downloads.folder))/\(ExperimentDownloads.indexName)\">\(what) of experiment <code>\(id)</code></a> <span class=\"lb-download-note\">(\(downloads.runsWithheld ? "CSV files" : "CSV and JSON files"))</span></p>\n"
    }

    var prefix: String { "../../" }

    func render() -> String {
        let id = HTML.escape(downloads.experimentID)
        let back = "\(prefix)\(chapterPage)#\(downloads.experimentID)"
        var body = "<p>The files of experiment <code>\(id)</code> "
        body += "(<a href=\"\(HTML.escape(back))\">back to it in “\(HTML.escape(chapterTitle))”</a>). "
        body += "Every number is written in shortest round-trip form, so it reads back to the exact value the trainer computed "
        body += "(numbers that are not finite as <code>nan</code>, <code>inf</code>, <code>-inf</code>).</p>\n"
        body += "<h2 id=\"data\">Data</h2>\n"
        body += "<p>Columns <code>x1,x2,label,split</code>: the points in the Playground's order after its one shuffle, the training points first (in the order every epoch visits them), then the test points. Labels are ±1 for classification, the value itself for regression.</p>\n"
        body += dataTable()
        body += "<h2 id=\"runs\">Runs</h2>\n"
        if downloads.runsWithheld {
            body += "<p>This edition leaves the runs out: the experiment is a worksheet, and its losses and weights are what you are asked to find. Train it yourself in the Playground, on the same data.</p>\n"
        } else {
            body += "<p>Per run: a JSON file with the configuration, the Playground link, the seed and reset, the train and test loss of every epoch and the initial and final weights and biases in the Playground's link order; and a CSV of the losses, <code>epoch,train_loss,test_loss</code> from epoch 0 (the untrained network).</p>\n"
            body += "<p>Weights are listed link by link: for each layer after the inputs, for each of its nodes from the top, the links from every node of the layer before, from the top (<code>layerSizes</code> gives the layers). Biases follow the nodes in the same order, the output node last.</p>\n"
            body += runTable()
        }
        let page = ChapterPage(
            bookTitle: bookTitle, numberLabel: nil, title: "\(downloads.runsWithheld ? "Data" : "Data and runs") of experiment \(downloads.experimentID)",
            bodyHTML: body, previous: PageLink(title: chapterTitle, href: back), indexHref: "\(prefix)index.html",
            assetPrefix: prefix, editionLabel: editionLabel)
        return page.render()
    }

    func dataTable() -> String {
        let combination = downloads.data.contains { $0.combination != nil }
        var out = "<div class=\"lb-table-scroll\"><table class=\"lb-results\">\n<thead><tr>"
        if combination { out += "<th scope=\"col\">combination</th>" }
        out += "<th scope=\"col\">seed</th><th scope=\"col\">training points</th><th scope=\"col\">test points</th><th scope=\"col\">file</th></tr></thead>\n<tbody>\n"
        for entry in downloads.data {
            out += "<tr>"
            if combination { out += "<td>\(HTML.escape(entry.combination ?? ""))</td>" }
            out += "<td>\(HTML.escape(entry.seed))</td><td>\(entry.trainCount)</td><td>\(entry.testCount)</td>"
            out += "<td><a href=\"\(HTML.escape(entry.file))\">\(HTML.escape(entry.file))</a></td></tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        return out
    }

    func runTable() -> String {
        let combination = downloads.runs.contains { $0.combination != nil }
        var out = "<div class=\"lb-table-scroll\"><table class=\"lb-results\">\n<thead><tr>"
        if combination { out += "<th scope=\"col\">combination</th>" }
        out += "<th scope=\"col\">run</th><th scope=\"col\">status</th><th scope=\"col\">epochs</th><th scope=\"col\">run (JSON)</th><th scope=\"col\">losses (CSV)</th><th scope=\"col\">data</th></tr></thead>\n<tbody>\n"
        for run in downloads.runs {
            out += "<tr>"
            if combination { out += "<td>\(HTML.escape(run.combination ?? ""))</td>" }
            out += "<td>\(HTML.escape(run.name))</td><td>\(HTML.escape(run.status.rawValue))</td><td>\(run.epochsRun)</td>"
            for file in [run.json, run.losses, run.data] {
                out += "<td><a href=\"\(HTML.escape(file))\">\(HTML.escape(file))</a></td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        return out
    }
}
