import Foundation

/// Combination results computed by earlier builds of a long-lived process (`labbook serve`),
/// by combination: a rebuild after a prose edit analyses the same runs again, and making the
/// worksheets' run records and the networks' summaries from every full result was a seventh of
/// it. A combination names its runs by their keys, and a key names everything its run was
/// trained from, so the results of an equal combination are the same — as long as every run
/// was there (an incomplete analysis is never remembered). Emptied past 20,000 combinations.
public final class ResultsMemory: Sendable {
    struct Key: Hashable {
        var combination: Combination
        var worksheet: Bool
    }

    private let known = Locked<[Key: CombinationResults]>([:])

    public init() {}

    func results(_ key: Key, analyse: () -> CombinationResults) -> CombinationResults {
        if let results = known.get()[key] { return results }
        let results = analyse()
        let jobs = key.combination.jobs.count
        guard results.runs.count == jobs, !key.worksheet || results.records.count == jobs else { return results }
        known.update { memory in
            if memory.count >= 20_000 { memory = [:] }
            memory[key] = results
        }
        return results
    }
}
