import Foundation
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
    var loss: [String: [Double]]
    var initial: Parameters
    var final: Parameters
}

private struct DownloadedRun: Decodable {
    var config: [String: String]
    var data: String
    var layerSizes: [Int]
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
        for seed in ["1", "2", "3"] {
            let bytes = try Data(contentsOf: folder.appendingPathComponent("seed-\(seed).json"))
            let run = try JSONDecoder().decode(DownloadedRun.self, from: bytes)
            #expect(run.config["seed"] == seed)
            #expect(run.data == "data-seed-\(seed).csv")
            #expect(run.layerSizes == [2, 3, 1])
            let downloaded = try decodeNumbers(bytes)
            let result = try Labbook.run(["train"] + trainFlags(run.config) + ["--format", "json"])
            #expect(result.status == 0, "\(result.error)")
            let trained = try decodeNumbers(Data(result.output.utf8))
            #expect(downloaded.seed == trained.seed && downloaded.reset == trained.reset)
            #expect(bits(downloaded.loss["train"]!) == bits(trained.loss["train"]!))
            #expect(bits(downloaded.loss["test"]!) == bits(trained.loss["test"]!))
            #expect(!downloaded.loss["test"]!.isEmpty)
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

    @Test func theLossCSVHasARowPerEpochWithTheJSONsNumbers() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()
        let folder = Self.folder(book, "xor-seeds")
        let run = try decodeNumbers(try Data(contentsOf: folder.appendingPathComponent("seed-1.json")))
        let text = try String(contentsOf: folder.appendingPathComponent("seed-1-losses.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "epoch,train_loss,test_loss")
        #expect(lines.count == run.loss["train"]!.count + 1)
        for (epoch, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",").map(String.init)
            #expect(fields[0] == String(epoch))
            #expect(Double(fields[1])!.bitPattern == run.loss["train"]![epoch].bitPattern)
            #expect(Double(fields[2])!.bitPattern == run.loss["test"]![epoch].bitPattern)
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
        // A sweep: run files per combination, the data shared (the sweep does not change the points).
        let sweep = try FileManager.default.contentsOfDirectory(atPath: Self.folder(book, "xor-acts").path).sorted()
        #expect(sweep == [
            "c1-seed-1-losses.csv", "c1-seed-1.json", "c1-seed-2-losses.csv", "c1-seed-2.json",
            "c2-seed-1-losses.csv", "c2-seed-1.json", "c2-seed-2-losses.csv", "c2-seed-2.json",
            "data-seed-1.csv", "data-seed-2.csv", "index.html",
        ])
        let relu = try JSONSerialization.jsonObject(
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
        #expect(!files.contains { $0.hasSuffix(".json") || $0.hasSuffix("-losses.csv") })
        let page = try book.page("01-worksheets.html", in: student)
        #expect(page.contains("<a href=\"data/ws-section/index.html\">Data of experiment <code>ws-section</code></a>"))
        let index = try String(contentsOf: worksheet.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("leaves the runs out") && index.contains("<h1>Data of experiment ws-section</h1>"))
        // An experiment that shows its results shows its runs too.
        let shown = try FileManager.default.contentsOfDirectory(atPath: student.appendingPathComponent("data/shown").path)
        #expect(shown.contains("seed-1.json") && shown.contains("seed-1-losses.csv"))
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
