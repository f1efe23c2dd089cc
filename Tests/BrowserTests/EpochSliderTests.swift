import Foundation
import LabbookTestSupport
import PlaygroundTrainer
import Testing

@testable import Workbook

/// What `scripts/epoch-slider-check` saw in headless Chromium: the slider before and after one
/// press of the right arrow key.
struct SliderCheck: Decodable {
    struct State: Decodable {
        /// [src, loaded, alt] of each frame image.
        var images: [[Field]]
        /// A sweep's frame captions, one per combination; empty outside a sweep.
        var captions: [String]
        var status: String
        /// The input's label: what it moves through.
        var label: String
        /// Live regions in the slider: none, so a step is announced once (by the value text).
        var liveRegions: Int
        var valueText: String
        var value: String
        var max: String
        var focused: Bool
        var timelineHidden: Bool
        /// For each other timeline figure of the experiment: hidden on screen?
        var companionsHidden: [Bool]
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
            message:
                "\(arguments.joined(separator: " ")) exited with \(process.terminationStatus): \((try? String(contentsOf: log, encoding: .utf8)) ?? "")"
        )
    }
    return String(decoding: data, as: UTF8.self)
}

/// The `timelines` fixture built, the slider of one of its experiments driven in headless
/// Chromium (one press of the right arrow key), and the stored results the slider must show.
struct SliderScenario {
    let book: FixtureBook
    let before: SliderCheck.State
    let after: SliderCheck.State
    let spec: ExperimentSpec
    let store: RunStore
    let results: [CombinationResults]

    /// The caller removes `book`; a failure here removes it first.
    init(experiment: String) throws {
        let book = try FixtureBook("timelines")
        do {
            try self.init(book: book, experiment: experiment)
        } catch {
            book.remove()
            throw error
        }
    }

    private init(book: FixtureBook, experiment: String) throws {
        self.book = book
        try book.build()
        let check = try SliderCheck.run(page: book.output.appendingPathComponent("01-over-time.html"), experiment: experiment)
        before = try #require(check.before, "the page has no live slider for \(experiment)")
        after = try #require(check.after)
        #expect(check.console == [], "console: \(check.console ?? [])")

        let plan = Builder(options: book.options).check()
        spec = try #require(plan.experiments[experiment]?.spec)
        store = RunStore(cache: BuildCache(root: book.cache))
        #expect(store.loadCached(spec.combinations.flatMap(\.jobs)).isEmpty, "the build trained every run")
        results = ResultsAnalysis.analyse([spec], store: store)[experiment]
    }
}

@Suite("The epoch slider", .serialized)
struct EpochSliderTests {
    /// The right arrow key moves the slider to the next snapshot: its frames load, and the live
    /// text and the input's value text give that epoch's losses, those of the stored run.
    @Test func theArrowKeyShowsTheNextSnapshotAndItsLosses() throws {
        let scenario = try SliderScenario(experiment: "xor-time")
        defer { scenario.book.remove() }
        let (before, after, spec, store, results) = (scenario.before, scenario.after, scenario.spec, scenario.store, scenario.results)
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
        // One announcement per step: the value text, no live region repeating it.
        #expect(before.liveRegions == 0 && after.liveRegions == 0)
        #expect(after.label == "Epoch")
        // The boundary and the network frame of the next snapshot, loaded, described.
        #expect(
            after.images.map { $0[0].text } == [
                "figures/xor-time-boundary-epoch-\(epochs[1]).png", "figures/xor-time-network-epoch-\(epochs[1]).png",
            ])
        for image in before.images + after.images {
            #expect(image[1].flag, "\(image[0].text) did not load")
            // A sentence: the figure, then its epoch and losses, then a full stop.
            #expect(image[2].text.hasSuffix((image[0].text.contains("epoch-0.") ? text(epochs[0]) : text(epochs[1])) + "."))
        }
        // The slider stands in for the timeline image on screen; one slider per experiment (and the sweep).
        #expect(after.timelineHidden && after.sliders == 2)
        // The network timeline would repeat the network frames beside the slider: hidden on
        // screen (print keeps it, as the stylesheet's print rules say).
        #expect(after.companionsHidden == [true])
        #expect(try scenario.book.page("01-over-time.html").contains("lb-slider-companion"))
    }

    /// A sweep's slider shows every combination side by side: the right arrow key brings each
    /// combination's next frame, captioned with its epoch and losses, and the value text names
    /// every combination's losses at that epoch, those of its representative stored run.
    @Test func aSweepsSliderStepsEveryCombinationAndSaysEachOnesLosses() throws {
        let scenario = try SliderScenario(experiment: "act-time")
        defer { scenario.book.remove() }
        let (book, before, after, spec, store, results) = (
            scenario.book, scenario.before, scenario.after, scenario.spec, scenario.store, scenario.results
        )
        let panels = ResultPanel.panels(of: spec, results: results)
        #expect(panels.count == 2)
        let runs = try panels.map { try store.result($0.jobs[$0.results.representativeIndex]) }
        let epochs = runs.map { spec.display.snapshots.epochs(lastEpoch: $0.epochsRun) }
        #expect(epochs[0] == epochs[1], "the fixture's runs share their snapshot epochs")
        func losses(_ run: RunResult, _ epoch: Int) -> String {
            "training loss \(ValueFormatting.loss(run.trainLoss[epoch])), test loss \(ValueFormatting.loss(run.testLoss[epoch]))"
        }
        func text(_ epoch: Int) -> String {
            "epoch \(epoch): " + zip(panels, runs).map { "\($0.title), \(losses($1, epoch))" }.joined(separator: "; ")
        }
        func captions(_ epoch: Int) -> [String] {
            runs.map { "epoch \(epoch): \(losses($0, epoch))" }
        }

        #expect(before.max == String(epochs[0].count - 1))
        #expect(before.value == "0" && after.value == "1" && after.focused)
        #expect(before.valueText == text(epochs[0][0]) && before.status == text(epochs[0][0]))
        #expect(after.valueText == text(epochs[0][1]) && after.status == text(epochs[0][1]))
        // Named by what it shows, announced once per step.
        #expect(after.label == "Epoch of the \(panels.count) decision boundaries", "\(after.label)")
        #expect(after.liveRegions == 0)
        #expect(before.captions == captions(epochs[0][0]))
        #expect(after.captions == captions(epochs[0][1]))
        // One frame per combination, each its own representative run's, loaded and described.
        #expect(
            after.images.map { $0[0].text } == [
                "figures/act-time-boundary-c1-epoch-\(epochs[0][1]).png", "figures/act-time-boundary-c2-epoch-\(epochs[0][1]).png",
            ])
        for (image, (panel, caption)) in zip(after.images, zip(panels, captions(epochs[0][1]))) {
            #expect(image[1].flag, "\(image[0].text) did not load")
            #expect(image[2].text.hasSuffix("\(panel.title), \(caption)."))
        }
        // Each frame's caption is headed by its combination.
        let page = try book.page("01-over-time.html")
        for panel in panels {
            #expect(page.contains("<p class=\"lb-frame-caption\"><strong>\(panel.title)</strong> <span data-caption="))
        }
        #expect(after.timelineHidden)
    }

    /// Runs that stop early have fewer snapshots: the slider steps over the snapshot position,
    /// each combination at its own epoch, and one that has run out keeps its last frame.
    @Test func aCombinationThatStoppedEarlyKeepsItsLastFrame() throws {
        let early = SliderFrames.Combination(index: 0, title: "seed = 2", epochs: [0, 20, 50])
        let late = SliderFrames.Combination(index: 1, title: "seed = 6", epochs: [0, 20, 60, 150, 3000])
        var rendered: [String: RenderedFigure] = [:]
        for combination in [early, late] {
            for epoch in combination.epochs {
                let stem = SliderFrames.stem(ownerID: "q4", kind: .boundaryTimeline, combination: combination.index, epoch: epoch)
                rendered[stem] = RenderedFigure(
                    files: [:], width: 300, height: 312, label: "training loss 0.\(epoch), test loss 1.\(epoch)")
            }
        }
        let slider = EpochSliderHTML(
            ownerID: "q4", kinds: [.boundaryTimeline], combinations: [early, late], rendered: rendered, figurePrefix: "figures/")
        let frames = try #require(slider.frames)
        #expect(frames.count == 5)
        #expect(frames[1].text == "epoch 20: seed = 2, training loss 0.20, test loss 1.20; seed = 6, training loss 0.20, test loss 1.20")
        #expect(
            frames[2].text
                == "seed = 2, epoch 50: training loss 0.50, test loss 1.50; seed = 6, epoch 60: training loss 0.60, test loss 1.60")
        #expect(frames[4].captions?["1"] == "epoch 50 (its last): training loss 0.50, test loss 1.50")
        #expect(frames[4].captions?["2"] == "epoch 3000: training loss 0.3000, test loss 1.3000")
        #expect(frames[4].text.hasPrefix("seed = 2, epoch 50 (its last): training loss 0.50, test loss 1.50; seed = 6, epoch 3000:"))
        #expect(
            frames[4].images == [
                "boundary-1": "figures/q4-boundary-c1-epoch-50.png", "boundary-2": "figures/q4-boundary-c2-epoch-3000.png",
            ])
        // A frame never drawn leaves no slider rather than a broken image.
        rendered["q4-boundary-c2-epoch-150"] = nil
        #expect(
            EpochSliderHTML(
                ownerID: "q4", kinds: [.boundaryTimeline], combinations: [early, late], rendered: rendered, figurePrefix: "figures/"
            ).html == "")
    }

    /// Without script the slider is an inert template and the timeline figure is all there is;
    /// print hides the slider; the handout has none; frames are PNG only.
    @Test func withoutScriptInPrintAndInTheHandoutTheTimelineStands() throws {
        let book = try FixtureBook("timelines")
        defer { book.remove() }
        try book.build()
        let page = try book.page("01-over-time.html")
        let figureStart = try #require(
            page.range(of: "<figure class=\"lb-figure lb-wide lb-has-slider\" id=\"fig-xor-time-boundary-timeline\">"))
        let figure = page[figureStart.lowerBound...]
        let end = try #require(figure.range(of: "</figure>"))
        let html = String(figure[..<end.upperBound])
        // The timeline image comes first, outside the template; the slider only inside it.
        let template = try #require(html.range(of: "<template class=\"lb-epoch-slider\""))
        #expect(html[..<template.lowerBound].contains("src=\"figures/xor-time-boundary-timeline.png\""))
        #expect(!html[..<template.lowerBound].contains("type=\"range\""))
        #expect(
            page.components(separatedBy: "<template class=\"lb-epoch-slider\"").count == 3,
            "xor-time and the sweep act-time have a slider each")
        #expect(!(try book.page("handout.html")).contains("lb-epoch-slider"))
        // The sweep's timeline caption speaks of every combination, not of the first one's seed.
        #expect(page.contains("Each combination") && page.contains("s network at epochs 0, 10, 60, each panel titled"))
        #expect(!page.contains("The network (seed 2) at epochs 0, 10, 60"))
        let css = try String(contentsOf: book.output.appendingPathComponent("assets/labbook.css"), encoding: .utf8)
        let print = try #require(css.range(of: "@media print {\n  /* Keep"))
        #expect(css[print.lowerBound...].contains(".lb-epoch-slider-live { display: none !important; }"))
        let figures = try FileManager.default.contentsOfDirectory(atPath: book.output.appendingPathComponent("figures").path)
        let frames = figures.filter { $0.contains("-epoch-") }
        // xor-time: 8 snapshots, boundary and network; act-time: 3 snapshots of each of 2 combinations.
        #expect(frames.count == 16 + 6 && frames.allSatisfy { $0.hasSuffix(".png") }, "\(frames.sorted())")
        #expect(frames.filter { $0.hasPrefix("act-time-boundary-c") }.count == 6, "\(frames.sorted())")
    }
}
