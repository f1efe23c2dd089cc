import PlaygroundTrainer

/// How long a worksheet takes in the Playground: the epochs a student watches, at the page's
/// training speed, plus a fixed time per run to open it, catch the epoch and write the numbers.
///
/// The speed is the Playground's own rhythm: one epoch per animation frame while "play" runs
/// (semantics §1), 60 frames a second on a common screen — the rate the student-side review
/// (issue 22) observed on the deployed page. Slower machines or larger networks drop frames,
/// so the estimate is a lower bound, rounded up to whole minutes.
struct LabTime {
    static let epochsPerSecond = 60.0
    static let secondsPerRun = 30.0

    let runs: Int
    let epochs: Int

    init(_ table: WorksheetTableHTML) {
        var done = Set<String>()
        self.init(table, done: &done)
    }

    /// The table's time; runs whose keys are in `done` (a comparison repeating its worksheets'
    /// runs) cost nothing again, and the table's own keys are added to it.
    init(_ table: WorksheetTableHTML, done: inout Set<String>) {
        var runs = 0
        var epochs = 0
        for panel in table.panels {
            let records = WorksheetTableHTML.records(of: panel)
            let keys = Dictionary(panel.jobs.map { ($0.identity, $0.key) }, uniquingKeysWith: { a, _ in a })
            for run in table.rows(panel) {
                if let key = keys[run], !done.insert(key).inserted { continue }
                runs += 1
                epochs += records[run]?.epoch ?? table.budget
            }
        }
        self.runs = runs
        self.epochs = epochs
    }

    var seconds: Double { Double(epochs) / Self.epochsPerSecond + Double(runs) * Self.secondsPerRun }
    var minutes: Int { runs == 0 ? 0 : max(1, Int((seconds / 60).rounded(.up))) }

    var text: String {
        "about \(minutes) minute\(minutes == 1 ? "" : "s") in the Playground (\(runs) run\(runs == 1 ? "" : "s") of training at about \(Int(Self.epochsPerSecond)) epochs a second, plus half a minute per run to open it and write the numbers)."
    }
}
