import Foundation
import PlaygroundTrainer

/// The jobs file of `labbook plan` and `labbook train-jobs`: one run job per line, its key, a
/// space and its configuration as JSON (`{"configuration":…,"reset":0,"seed":"3"}`, sorted
/// keys). A line carries everything a trainer on another machine needs, and nothing of the
/// book: the key is the cache entry the run is stored under, and it is checked against the
/// configuration when the file is read, so a file edited by hand or planned by a Labbook whose
/// trainer differs (the key contains the trainer's version) is refused rather than filling the
/// cache with runs no build would find.
public enum RunJobList {
    struct Line: Codable {
        var configuration: TrainingConfiguration
        var seed: String
        var reset: Int
    }

    /// The file's text: the jobs in the order given, one line each, each key once.
    public static func text(_ jobs: [RunJob]) -> String {
        var seen = Set<String>()
        var text = ""
        for job in jobs where seen.insert(job.key).inserted {
            let line = Line(configuration: job.configuration, seed: job.seed, reset: job.reset)
            // A configuration is numbers, strings and enums: encoding cannot fail.
            let json = (try? RunStore.encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            text += "\(job.key) \(json)\n"
        }
        return text
    }

    /// Writes the file whole (a temporary file renamed into place).
    public static func write(_ jobs: [RunJob], to url: URL) throws(FileError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw FileError.wrapping(error, path: url.deletingLastPathComponent().path, doing: "create the folder")
        }
        try atomicWrite(Data(text(jobs).utf8), to: url)
    }

    /// Reads a jobs file; a line that is not `KEY {json}` or whose key does not match its
    /// configuration is an error naming `path:line`. With `shard`, only that shard's lines are
    /// decoded and checked (a task of a large course reads its own share, not every line).
    public static func read(_ url: URL, displayPath: String? = nil, shard: Shard? = nil) throws(FileError) -> [RunJob] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FileError.wrapping(error, path: displayPath ?? url.path, doing: "read the jobs file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: displayPath ?? url.path, shard: shard)
    }

    /// The jobs of `text` (of `shard` only, when given: positions count the jobs, not blank lines).
    public static func parse(_ text: String, path: String, shard: Shard? = nil) throws(FileError) -> [RunJob] {
        var jobs: [RunJob] = []
        var position = -1
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty { continue }
            position += 1
            if let shard, position % shard.count != shard.index { continue }
            let place = "\(path):\(index + 1)"
            guard let space = line.firstIndex(of: " ") else {
                throw FileError(path: place, reason: "not a run job; valid: a line `KEY {json}` as written by labbook plan")
            }
            let key = String(line[..<space])
            guard let decoded = try? RunStore.decoder.decode(Line.self, from: Data(line[line.index(after: space)...].utf8)) else {
                throw FileError(
                    path: place,
                    reason:
                        "the configuration of run \(TerminalText.escaped(String(key.prefix(16)))) is not valid JSON of a run job; valid: a line `KEY {json}` as written by labbook plan"
                )
            }
            let job = RunJob(configuration: decoded.configuration, run: RunIdentity(seed: decoded.seed, reset: decoded.reset))
            guard job.key == key else {
                throw FileError(
                    path: place,
                    reason:
                        "the key does not match the configuration: the file was edited, or planned by a Labbook with another trainer (this one is \(Trainer.version)); run labbook plan again with this labbook"
                )
            }
            jobs.append(job)
        }
        return jobs
    }
}
