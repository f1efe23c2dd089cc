import Foundation
import PlaygroundTrainer

/// Training results by run key: from the cache when a valid entry exists, otherwise trained
/// (in parallel) and stored. Digests (a few numbers per run) are kept apart from the full
/// results (every loss of every epoch), so a rebuild that needs no new figure reads only them.
final class RunStore: Sendable {
    let cache: BuildCache
    let memory: RunMemory?
    private let digests: Locked<[String: RunDigest]>
    private let full: Locked<[String: RunResult]>

    /// `memory`: results decoded by earlier builds of this process (`labbook serve`), reused.
    init(cache: BuildCache, memory: RunMemory? = nil) {
        self.cache = cache
        self.memory = memory
        digests = memory?.digests ?? Locked([:])
        full = memory?.full ?? Locked([:])
    }

    /// Non-finite numbers (a diverged run's last loss) are stored as strings, so every run can
    /// be cached and read back.
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }()
    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }()

    /// The cache's extension of a full result (``RunResultCodec``). Caches written before it
    /// hold `json`, still read (and then kept in the new form too).
    static let fullExtension = "run"
    static let olderFullExtension = "json"

    /// Loads the digests of cached runs; returns the jobs that must be trained. A run counts
    /// as cached only when both its digest and its full result are present and intact.
    func loadCached(_ jobs: [RunJob]) -> [RunJob] {
        var missing: [RunJob] = []
        var seen = Set<String>()
        for job in jobs {
            let key = job.key
            guard seen.insert(key).inserted else { continue }
            if digests.get()[key] != nil, full.get()[key] != nil { continue }
            if let data = cache.read("runs", key, "digest.json"),
                let digest = try? Self.decoder.decode(RunDigest.self, from: data),
                cache.verifiedFile("runs", key, Self.fullExtension) != nil
                    || cache.verifiedFile("runs", key, Self.olderFullExtension) != nil
            {
                digests.update { $0[key] = digest }
            } else {
                missing.append(job)
            }
        }
        return missing
    }

    /// Trains `jobs` on `workers` threads, storing each result as it finishes.
    func train(
        _ jobs: [RunJob], workers: Int, progress: @escaping @Sendable (RunJob, Int, Int) -> Void,
        finished: @escaping @Sendable (RunJob) -> Void = { _ in }
    ) throws {
        try runInParallel(count: jobs.count, workers: workers) { index in
            let job = jobs[index]
            let result = Trainer(configuration: job.configuration).run(seed: job.seed, reset: job.reset) { epoch in
                progress(job, epoch, job.configuration.epochs)
            }
            try self.store(result, key: job.key)
            finished(job)
        }
    }

    private func store(_ result: RunResult, key: String) throws {
        try cache.write(RunResultCodec.encode(result), "runs", key, Self.fullExtension)
        try cache.write(try Self.encoder.encode(result.digest), "runs", key, "digest.json")
        digests.update { $0[key] = result.digest }
        full.update { $0[key] = result }
    }

    func digest(_ key: String) -> RunDigest? {
        digests.get()[key]
    }

    /// The full result, decoded from the cache on first use; retrains a damaged entry.
    /// (Never stale: a run's key names everything it was trained from.)
    func result(_ job: RunJob) throws -> RunResult {
        let key = job.key
        if let result = full.get()[key] { return result }
        if let data = cache.read("runs", key, Self.fullExtension), let result = RunResultCodec.decode(data) {
            full.update { $0[key] = result }
            return result
        }
        if let data = cache.read("runs", key, Self.olderFullExtension), let result = try? Self.decoder.decode(RunResult.self, from: data) {
            // An older cache's entry: kept in the new form too, so the next build reads that.
            try? cache.write(RunResultCodec.encode(result), "runs", key, Self.fullExtension)
            full.update { $0[key] = result }
            return result
        }
        let result = Trainer(configuration: job.configuration).run(seed: job.seed, reset: job.reset)
        try store(result, key: key)
        return result
    }
}

/// Run results kept in memory from one build to the next of a long-lived process: `labbook
/// serve` rebuilds on every save, and decoding every cached run again (every loss of every
/// epoch) was most of a prose edit's rebuild. Keys name everything a run was trained from, so
/// an entry is never stale; it only grows by the runs a session trains.
public final class RunMemory: Sendable {
    let digests = Locked<[String: RunDigest]>([:])
    let full = Locked<[String: RunResult]>([:])
    /// Each experiment's data sets and their CSV bytes (``ExperimentDownloads/DataFiles``), by
    /// the keys of its runs (which name every setting the data depend on) and its ID.
    let dataFiles = Locked<[String: ExperimentDownloads.DataFiles]>([:])

    public init() {}
}
