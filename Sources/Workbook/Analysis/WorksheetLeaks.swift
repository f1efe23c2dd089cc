import ChapterMarkdown

/// Finds results that give a worksheet's answers away: a results experiment (or a results
/// comparison) whose runs include a run of a worksheet — the same run key, so bit for bit the
/// same numbers — would print in the student edition what the worksheet asks the student to
/// find. Every build reports it as an error, whichever edition it writes.
enum WorksheetLeaks {
    static func check(_ plan: BookPlan) -> [Diagnostic] {
        var worksheetRuns: [String: (id: String, location: SourceLocation)] = [:]
        for spec in plan.experimentsInOrder where plan.worksheets.contains(spec.id) {
            for job in spec.combinations.flatMap(\.jobs) where worksheetRuns[job.key] == nil {
                worksheetRuns[job.key] = (spec.id, spec.location)
            }
        }
        guard !worksheetRuns.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        let ways = "make it a worksheet too (student: worksheet), change a setting or its seeds, or mark the worksheet student: results"
        for spec in plan.experimentsInOrder where !plan.worksheets.contains(spec.id) {
            let shared = spec.combinations.flatMap(\.jobs).compactMap { job in worksheetRuns[job.key].map { (job, $0) } }
            guard let (job, worksheet) = shared.first else { continue }
            diagnostics.append(
                .error(
                    "experiment '\(spec.id)' shows results of \(shared.count) run\(shared.count == 1 ? "" : "s") of worksheet '\(worksheet.id)' (\(job.identity) among them), so the student edition would print the worksheet's answers",
                    at: spec.location, notes: ["the worksheet is at \(worksheet.location)"], hint: ways, id: .worksheetLeak))
        }
        for chapter in plan.chapters {
            for case .comparison(let comparison) in chapter.blocks where !plan.worksheets.contains(comparison.id) {
                guard let leaked = comparison.experimentIDs.first(where: plan.worksheets.contains),
                    let worksheet = plan.experiments[leaked]?.spec
                else { continue }
                diagnostics.append(
                    .error(
                        "comparison '\(comparison.id)' shows the results of worksheet '\(leaked)', so the student edition would print the worksheet's answers",
                        at: comparison.location, notes: ["the worksheet is at \(worksheet.location)"], hint: ways, id: .worksheetLeak))
            }
        }
        return diagnostics
    }
}
