import Foundation

/// `labbook train-jobs`: trains one shard of a jobs file into a cache that other shards, on
/// other machines, may be writing at the same moment.
///
/// No lock is taken (a shared filesystem such as NFS cannot be trusted with `flock`); safety
/// comes from the cache itself (``BuildCache``): every file of a run is written under a unique
/// temporary name and renamed into place, so a half-written run is invisible; a run counts as
/// present only when both its files are there and match their checksums; two shards that train
/// the same run write the same bytes, and the second keeps the first's verified files. A shard
/// killed midway has lost only the runs it was training; run again, it finds the finished ones
/// in the cache and trains only the rest.
public struct ShardTraining: Sendable {
    public var cache: BuildCache
    public var workers: Int

    public init(cache: BuildCache, workers: Int) {
        self.cache = cache
        self.workers = max(1, workers)
    }

    public struct Report: Sendable {
        public var assigned = 0
        public var alreadyCached = 0
        public var trained = 0
        public var wallSeconds = 0.0
        public var cpuSeconds = 0.0
        /// Seconds from the start of ``train(_:shard:log:)`` to the start of the first training
        /// (reading the jobs and the cache): part of a cluster task's overhead.
        public var secondsToFirstRun: Double?

        public var summary: String {
            let rate =
                cpuSeconds > 0 ? String(format: "%.1f", locale: Locale(identifier: "en_US_POSIX"), Double(trained) / cpuSeconds) : "-"
            return String(
                format: "%d runs: %d trained, %d already in the cache; %.2f s wall, %.2f CPU-s, ",
                locale: Locale(identifier: "en_US_POSIX"), assigned, trained, alreadyCached, wallSeconds, cpuSeconds)
                + "\(rate) runs per CPU-second"
        }
    }

    /// Trains the runs of `shard` that the cache lacks (`jobs`: the whole list, or with
    /// `alreadySelected` only the shard's own, as ``RunJobList/read(_:displayPath:shard:)``
    /// gives them). `log` gets one line per finished run
    /// (`trained KEY in S s`), written only once the run is in the cache: the lines of a killed
    /// shard's log name exactly the runs it saved.
    public func train(
        _ jobs: [RunJob], shard: Shard, alreadySelected: Bool = false, log: @escaping @Sendable (String) -> Void
    ) throws -> Report {
        let start = Date()
        let cpuStart = ProcessCPU.seconds()
        var report = Report()
        let mine = alreadySelected ? jobs : shard.select(jobs)
        report.assigned = mine.count
        _ = cache.prepare()
        let store = RunStore(cache: cache)
        let missing = store.loadCached(mine)
        report.alreadyCached = mine.count - missing.count
        if !missing.isEmpty { report.secondsToFirstRun = Date().timeIntervalSince(start) }
        let started = Locked<[String: Date]>([:])
        try store.train(missing, workers: workers) { job, _, _ in
            started.update { if $0[job.key] == nil { $0[job.key] = Date() } }
        } finished: { job in
            let seconds = started.get()[job.key].map { Date().timeIntervalSince($0) } ?? 0
            log(String(format: "trained %@ in %.3f s", locale: Locale(identifier: "en_US_POSIX"), job.key, seconds))
        }
        report.trained = missing.count
        report.wallSeconds = Date().timeIntervalSince(start)
        report.cpuSeconds = ProcessCPU.seconds() - cpuStart
        return report
    }

    /// The jobs of `shard` the cache does not hold whole: empty once the shard is done.
    public func missing(_ jobs: [RunJob], shard: Shard) -> [RunJob] {
        RunStore(cache: cache).loadCached(shard.select(jobs))
    }
}
