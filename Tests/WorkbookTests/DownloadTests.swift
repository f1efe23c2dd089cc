import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// A downloaded run (or one run of `labbook train --format json`) as far as the numbers go.
private struct RunNumbers: Decodable {
    struct Parameters: Decodable {
        var weights: [Double]
        var biases: [Double]
        var deadLinks: [Int]?
    }
    var seed: String
    var reset: Int
    var loss: [String: [Double]]?
    var initial: Parameters
    var final: Parameters
}

private struct DownloadedRun: Decodable {
    var format: String
    var config: [String: String]
    var data: String
    var layerSizes: [Int]
    var epochsRun: Int
    var losses: [String: String]
}

/// An experiment's `losses.csv.gz`, unpacked: its header and, per run name, its rows in order.
private struct LossesTable {
    var header: [String]
    var rows: [String: [[String]]] = [:]

    init(_ folder: URL) throws {
        let packed = try Data(contentsOf: folder.appendingPathComponent("losses.csv.gz"))
        let text = String(decoding: try #require(Gzip.decompress(packed)), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "")
        lines.removeLast()
        header = lines.removeFirst().split(separator: ",").map(String.init)
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[fields[0], default: []].append(fields)
        }
    }

    /// A column of one run as numbers.
    func column(_ name: String, run: String) -> [Double] {
        let index = header.firstIndex(of: name)!
        return (rows[run] ?? []).map { Double($0[index])! }
    }
}

private func decodeNumbers(_ data: Data) throws -> RunNumbers {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try decoder.decode(RunNumbers.self, from: data)
}

private func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

/// `--dataset xor --hidden 3 …` from a download's `config`: the flags that train the same run.
private func trainFlags(_ config: [String: String]) -> [String] {
    var flags: [String] = []
    for (key, value) in config.sorted(by: { $0.key < $1.key }) where key != "output-activation" {
        if key == "until" && value == "none" { continue }
        flags += ["--\(key)", value.replacingOccurrences(of: ", ", with: ",")]
    }
    return flags
}

@Suite("Downloads: every experiment's data and runs", .serialized)
struct DownloadTests {
    static func folder(_ book: FixtureBook, _ id: String) -> URL {
        book.output.appendingPathComponent("data").appendingPathComponent(id)
    }

    @Test func aDownloadedRunHasExactlyTheNumbersOfLabbookTrain() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let folder = Self.folder(book, "xor-seeds")
        let losses = try LossesTable(folder)
        for seed in ["1", "2", "3"] {
            let bytes = try Data(contentsOf: folder.appendingPathComponent("seed-\(seed).json"))
            let run = try JSONDecoder().decode(DownloadedRun.self, from: bytes)
            #expect(run.format == "labbook-run 2")
            #expect(run.config["seed"] == seed)
            #expect(run.data == "data-seed-\(seed).csv")
            #expect(run.layerSizes == [2, 3, 1])
            #expect(run.losses == ["file": "losses.csv.gz", "run": "seed-\(seed)"])
            let downloaded = try decodeNumbers(bytes)
            #expect(downloaded.loss == nil, "each run's losses are stored once, in the table")
            let result = try Labbook.run(["train"] + trainFlags(run.config) + ["--format", "json"])
            #expect(result.status == 0, "\(result.error)")
            let trained = try decodeNumbers(Data(result.output.utf8))
            #expect(downloaded.seed == trained.seed && downloaded.reset == trained.reset)
            #expect(bits(losses.column("train_loss", run: "seed-\(seed)")) == bits(trained.loss!["train"]!))
            #expect(bits(losses.column("test_loss", run: "seed-\(seed)")) == bits(trained.loss!["test"]!))
            #expect(!losses.column("test_loss", run: "seed-\(seed)").isEmpty)
            #expect(bits(downloaded.initial.weights) == bits(trained.initial.weights))
            #expect(bits(downloaded.initial.biases) == bits(trained.initial.biases))
            #expect(bits(downloaded.final.weights) == bits(trained.final.weights))
            #expect(bits(downloaded.final.biases) == bits(trained.final.biases))
            #expect(downloaded.final.deadLinks == trained.final.deadLinks)
            #expect(downloaded.initial.weights.count == 2 * 3 + 3 * 1)
        }
    }

    @Test func theDataCSVHoldsEveryPointWithItsSplitInThePlaygroundsOrder() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let text = try String(contentsOf: Self.folder(book, "gauss-x1").appendingPathComponent("data-seed-1.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.first == "x1,x2,label,split")
        let rows = lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
        var configuration = TrainingConfiguration()
        configuration.dataset = .gauss
        let expected = configuration.makeData(seed: "1").0
        #expect(rows.count == expected.train.count + expected.test.count)
        #expect(rows.count { $0[3] == "train" } == configuration.trainCount)
        #expect(rows.count { $0[3] == "test" } == Dataset.gauss.sampleCount - configuration.trainCount)
        // Training points first, in training order, then the test points; every number exact.
        for (row, point) in zip(rows, expected.train + expected.test) {
            #expect(Double(row[0])!.bitPattern == point.x.bitPattern)
            #expect(Double(row[1])!.bitPattern == point.y.bitPattern)
            #expect(Double(row[2]) == point.label)
        }
        #expect(Set(rows.map { $0[2] }) == ["1", "-1"])
    }

    @Test func theLossesTableHoldsEveryRunsEpochsOnceWithTheTrainersNumbers() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let plan = Builder(options: book.options).check()
        let store = RunStore(cache: BuildCache(root: book.cache))
        for id in ["xor-seeds", "xor-acts"] {
            let folder = Self.folder(book, id)
            let table = try LossesTable(folder)
            #expect(table.header == ["run", "epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"])
            let spec = try #require(plan.experiments[id]?.spec)
            let jsons = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            #expect(Set(table.rows.keys) == Set(jsons.map { String($0.dropLast(5)) }), "one run name per JSON file")
            for (k, combination) in spec.combinations.enumerated() {
                for job in combination.jobs {
                    let name = (spec.isSweep ? "c\(k + 1)-" : "") + "seed-\(job.seed)"
                    let run = try store.result(job)
                    let json = try JSONDecoder().decode(
                        DownloadedRun.self, from: Data(contentsOf: folder.appendingPathComponent(name + ".json")))
                    #expect(json.losses["run"] == name)
                    // Epoch 0 to the last epoch run, each exactly once, in order.
                    #expect(table.rows[name]?.map { $0[1] } == (0..<run.trainLoss.count).map(String.init))
                    #expect(run.trainLoss.count == json.epochsRun + 1)
                    #expect(bits(table.column("train_loss", run: name)) == bits(run.trainLoss))
                    #expect(bits(table.column("test_loss", run: name)) == bits(run.testLoss))
                    #expect(bits(table.column("test_accuracy", run: name)) == bits(try #require(run.testAccuracy)))
                }
            }
        }
    }

    @Test func everyExperimentLinksItsDownloadsAndThePageListsEveryFile() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        for (page, id) in [("01-gauss.html", "gauss-x1"), ("02-xor.html", "xor-seeds"), ("02-xor.html", "xor-acts")] {
            let html = try book.page(page)
            #expect(html.contains("<a href=\"data/\(id)/index.html\">Data and runs of experiment <code>\(id)</code></a>"))
            let folder = Self.folder(book, id)
            let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(index.contains("<h1>Data and runs of experiment \(id)</h1>"))
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "index.html" }
            #expect(!files.isEmpty)
            for file in files { #expect(index.contains("href=\"\(file)\""), "\(id): \(file) not listed") }
            #expect(index.contains("href=\"../../\(page)#\(id)\""))
        }
        #expect(!(try book.page("handout.html")).contains("lb-downloads"), "a relative file link is no use on paper")
        // A sweep: run files per combination, the data shared (the sweep does not change the
        // points), and stored once: xor-seeds, earlier in the book, has the same XOR points.
        let sweep = try FileManager.default.contentsOfDirectory(atPath: Self.folder(book, "xor-acts").path).sorted()
        #expect(sweep == ["c1-seed-1.json", "c1-seed-2.json", "c2-seed-1.json", "c2-seed-2.json", "index.html", "losses.csv.gz"])
        let sweepIndex = try String(contentsOf: Self.folder(book, "xor-acts").appendingPathComponent("index.html"), encoding: .utf8)
        #expect(sweepIndex.contains("href=\"../xor-seeds/data-seed-1.csv\""))
        let borrowed = try JSONDecoder().decode(
            DownloadedRun.self, from: Data(contentsOf: Self.folder(book, "xor-acts").appendingPathComponent("c2-seed-2.json")))
        #expect(borrowed.data == "../xor-seeds/data-seed-2.csv")
        var xor = TrainingConfiguration()
        xor.dataset = .xor
        #expect(
            try Data(contentsOf: Self.folder(book, "xor-seeds").appendingPathComponent("data-seed-2.csv"))
                == Data(DownloadFormat.dataCSV(xor.makeData(seed: "2").0).utf8))
        let relu =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Self.folder(book, "xor-acts").appendingPathComponent("c1-seed-1.json"))) as? [String: Any]
        #expect((relu?["combination"] as? [String: String]) == ["activation": "relu"])
    }

    @Test func theStudentEditionKeepsAWorksheetsDataButNotItsRuns() throws {
        let book = try FixtureBook("editions")
        defer { book.remove() }
        let student = book.root.appendingPathComponent("Student")
        try book.build(edition: .student, output: student)
        let worksheet = student.appendingPathComponent("data/ws-section")
        let files = try FileManager.default.contentsOfDirectory(atPath: worksheet.path)
        #expect(files.contains { $0.hasPrefix("data-seed-") })
        #expect(!files.contains { $0.hasSuffix(".json") || $0.hasPrefix("losses") })
        let page = try book.page("01-worksheets.html", in: student)
        #expect(page.contains("<a href=\"data/ws-section/index.html\">Data of experiment <code>ws-section</code></a>"))
        let index = try String(contentsOf: worksheet.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("leaves the runs out") && index.contains("<h1>Data of experiment ws-section</h1>"))
        // An experiment that shows its results shows its runs too.
        let shown = try FileManager.default.contentsOfDirectory(atPath: student.appendingPathComponent("data/shown").path)
        #expect(shown.contains("seed-1.json") && shown.contains("losses.csv.gz"))
        #expect(page.contains("Data and runs of experiment <code>shown</code>"))
        // The instructor edition has every run of the worksheet.
        try book.build()
        #expect(FileManager.default.fileExists(atPath: book.output.appendingPathComponent("data/ws-section/seed-1.json").path))
    }

    @Test func aDamagedOrMissingCachedDownloadIsFormattedAgainWithTheSameBytes() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let before = try FixtureBook.tree(book.output.appendingPathComponent("data"))
        let cached = book.cache.appendingPathComponent("downloads")
        let entries = try #require(FileManager.default.enumerator(at: cached, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
        #expect(!entries.isEmpty)
        try Data("{\"damaged\": true}".utf8).write(to: entries[0])
        try book.build()
        #expect(try FixtureBook.tree(book.output.appendingPathComponent("data")) == before)
        // The whole folder replaced by a file: cleared with a note, formatted again.
        try FileManager.default.removeItem(at: cached)
        try Data("not a folder".utf8).write(to: cached)
        let report = try book.build()
        #expect(report.notes.contains { $0.contains("downloads") })
        #expect(try FixtureBook.tree(book.output.appendingPathComponent("data")) == before)
    }

    @Test func numbersReadBackToTheirBitsAndNonFiniteOnesAreTheCachesStrings() {
        for value in [0.1, -0.0, 1e-05, 3.0, 1e300, -3 * Double.leastNonzeroMagnitude, 0.30000000000000004] {
            #expect(Double(DownloadFormat.number(value))!.bitPattern == value.bitPattern, "\(value)")
        }
        #expect(DownloadFormat.number(.nan) == "nan")
        #expect(DownloadFormat.number(-.infinity) == "-inf")
        let json = DownloadFormat.withNonFiniteAsStrings(.array([.number(.infinity), .number(1)])).serialized()
        #expect(json.contains("\"inf\"") && json.contains("1"))
    }

    @Test func seedsThatAreNotSafeFileNamesAreNamedByPosition() {
        #expect(ExperimentDownloads.seedFileText("abc-1_2", seeds: ["abc-1_2"]) == "abc-1_2")
        #expect(ExperimentDownloads.seedFileText("a b", seeds: ["x", "a b"]) == "~2")
        #expect(ExperimentDownloads.seedFileText("../x", seeds: ["../x"]) == "~1")
    }
}
