import Foundation
import PlaygroundTrainer

/// Training results by run key: from the cache when a valid entry exists, otherwise trained
/// (in parallel) and stored. Digests (a few numbers per run) are kept apart from the full
/// results (every loss of every epoch), so a rebuild that needs no new figure reads only them.
final class RunStore: @unchecked Sendable {
    let cache: BuildCache
    private let lock = NSLock()
    private var digests: [String: RunDigest] = [:]
    private var full: [String: RunResult] = [:]
    private(set) var trainedKeys: Set<String> = []

    init(cache: BuildCache) {
        self.cache = cache
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    /// Loads the digests of cached runs; returns the jobs that must be trained. A run counts
    /// as cached only when both its digest and its full result are present and intact.
    func loadCached(_ jobs: [RunJob]) -> [RunJob] {
        var missing: [RunJob] = []
        var seen = Set<String>()
        for job in jobs {
            let key = job.key
            guard seen.insert(key).inserted else { continue }
            if let data = cache.read("runs", key, "digest.json"),
                let digest = try? JSONDecoder().decode(RunDigest.self, from: data),
                cache.verifiedFile("runs", key, "json") != nil
            {
                digests[key] = digest
            } else {
                missing.append(job)
            }
        }
        return missing
    }

    /// Trains `jobs` on `workers` threads, storing each result as it finishes.
    func train(
        _ jobs: [RunJob], workers: Int, progress: @escaping @Sendable (RunJob, Int, Int) -> Void,
        finished: @escaping @Sendable () -> Void = {}
    ) throws {
        guard !jobs.isEmpty else { return }
        let next = Counter()
        let failure = Locked<Error?>(nil)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, jobs.count))) { _ in
            while true {
                let index = next.increment()
                guard index < jobs.count else { return }
                let job = jobs[index]
                let result = Trainer(configuration: job.configuration).run(seed: job.seed) { epoch in
                    progress(job, epoch, job.configuration.epochs)
                }
                do {
                    try self.store(result, key: job.key)
                } catch {
                    failure.set(error)
                }
                finished()
            }
        }
        if let error = failure.get() { throw error }
    }

    private func store(_ result: RunResult, key: String) throws {
        let data = try Self.encoder.encode(result)
        try cache.write(data, "runs", key, "json")
        try cache.write(try Self.encoder.encode(result.digest), "runs", key, "digest.json")
        lock.lock()
        digests[key] = result.digest
        full[key] = result
        trainedKeys.insert(key)
        lock.unlock()
    }

    func digest(_ key: String) -> RunDigest? {
        lock.lock()
        defer { lock.unlock() }
        return digests[key]
    }

    /// The full result, decoded from the cache on first use; retrains a damaged entry.
    func result(_ job: RunJob) throws -> RunResult {
        let key = job.key
        lock.lock()
        if let r = full[key] {
            lock.unlock()
            return r
        }
        lock.unlock()
        if let data = cache.read("runs", key, "json"), let r = try? JSONDecoder().decode(RunResult.self, from: data) {
            lock.lock()
            full[key] = r
            lock.unlock()
            return r
        }
        let r = Trainer(configuration: job.configuration).run(seed: job.seed)
        try store(r, key: key)
        return r
    }
}

/// A thread-safe counter handing out work indices.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func peek() -> Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func get() -> Value {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
    func set(_ newValue: Value) {
        lock.lock()
        value = newValue
        lock.unlock()
    }
    func update<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
