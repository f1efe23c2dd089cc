import Foundation
import PlaygroundTrainer

/// The files a reader can download for one experiment, written to `data/<experiment-id>/`
/// in `Output/`: each seed's data points with their split, per run its JSON, and every run's
/// losses once, in one table (`losses.csv.gz`). Made from the run store only (the cached
/// results; the data are generated again from the seed, as the figures do), so nothing is
/// trained for them.
///
/// File names: `data-seed-S.csv`, `seed-S.json`, with `-reset-R` for a run after presses of
/// the reset button; the JSON's name without `.json` is the run's name in the losses table.
/// A data set that an earlier experiment (in book order) already has, byte for byte, is not
/// written again: its link and the runs' `data` lead to that experiment's file
/// (`../xor-seeds/data-seed-1.csv`). A sweep's run files start with `cK-` (combination
/// K, in the order of the results table); its data files too, when the combinations' data
/// differ (a sweep over noise, say). A seed that is not letters, digits, `-` and `_` is named
/// by its position, `~N`.
struct ExperimentDownloads: Sendable {
    struct File: Sendable {
        var name: String
        var bytes: Data
    }

    /// One data set: a seed's points, for one combination or all of them.
    struct DataEntry: Sendable {
        var file: String
        /// The combination's label ("activation = relu"); nil when every combination shares it.
        var combination: String?
        var seed: String
        var trainCount: Int
        var testCount: Int
    }

    struct RunEntry: Sendable {
        var combination: String?
        /// "seed 2" or "seed 2, reset 1".
        var name: String
        var status: RunStatus
        var epochsRun: Int
        var json: String
        /// The run's name in the experiment's losses table (its JSON's name without `.json`).
        var losses: String
        var data: String
    }

    let experimentID: String
    var data: [DataEntry] = []
    /// Empty when the edition withholds the runs (a worksheet in the student edition).
    var runs: [RunEntry] = []
    var runsWithheld = false
    /// Every file, in name order.
    var files: [File] = []

    /// The folder inside `Output/`.
    var folder: String { Self.folder(of: experimentID) }
    static func folder(of id: String) -> String { "data/\(id)" }
    static let indexName = "index.html"

    /// The downloads of every experiment this edition shows, by experiment ID: experiments in
    /// instructor-only chapters are left out of the student edition (its instructor-only blocks
    /// are not in its plan at all), and a worksheet there keeps its data but not its runs —
    /// their losses would give the answers away.
    static func collect(_ plan: BookPlan, store: RunStore, workers: Int) throws -> [String: ExperimentDownloads] {
        var specs: [ExperimentSpec] = []
        for chapter in plan.chapters where plan.edition == .instructor || !chapter.instructorOnly {
            for case .experiment(let spec) in chapter.blocks { specs.append(spec) }
        }
        // Who stores each data set: the first experiment that has it.
        var owners: [Data: String] = [:]
        var borrowed: [String: [Data: String]] = [:]
        var prepared: [String: DataFiles] = [:]
        for spec in specs {
            let files = DataFiles.remembered(spec, in: store.memory)
            prepared[spec.id] = files
            let bytes = files.bytes
            var own: [Data: String] = [:]
            for name in bytes.keys.sorted() {
                let data = bytes[name]!
                if let owner = owners[data] {
                    borrowed[spec.id, default: [:]][data] = "../" + owner
                } else if own[data] == nil {
                    own[data] = spec.id + "/" + name
                }
            }
            owners.merge(own) { first, _ in first }
        }
        let made = Locked<[String: ExperimentDownloads]>([:])
        let list = specs
        let shared = borrowed
        let dataFiles = prepared
        try runInParallel(count: list.count, workers: workers) { index in
            let spec = list[index]
            let downloads = try make(
                spec, store: store, includeRuns: !plan.isWorksheet(spec.id), data: dataFiles[spec.id],
                borrowed: shared[spec.id] ?? [:])
            made.update { $0[spec.id] = downloads }
        }
        return made.get()
    }

    /// An experiment's data sets: each combination's points per seed, their CSV files' names
    /// (`[combination][seed]`) and bytes (by name).
    struct DataFiles: Sendable {
        var splits: [[String: DataSplit]]
        var names: [[String: String]]
        var perCombination: Bool
        var bytes: [String: Data] = [:]

        init(_ spec: ExperimentSpec) {
            splits = spec.combinations.map { combination in
                Dictionary(
                    uniqueKeysWithValues: combination.settings.seeds.map { seed in
                        (seed, combination.settings.configuration.makeData(seed: seed).0)
                    })
            }
            var bytes: [String: Data] = [:]
            (names, perCombination) = ExperimentDownloads.dataFileNames(spec, splits: splits, bytes: &bytes)
            self.bytes = bytes
        }

        /// From `memory` when an earlier build of this process made them (a run's key names
        /// every setting its data depend on, with the seed), else made now and remembered.
        static func remembered(_ spec: ExperimentSpec, in memory: RunMemory?) -> DataFiles {
            guard let memory else { return DataFiles(spec) }
            let key =
                spec.id + "\n"
                + spec.combinations.map { combination in
                    combination.settings.seeds.joined(separator: ",") + ":" + combination.jobs.map(\.key).joined(separator: ",")
                }.joined(separator: "\n")
            if let known = memory.dataFiles.get()[key] { return known }
            let made = DataFiles(spec)
            memory.dataFiles.update { $0[key] = made }
            return made
        }
    }

    /// Collects the experiment's files. `includeRuns` false keeps the data sets only.
    /// `borrowed`: data files stored by an earlier experiment (bytes → path from this folder),
    /// linked instead of written again.
    static func make(
        _ spec: ExperimentSpec, store: RunStore, includeRuns: Bool, data: DataFiles? = nil, borrowed: [Data: String] = [:]
    ) throws -> ExperimentDownloads {
        var downloads = ExperimentDownloads(experimentID: spec.id)
        downloads.runsWithheld = !includeRuns
        let data = data ?? DataFiles(spec)
        var bytes = data.bytes
        let splits = data.splits
        let perCombination = data.perCombination
        var dataNames = data.names
        for (k, perSeed) in dataNames.enumerated() {
            for (seed, name) in perSeed {
                guard let data = bytes[name], let path = borrowed[data] else { continue }
                dataNames[k][seed] = path
            }
        }
        // The page's link options: a run's `playgroundUrl` is the link its page shows.
        let display = PlaygroundLink.DisplayOptions(
            showTestData: spec.showTestData, discretize: spec.discretize, hiding: spec.playgroundHiding)
        for name in Array(bytes.keys) where borrowed[bytes[name]!] != nil { bytes[name] = nil }
        var named: [(name: String, job: RunJob)] = []
        for (k, combination) in spec.combinations.enumerated() {
            let prefix = spec.isSweep ? "c\(k + 1)-" : ""
            let label = spec.isSweep ? combination.label : nil
            let seeds = combination.settings.seeds
            guard includeRuns else { continue }
            let assignments = combination.assignments.map { ($0.key.rawValue, $0.text) }
            for job in combination.jobs {
                let stem = prefix + "seed-" + seedFileText(job.seed, seeds: seeds) + (job.reset > 0 ? "-reset-\(job.reset)" : "")
                let dataFile = dataNames[k][job.seed] ?? ""
                let files = try runFiles(
                    job, experimentID: spec.id, combination: assignments, dataFile: dataFile, name: stem, display: display,
                    store: store)
                bytes[stem + ".json"] = files.json
                named.append((stem, job))
                downloads.runs.append(
                    RunEntry(
                        combination: label, name: RunIdentity(seed: job.seed, reset: job.reset).description,
                        status: files.digest.status, epochsRun: files.digest.epochsRun, json: stem + ".json",
                        losses: stem, data: dataFile))
            }
        }
        if !named.isEmpty { bytes[DownloadFormat.lossesFileName] = try lossesFile(named, store: store) }
        var listed = Set<String>()
        for (k, combination) in spec.combinations.enumerated() {
            for seed in combination.settings.seeds {
                guard let name = dataNames[k][seed], listed.insert(name).inserted, let split = splits[k][seed] else { continue }
                downloads.data.append(
                    DataEntry(
                        file: name, combination: perCombination ? combination.label : nil, seed: seed,
                        trainCount: split.train.count, testCount: split.test.count))
            }
        }
        downloads.files = bytes.keys.sorted().map { File(name: $0, bytes: bytes[$0]!) }
        return downloads
    }

    /// A run's JSON, from the cache when an earlier build made it. The key holds everything
    /// the bytes depend on: the run's key (settings, seed, reset, trainer version), where it
    /// appears and under which name, and the format's version.
    private static func runFiles(
        _ job: RunJob, experimentID: String, combination: [(String, String)], dataFile: String, name: String,
        display: PlaygroundLink.DisplayOptions, store: RunStore
    ) throws -> (json: Data, digest: RunDigest) {
        var seeded = job.configuration
        seeded.seed = job.seed
        let link = seeded.isShowableInPlayground ? PlaygroundLink.url(for: seeded, seed: job.seed, display: display) : ""
        let context = combination.map { "\($0.0)=\($0.1)" }.joined(separator: "\n") + "\n" + link
        let key = SHA256.hex(
            "labbook-download\n\(DownloadFormat.version)\n\(job.key)\n\(experimentID)\n\(dataFile)\n\(name)\n\(context)")
        let cache = store.cache
        if let digest = store.digest(job.key), let json = cache.read("downloads", key, "json") {
            return (json, digest)
        }
        let run = try store.result(job)
        let json = Data(
            DownloadFormat.runJSON(
                run, configuration: job.configuration, experimentID: experimentID, combination: combination,
                dataFile: dataFile, name: name, display: display
            ).utf8)
        try cache.write(json, "downloads", key, "json")
        return (json, run.digest)
    }

    /// The experiment's losses table, compressed, from the cache when an earlier build made it:
    /// formatting and compressing every epoch of every run takes seconds, and `labbook serve`
    /// rebuilds on every save. Keyed by each run's name and key, in order.
    private static func lossesFile(_ runs: [(name: String, job: RunJob)], store: RunStore) throws -> Data {
        let key = SHA256.hex(
            "labbook-losses\n\(DownloadFormat.version)\n" + runs.map { "\($0.name)\n\($0.job.key)\n" }.joined())
        if let cached = store.cache.read("downloads", key, "csv.gz") { return cached }
        let text = DownloadFormat.lossesCSV(try runs.map { ($0.name, try store.result($0.job)) })
        let bytes = try Gzip.compress(Data(text.utf8))
        try store.cache.write(bytes, "downloads", key, "csv.gz")
        return bytes
    }

    /// The data file of every combination's seeds (`[combination][seed]`), their bytes added to
    /// `bytes`. Names without a combination prefix when no two combinations disagree on a seed's
    /// data (a sweep over the learning rate trains every combination on the same points).
    /// Whether the names carry the combination is returned beside them.
    fileprivate static func dataFileNames(
        _ spec: ExperimentSpec, splits: [[String: DataSplit]], bytes: inout [String: Data]
    ) -> (names: [[String: String]], perCombination: Bool) {
        let csv = splits.map { $0.mapValues { Data(DownloadFormat.dataCSV($0).utf8) } }
        func names(prefixed: Bool) -> [[String: String]] {
            spec.combinations.enumerated().map { k, combination in
                let seeds = combination.settings.seeds
                return Dictionary(
                    uniqueKeysWithValues: seeds.map { seed in
                        (seed, (prefixed ? "c\(k + 1)-" : "") + "data-seed-" + seedFileText(seed, seeds: seeds) + ".csv")
                    })
            }
        }
        var shared: [String: Data] = [:]
        var agree = true
        for (k, plain) in names(prefixed: false).enumerated() {
            for (seed, name) in plain {
                if let earlier = shared[name], earlier != csv[k][seed] { agree = false }
                shared[name] = csv[k][seed]
            }
        }
        let chosen = names(prefixed: !agree)
        for (k, perSeed) in chosen.enumerated() {
            for (seed, name) in perSeed { bytes[name] = csv[k][seed] }
        }
        return (chosen, !agree)
    }

    /// The seed as written when it is letters, digits, `-` and `_` (so it is safe in a file name
    /// and a link); otherwise `~N`, its position among the seeds.
    static func seedFileText(_ seed: String, seeds: [String]) -> String {
        let safe =
            !seed.isEmpty && seed.count <= 40
            && seed.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
            }
        if safe { return seed }
        return "~\((seeds.firstIndex(of: seed) ?? 0) + 1)"
    }
}
