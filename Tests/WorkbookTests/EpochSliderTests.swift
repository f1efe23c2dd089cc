import Foundation
import Testing
@testable import Workbook

/// What `scripts/epoch-slider-check` saw in headless Chromium: the slider before and after one
/// press of the right arrow key.
struct SliderCheck: Decodable {
    struct State: Decodable {
        /// [src, loaded, alt] of each frame image.
        var images: [[Field]]
        var status: String
        var valueText: String
        var value: String
        var max: String
        var focused: Bool
        var timelineHidden: Bool
        var sliders: Int
    }

    enum Field: Decodable {
        case text(String), flag(Bool)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .flag(b) } else { self = .text(try c.decode(String.self)) }
        }
        var text: String { if case .text(let s) = self { s } else { "" } }
        var flag: Bool { if case .flag(let b) = self { b } else { false } }
    }

    var before: State?
    var after: State?
    var console: [String]?

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/epoch-slider-check")
    }

    static func run(page: URL, experiment: String) throws -> SliderCheck {
        let output = try shellChecked("/usr/bin/env", ["python3", script.path, page.path, experiment])
        return try JSONDecoder().decode(SliderCheck.self, from: Data(output.utf8))
    }
}

/// Runs a process and returns its standard output; a failure throws with its standard error.
func shellChecked(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("shell-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = try FileHandle(forWritingTo: log)
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BrowserAudit.AuditFailure(
            message: "\(arguments.joined(separator: " ")) exited with \(process.terminationStatus): \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }
    return String(decoding: data, as: UTF8.self)
}

@Suite("The epoch slider", .serialized)
struct EpochSliderTests {
    /// The right arrow key moves the slider to the next snapshot: its frames load, and the live
    /// text and the input's value text give that epoch's losses, those of the stored run.
    @Test func theArrowKeyShowsTheNextSnapshotAndItsLosses() throws {
        let book = try FixtureBook("timelines")
        defer { book.remove() }
        try book.build()
        let check = try SliderCheck.run(page: book.output.appendingPathComponent("01-over-time.html"), experiment: "xor-time")
        let before = try #require(check.before, "the page has no live slider for xor-time")
        let after = try #require(check.after)
        #expect(check.console == [], "console: \(check.console ?? [])")

        let plan = Builder(options: book.options).check()
        let spec = try #require(plan.experiments["xor-time"]?.spec)
        let store = RunStore(cache: BuildCache(root: book.cache))
        #expect(store.loadCached(spec.combinations.flatMap(\.jobs)).isEmpty, "the build trained every run")
        let results = ResultsAnalysis.analyse([spec], store: store)["xor-time"]
        let run = try store.result(spec.combinations[0].jobs[results[0].representativeIndex])
        let epochs = spec.display.snapshots.epochs(lastEpoch: run.epochsRun)
        func text(_ epoch: Int) -> String {
            "epoch \(epoch): training loss \(ValueFormatting.loss(run.trainLoss[epoch])), test loss \(ValueFormatting.loss(run.testLoss[epoch]))"
        }

        #expect(before.max == String(epochs.count - 1))
        #expect(before.value == "0" && after.value == "1")
        #expect(after.focused)
        #expect(before.status == text(epochs[0]) && before.valueText == text(epochs[0]))
        #expect(after.status == text(epochs[1]) && after.valueText == text(epochs[1]))
        // The boundary and the network frame of the next snapshot, loaded, described.
        #expect(after.images.map { $0[0].text } == [
            "figures/xor-time-boundary-epoch-\(epochs[1]).png", "figures/xor-time-network-epoch-\(epochs[1]).png",
        ])
        for image in before.images + after.images {
            #expect(image[1].flag, "\(image[0].text) did not load")
            #expect(image[2].text.hasSuffix(image[0].text.contains("epoch-0.") ? text(epochs[0]) : text(epochs[1])))
        }
        // The slider stands in for the timeline image on screen; one slider per experiment.
        #expect(after.timelineHidden && after.sliders == 1)
    }

    /// Without script the slider is an inert template and the timeline figure is all there is;
    /// print hides the slider; the handout and a sweep have none; frames are PNG only.
    @Test func withoutScriptInPrintAndInTheHandoutTheTimelineStands() throws {
        let book = try FixtureBook("timelines")
        defer { book.remove() }
        try book.build()
        let page = try book.page("01-over-time.html")
        let figureStart = try #require(page.range(of: "<figure class=\"lb-figure lb-wide lb-has-slider\" id=\"fig-xor-time-boundary-timeline\">"))
        let figure = page[figureStart.lowerBound...]
        let end = try #require(figure.range(of: "</figure>"))
        let html = String(figure[..<end.upperBound])
        // The timeline image comes first, outside the template; the slider only inside it.
        let template = try #require(html.range(of: "<template class=\"lb-epoch-slider\""))
        #expect(html[..<template.lowerBound].contains("src=\"figures/xor-time-boundary-timeline.png\""))
        #expect(!html[..<template.lowerBound].contains("type=\"range\""))
        #expect(page.components(separatedBy: "<template class=\"lb-epoch-slider\"").count == 2, "only xor-time (not the sweep act-time) has a slider")
        #expect(!(try book.page("handout.html")).contains("lb-epoch-slider"))
        let css = try String(contentsOf: book.output.appendingPathComponent("assets/labbook.css"), encoding: .utf8)
        let print = try #require(css.range(of: "@media print {\n  /* Keep"))
        #expect(css[print.lowerBound...].contains(".lb-epoch-slider-live { display: none !important; }"))
        let figures = try FileManager.default.contentsOfDirectory(atPath: book.output.appendingPathComponent("figures").path)
        let frames = figures.filter { $0.contains("-epoch-") }
        #expect(frames.count == 16 && frames.allSatisfy { $0.hasSuffix(".png") }, "\(frames.sorted())")
    }
}
