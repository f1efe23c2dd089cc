import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// Issue 24.1: a worksheet's data settings drawn per student (`per-student:`), within the
/// author's range, on the Playground's slider steps, by the documented hash of the ids.
@Suite("Settings drawn per student", .serialized)
struct PerStudentSettingTests {
    /// The documented draw, written out again: SHA-256 of the ids, 12 hex digits, modulo the
    /// count of slider values in the range.
    static func expected(_ student: String, _ experiment: String, _ key: String, choices: [Int]) -> Int {
        let digest = SHA256.hex("labbook-variant-setting\n\(student)\n\(experiment)\n\(key)")
        return choices[Int(UInt64(digest.prefix(12), radix: 16)! % UInt64(choices.count))]
    }

    @Test func eachStudentsLinksCarryTheirOwnDrawWithinTheRange() throws {
        let book = try FixtureBook("per-student")
        defer { book.remove() }
        let ids = (1...8).map { "st\($0)" }
        let roster = book.root.appendingPathComponent("roster.csv")
        // Listed backwards: a student's draw does not depend on the order.
        try Data(("id,name\n" + ids.reversed().map { "\($0),Name \($0)\n" }.joined()).utf8).write(to: roster)
        var options = book.options
        options.edition = .student
        options.roster = roster
        try Builder(options: options).build()
        var noises = Set<Int>()
        for id in ids {
            let page = try book.page("01-drawn.html", in: book.output.appendingPathComponent("students/\(id)"))
            let noise = Self.expected(id, "drawn", "noise", choices: [0, 5, 10, 15, 20])
            let ratio = Self.expected(id, "drawn", "train-ratio", choices: [40, 50, 60, 70])
            noises.insert(noise)
            // Short links leave out the page's defaults (noise 0, 50 % training data).
            let links = page.matches(of: /href="(https:\/\/playground\.tensorflow\.org\/#[^"]*)"/).map { String($0.output.1) }
            let drawnLinks = links.filter { $0.contains("dataset=gauss") }
            #expect(!drawnLinks.isEmpty, "\(id): no Playground link")
            for link in drawnLinks where !link.contains("seed=1") {
                #expect(link.contains("noise=\(noise)") == (noise != 0), "\(id): \(link) for noise \(noise)")
                #expect(link.contains("percTrainData=\(ratio)") == (ratio != 50), "\(id): \(link) for ratio \(ratio)")
            }
        }
        #expect(noises.count > 1, "eight students all drew noise \(noises)")
        // The results experiment stays the book's for everyone: its link (seed 1) has the
        // default noise and split, written or left out.
        let page = try book.page("01-drawn.html", in: book.output.appendingPathComponent("students/st1"))
        let common = page.matches(of: /href="(https:\/\/playground\.tensorflow\.org\/#[^"]*seed=1[^"]*)"/).map { String($0.output.1) }
        #expect(!common.isEmpty)
        for link in common {
            let noise = link.firstMatch(of: /[#&]noise=([0-9.]+)/).map { String($0.output.1) } ?? "0"
            let ratio = link.firstMatch(of: /[#&]percTrainData=([0-9.]+)/).map { String($0.output.1) } ?? "50"
            #expect(noise == "0" && ratio == "50", "\(link)")
        }
    }

    @Test func badRangesAreErrorsAtTheirLine() throws {
        let book = try FixtureBook("per-student")
        defer { book.remove() }
        try book.edit("01-drawn.md") {
            $0.replacingOccurrences(
                of: "  noise: [0, 20]\n  train-ratio: [40, 70]",
                with: "  noise: [0, 80]\n  train-ratio: [70, 40]\n  learning-rate: [0.01, 0.1]"
            )
            .replacingOccurrences(of: "seeds: 1\nstudent: results", with: "seeds: 1\nper-student:\n  noise: [1, 4]\nstudent: results")
        }
        let result = try Labbook.run(["check"], in: book.root)
        #expect(result.status == 1)
        func has(_ line: Int, _ id: String) -> Bool { result.reports(id, at: "Chapters/01-drawn.md", line: line) }
        #expect(has(13, "labbook.bad-value"), "noise 80 is beyond the Playground's 0–50\n\(result.error)")
        #expect(has(14, "labbook.bad-value"), "a backwards range\n\(result.error)")
        #expect(has(15, "labbook.bad-value"), "learning-rate is no drawn setting\n\(result.error)")
        #expect(has(27, "labbook.bad-value"), "no slider value in [1, 4]\n\(result.error)")
    }

    @Test func aResultsExperimentDrawsNothing() throws {
        let book = try FixtureBook("per-student")
        defer { book.remove() }
        try book.edit("01-drawn.md") {
            $0.replacingOccurrences(of: "seeds: 1\nstudent: results", with: "seeds: 1\nper-student:\n  noise: [0, 10]\nstudent: results")
        }
        let result = try Labbook.run(["check"], in: book.root)
        #expect(result.status == 1)
        #expect(
            result.error.contains("Chapters/01-drawn.md:26:3: error: per-student: 'common' shows its results to every student"),
            "\(result.error)")
    }
}
