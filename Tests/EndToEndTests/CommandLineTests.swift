import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

@Suite("labbook on the command line", .serialized)
struct CommandLineTests {
    @Test func trainPrintsJSONWithEveryLossAndAReproducingLink() throws {
        let result = try Labbook.run([
            "train", "--dataset", "xor", "--hidden", "4", "--activation", "relu", "--learning-rate", "0.01",
            "--epochs", "40", "--until", "test-loss <= 0.02", "--format", "json",
        ])
        #expect(result.status == 0)
        let data = Data(result.output.utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let loss = try #require(object["loss"] as? [String: Any])
        #expect((loss["train"] as? [Any])?.count == 41)
        #expect((loss["test"] as? [Any])?.count == 41)
        #expect(object["status"] as? String == "completed")
        #expect((object["playgroundUrl"] as? String)?.contains("#activation=relu&batchSize=10&dataset=xor") == true)
        #expect(object["config"] != nil && object["initial"] != nil && object["final"] != nil && object["accuracy"] != nil)
        let target = try #require(object["target"] as? [String: Any])
        #expect(target["firstEpoch"] is NSNull)
    }

    /// `--seeds N` summarises by the workbook's rule: the lower-middle run, runs that missed the
    /// target counted as slowest — a run's own epoch, never an average of two ("27.5").
    @Test func trainSummarisesSeedsByTheLowerMiddleRun() throws {
        let result = try Labbook.run([
            "train", "--dataset", "xor", "--hidden", "4", "--activation", "relu", "--learning-rate", "0.03",
            "--epochs", "400", "--until", "test-loss <= 0.02", "--seeds", "4",
        ])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        // Each seed's epoch, a missed target as one more than the budget (slower than all).
        let epochs = lines.filter { $0.hasPrefix("seed ") }.map { line -> Int in
            guard let at = line.range(of: " at epoch ") else { return 401 }
            return Int(line[at.upperBound...].prefix { $0.isNumber })!
        }
        #expect(epochs.count == 4)
        let lowerMiddle = epochs.sorted()[1]
        let summary = try #require(lines.first { $0.hasPrefix("4 seeds: ") })
        #expect(summary.contains(lowerMiddle <= 400 ? "median \(lowerMiddle) epochs" : "median not reached"), "\(summary)")
        #expect(!summary.contains(".5 "))
        #expect(summary.contains("median run: seed "))
    }

    @Test func jsonNumbersParseBackToTheSameDoubles() throws {
        let result = try Labbook.run(["train", "--dataset", "spiral", "--epochs", "5", "--format", "json"])
        struct Losses: Decodable { var loss: [String: [Double]] }
        let decoded = try JSONDecoder().decode(Losses.self, from: Data(result.output.utf8))
        for value in decoded.loss["test"]! {
            #expect(Double("\(value)")!.bitPattern == value.bitPattern)
            #expect(result.output.contains("\(value)"))
        }
    }

    @Test(
        "a bad flag or value: one line naming the flag and what is valid, status 2",
        arguments: [
            (["train", "--noise", "2000"], "--noise"),
            (["train", "--activation", "swish"], "relu, tanh, sigmoid, linear"),
            (["train", "--dataset", "xr"], "did you mean 'xor'?"),
            (["train", "--learning-rate", "0"], "--learning-rate"),
            (["train", "--until", "test-los <= 0.1"], "did you mean 'test-loss'?"),
            (["train", "--datset", "xor"], "--dataset"),
            (["train", "--figure", "boundary"], "--figure and --out"),
        ])
    func badFlags(arguments: [String], mentions: String) throws {
        let result = try Labbook.run(arguments)
        #expect(result.status == 2)
        let lines = result.error.split(separator: "\n")
        #expect(lines.count == 1, "\(result.error)")
        #expect(result.error.contains(mentions), "\(result.error)")
        #expect(!result.error.contains("Stack") && !result.error.contains("Fatal"))
    }

    @Test func trainDrawsFiguresInTheFormatOfTheExtension() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Labbook.run([
            "train", "--dataset", "gauss", "--epochs", "20", "--figure", "boundary", "--out", folder.appendingPathComponent("b.png").path,
            "--figure", "loss", "--out", folder.appendingPathComponent("l.svg").path,
            "--figure", "network", "--out", folder.appendingPathComponent("n.pdf").path,
        ])
        #expect(result.status == 0, "\(result.error)")
        let png = try Data(contentsOf: folder.appendingPathComponent("b.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try String(contentsOf: folder.appendingPathComponent("l.svg"), encoding: .utf8).contains("<svg"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("n.pdf")).starts(with: Array("%PDF".utf8)))
    }

    @Test func buildReportsErrorsWithStatusOneAndLeavesOutputAlone() throws {
        let book = try FixtureBook("errors")
        defer { book.remove() }
        let result = try Labbook.run(["build"], in: book.root)
        #expect(result.status == 1)
        #expect(result.error.contains("Chapters/01-bad.md:17:13: error: activation: unknown activation 'rellu'; did you mean 'relu'?"))
        #expect(!FileManager.default.fileExists(atPath: book.output.path))
        let check = try Labbook.run(["check"], in: book.root)
        #expect(check.status == 1)
    }

    @Test func buildPrintsTheSummaryLine() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        let first = try Labbook.run(["build"], in: book.root)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("trained 3") && first.output.contains("cached 0"))
        #expect(first.output.contains("training") && first.output.contains("rendering") && first.output.contains("writing"))
        let second = try Labbook.run(["build"], in: book.root)
        #expect(second.output.contains("trained 0") && second.output.contains("cached 3"))
        let clean = try Labbook.run(["clean", "--cache"], in: book.root)
        #expect(clean.status == 0)
        #expect(!FileManager.default.fileExists(atPath: book.cache.path))
        #expect(!FileManager.default.fileExists(atPath: book.output.appendingPathComponent("index.html").path))
    }
}
