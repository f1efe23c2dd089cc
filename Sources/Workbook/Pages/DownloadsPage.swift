import ChapterMarkdown

/// The "Data and runs" link under an experiment, and the page it leads to
/// (`data/<id>/index.html`): a table of the experiment's files — each seed's data points, each
/// run's JSON, the losses of every run — with what they hold. The files themselves sit beside the page.
struct DownloadsPage {
    let downloads: ExperimentDownloads
    let bookTitle: String
    let editionLabel: String?
    /// The chapter page the experiment is on (e.g. `14-xor.html`).
    let chapterPage: String
    let chapterTitle: String
    /// The book's language, the page's `lang`.
    let language: String

    /// The link's text names the experiment, so a list of links read aloud stays tellable apart.
    static func linkHTML(_ downloads: ExperimentDownloads) -> String {
        let what = downloads.runsWithheld ? "Data" : "Data and runs"
        let id = HTML.escape(downloads.experimentID)
        return
            "<p class=\"lb-links lb-downloads\"><a href=\"\(HTML.escape(downloads.folder))/\(ExperimentDownloads.indexName)\">\(what) of experiment <code>\(id)</code></a> <span class=\"lb-download-note\">(\(downloads.runsWithheld ? "CSV files" : "CSV and JSON files"))</span></p>\n"
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
        body +=
            "<p>Columns <code>x1,x2,label,split</code>: the points in the Playground's order after its one shuffle, the training points first (in the order every epoch visits them), then the test points. Labels are ±1 for classification, the value itself for regression.</p>\n"
        if downloads.data.contains(where: { $0.file.hasPrefix("../") }) {
            body +=
                "<p>A data set that an earlier experiment has too is stored once, with that experiment's files: its link leads there.</p>\n"
        }
        body += dataTable()
        body += "<h2 id=\"runs\">Runs</h2>\n"
        if downloads.runsWithheld {
            body +=
                "<p>This edition leaves the runs out: the experiment is a worksheet, and its losses and weights are what you are asked to find. Train it yourself in the Playground, on the same data.</p>\n"
        } else {
            let losses = DownloadFormat.lossesFileName
            body +=
                "<p>The losses of every run, in one table: <a href=\"\(losses)\">\(losses)</a>, a CSV file compressed with gzip (pandas' <code>read_csv</code>, NumPy's <code>loadtxt</code> and R's <code>read.csv</code> open it as it is). Columns <code>run,epoch,train_loss,test_loss</code>, and <code>train_accuracy,test_accuracy</code> for classification: one row per run and epoch, from epoch 0 (the untrained network); <code>run</code> is the run's name below.</p>\n"
            body +=
                "<p>Per run, a JSON file with the configuration, the Playground link, the seed and reset, the status, and the initial and final weights and biases in the Playground's link order.</p>\n"
            body +=
                "<p>Weights are listed link by link: for each layer after the inputs, for each of its nodes from the top, the links from every node of the layer before, from the top (<code>layerSizes</code> gives the layers). Biases follow the nodes in the same order, the output node last.</p>\n"
            body += runTable()
        }
        let page = ChapterPage(
            bookTitle: bookTitle, numberLabel: nil,
            title: "\(downloads.runsWithheld ? "Data" : "Data and runs") of experiment \(downloads.experimentID)",
            bodyHTML: body, previous: PageLink(title: chapterTitle, href: back), indexHref: "\(prefix)index.html",
            assetPrefix: prefix, editionLabel: editionLabel, language: language)
        return page.render()
    }

    func dataTable() -> String {
        Self.table(
            headers: ["seed", "training points", "test points", "file"],
            rows: downloads.data.map { entry in
                (entry.combination, [HTML.escape(entry.seed), "\(entry.trainCount)", "\(entry.testCount)", Self.link(entry.file)])
            })
    }

    func runTable() -> String {
        Self.table(
            headers: ["run", "status", "epochs", "name in the losses", "run (JSON)", "data"],
            rows: downloads.runs.map { run in
                (
                    run.combination,
                    [
                        HTML.escape(run.name), HTML.escape(run.status.rawValue), "\(run.epochsRun)",
                        "<code>\(HTML.escape(run.losses))</code>",
                    ]
                        + [run.json, run.data].map(Self.link)
                )
            })
    }

    /// A table in the results style; its first column names the combination when any row has one.
    /// Cells are HTML already.
    static func table(headers: [String], rows: [(combination: String?, cells: [String])]) -> String {
        let combination = rows.contains { $0.combination != nil }
        let heads = (combination ? ["combination"] : []) + headers
        var out = "<div class=\"lb-table-scroll\"><table class=\"lb-results\">\n<thead><tr>"
        out += heads.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            let cells = (combination ? [HTML.escape(row.combination ?? "")] : []) + row.cells
            out += "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
        return out
    }

    static func link(_ file: String) -> String {
        "<a href=\"\(HTML.escape(file))\">\(HTML.escape(file))</a>"
    }
}
