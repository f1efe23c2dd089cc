import ArgumentParser
import CairoRendering
import Foundation
import PlaygroundTrainer
import Plotting
import Workbook

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the trainer (epochs per second, heat-map grid time) on the reference configurations.",
        discussion: "Run in release: swift run -c release labbook bench. Single thread; medians of repeated runs.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    @Option(help: "text or json.")
    var format: Format = .text
    @Option(help: "Timed repetitions per figure (the median is reported).")
    var repetitions = 9
    @Option(
        name: .customLong("synthetic-course"),
        help: "Instead: build a synthetic course of about this many runs (sweeps of 20) and print training and rendering CPU seconds.")
    var syntheticCourse: Int?
    @Option(
        name: .customLong("roster-students"),
        help:
            "Instead: build the student editions of the book (--chapters) for a generated roster of this many students from an empty cache, then for one student more, and print CPU seconds, runs trained and output size of each build."
    )
    var rosterStudents: Int?
    @Option(help: "The book's chapters for --roster-students.")
    var chapters = "Chapters"
    @Option(help: "Jobs in parallel for --synthetic-course and --roster-students (default: one per core).")
    var jobs: Int?
    @Option(
        name: .customLong("slurm-tasks"),
        help: "With --synthetic-course: also build it on Slurm (SLURM_CONF) over this many array tasks and compare.")
    var slurmTasks: Int?

    func run() throws {
        if let students = rosterStudents {
            guard students > 0, students < Roster.limit else {
                throw ValidationError("--roster-students: a number of students from 1 to \(Roster.limit - 1)")
            }
            return try printRoster(students: students)
        }
        if let runs = syntheticCourse {
            guard runs > 0, runs <= 20_000 else { throw ValidationError("--synthetic-course: a number of runs from 1 to 20000") }
            if let tasks = slurmTasks {
                guard (1...1000).contains(tasks) else { throw ValidationError("--slurm-tasks: a number of tasks from 1 to 1000") }
                for line in try SlurmBench(runs: runs, tasks: tasks, jobs: jobs).run() { print(line) }
                return
            }
            return try printSyntheticCourse(runs: runs)
        }
        var rows: [(String, String, Double, Double, Double)] = []
        let renderer = try FigureRenderer()
        for (id, label, configuration) in BenchmarkConfigurations.all {
            let epochsPerSecond = measureEpochs(configuration)
            let gridMilliseconds = measureGrid(configuration)
            let figureMilliseconds = try measureFigures(configuration, renderer: renderer)
            rows.append((id, label, epochsPerSecond, gridMilliseconds, figureMilliseconds))
        }
        let render = try RenderBench(renderer: renderer, repetitions: max(1, repetitions / 3)).run()
        let timelines = try TimelineBench(renderer: renderer, repetitions: repetitions).run()
        switch format {
        case .json:
            let configs: [JSONValue] = rows.map {
                .object([
                    ("id", .string($0.0)), ("epochsPerSecond", .number(($0.2).rounded())),
                    ("gridMilliseconds", .number(($0.3 * 1000).rounded() / 1000)),
                    ("figuresMilliseconds", .number(($0.4 * 100).rounded() / 100)),
                ])
            }
            let renderRows: [JSONValue] = render.map {
                .object([
                    ("figure", .string($0.figure)), ("format", .string($0.format)),
                    ("cpuMilliseconds", .number(($0.cpuMilliseconds * 10).rounded() / 10)), ("bytes", .integer($0.bytes)),
                ])
            }
            let timelineRows: [JSONValue] = timelines.map {
                .object([
                    ("figure", .string("h-\($0.kind)-\(TimelineBench.snapshots)")),
                    ("trainingCpuMilliseconds", .number(($0.trainingMilliseconds * 10).rounded() / 10)),
                    ("timelineCpuMilliseconds", .number(($0.timelineMilliseconds * 10).rounded() / 10)),
                    ("timelineBytes", .integer($0.timelineBytes)),
                    ("framesCpuMilliseconds", .number(($0.framesMilliseconds * 10).rounded() / 10)),
                    ("framesBytes", .integer($0.framesBytes)),
                ])
            }
            print(
                JSONValue.object([("configs", .array(configs)), ("render", .array(renderRows)), ("timelines", .array(timelineRows))])
                    .serialized(indent: 2))
        case .text:
            print(
                "config  description                                  epochs/s   grid (all nodes)   figures (boundary+network+loss, PNG+SVG)"
            )
            for row in rows {
                let name = row.1.padding(toLength: 44, withPad: " ", startingAt: 0)
                print(String(format: "%@       %@ %9.0f   %9.3f ms       %7.1f ms", row.0, name, row.2, row.3, row.4))
            }
            print("Playground under Node 20 (semantics §12.1): c 4680, g 5320, h 715 epochs/s; grid c 2.90 ms, h 16.8 ms.")
            print("Targets: ≥ 10× Node on c and g, ≥ 4× on h and on the grids; figures ≤ 50 ms.")
            print("\nrendering (CPU ms per figure and format, median; bytes written)")
            for row in render {
                print(
                    String(
                        format: "%@ %@ %8.1f ms %10d bytes", row.figure.padding(toLength: 24, withPad: " ", startingAt: 0),
                        row.format.padding(toLength: 4, withPad: " ", startingAt: 0), row.cpuMilliseconds, row.bytes))
            }
            print("\nfigures over time, config h, 1000 epochs, \(TimelineBench.snapshots) snapshots (CPU ms, median; bytes a build writes)")
            for row in timelines {
                print(
                    String(
                        format:
                            "%@ training+recording %7.1f ms · timeline PNG+SVG+PDF %7.1f ms %9d bytes · %d slider frames PNG %7.1f ms %9d bytes",
                        row.kind.padding(toLength: 17, withPad: " ", startingAt: 0), row.trainingMilliseconds, row.timelineMilliseconds,
                        row.timelineBytes, TimelineBench.snapshots, row.framesMilliseconds, row.framesBytes))
            }
            let landscape = LandscapeBench.run()
            print("\nloss landscape, config c (one set evaluation for both; a training epoch also runs the backward pass)")
            print(
                String(
                    format: "landscape loss evaluations %9.0f per CPU-s (%.0f examples forwarded per CPU-s)",
                    landscape.landscapeEvaluationsPerSecond, landscape.landscapeExamplesPerSecond))
            print(
                String(
                    format:
                        "trainer epochs             %9.0f per CPU-s (%.0f examples forwarded per CPU-s: training pass, training and test loss)",
                    landscape.trainerEpochsPerSecond, landscape.trainerExamplesPerSecond))
        }
    }

    func printRoster(students: Int) throws {
        let builds = try RosterBench(chapters: URL(fileURLWithPath: chapters), students: students, jobs: jobs).run()
        switch format {
        case .json:
            let rows: [JSONValue] = builds.map(Self.rosterJSON)
            print(JSONValue.array(rows).serialized(indent: 2))
        case .text:
            for (index, build) in builds.enumerated() {
                let what = index == 0 ? "from an empty cache" : "one student added, same cache"
                print("\(build.students) students (\(what)): \(build.report.trainedRuns) runs trained, \(build.report.cachedRuns) cached")
                print(
                    String(format: "  training  %8.2f CPU-s (%.2f s wall)", build.report.trainingCPUSeconds, build.report.trainingSeconds))
                print(
                    String(
                        format: "  rendering %8.2f CPU-s (%.2f s wall); whole build %.2f s wall", build.report.renderingCPUSeconds,
                        build.report.renderingSeconds, build.report.totalSeconds))
                print(String(format: "  output    %8.1f MB in %d files", Double(build.outputBytes) / 1_000_000, build.outputFiles))
            }
        }
    }

    static func rosterJSON(_ build: RosterBench.Build) -> JSONValue {
        let report = build.report
        var fields: [(String, JSONValue)] = [("students", .integer(build.students))]
        fields.append(("runsTrained", .integer(report.trainedRuns)))
        fields.append(("runsCached", .integer(report.cachedRuns)))
        fields.append(("trainingCPUSeconds", .number((report.trainingCPUSeconds * 100).rounded() / 100)))
        fields.append(("renderingCPUSeconds", .number((report.renderingCPUSeconds * 100).rounded() / 100)))
        fields.append(("totalSeconds", .number((report.totalSeconds * 100).rounded() / 100)))
        fields.append(("outputBytes", .integer(build.outputBytes)))
        fields.append(("outputFiles", .integer(build.outputFiles)))
        return .object(fields)
    }

    func printSyntheticCourse(runs: Int) throws {
        let result = try SyntheticCourseBench(runs: runs, jobs: jobs).run()
        let report = result.report
        let bytes = result.bytesByExtension.sorted { $0.key < $1.key }
        switch format {
        case .json:
            print(
                JSONValue.object([
                    ("runs", .integer(report.trainedRuns)), ("experiments", .integer(result.experiments)),
                    ("figures", .integer(report.renderedFigures)),
                    ("trainingCPUSeconds", .number((report.trainingCPUSeconds * 100).rounded() / 100)),
                    ("renderingCPUSeconds", .number((report.renderingCPUSeconds * 100).rounded() / 100)),
                    ("bytes", .object(bytes.map { ($0.key, JSONValue.integer($0.value)) })),
                ]).serialized(indent: 2))
        case .text:
            print(
                "synthetic course: \(report.trainedRuns) runs in \(result.experiments) sweeps, \(report.renderedFigures) figures rendered")
            print(String(format: "training  %7.2f CPU-s (%.2f s wall)", report.trainingCPUSeconds, report.trainingSeconds))
            print(String(format: "rendering %7.2f CPU-s (%.2f s wall)", report.renderingCPUSeconds, report.renderingSeconds))
            print("bytes: " + bytes.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }

    /// Full epochs (training pass + both losses) per second: one reset, then enough epochs to
    /// run ~0.2 s, repeated; the median.
    func measureEpochs(_ configuration: TrainingConfiguration) -> Double {
        var c = configuration
        c.epochs = 0
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let session = TrainingSession(configuration: c, seed: "1")
            let start = DispatchTime.now().uptimeNanoseconds
            var epochs = 0
            var elapsed: UInt64 = 0
            repeat {
                session.step()
                epochs += 1
                elapsed = DispatchTime.now().uptimeNanoseconds - start
            } while elapsed < 200_000_000
            samples.append(Double(epochs) / (Double(elapsed) / 1e9))
        }
        return median(samples)
    }

    /// Milliseconds to evaluate every node on the 100 × 100 grid, median of repetitions.
    func measureGrid(_ configuration: TrainingConfiguration) -> Double {
        let result = Trainer(
            configuration: {
                var c = configuration; c.epochs = 5; return c
            }()
        ).run()
        let network = Network(configuration: configuration, parameters: result.final)
        var samples: [Double] = []
        _ = network.nodeGrids()
        for _ in 0..<max(repetitions * 3, 9) {
            let start = DispatchTime.now().uptimeNanoseconds
            let grids = network.nodeGrids()
            let elapsed = DispatchTime.now().uptimeNanoseconds - start
            precondition(grids.count == configuration.layerSizes.reduce(0, +))
            samples.append(Double(elapsed) / 1e6)
        }
        return median(samples)
    }

    /// Milliseconds to draw one experiment's figures — boundary, network and loss, each as PNG
    /// and SVG — from a finished run (the network evaluation on the grid included), median.
    func measureFigures(_ configuration: TrainingConfiguration, renderer: FigureRenderer) throws -> Double {
        var c = configuration
        c.epochs = 50
        let runs = [Trainer(configuration: c).run()]
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            for kind in [ExperimentFigure.boundary, .network, .loss] {
                let figure = kind.make(configuration: c, runs: runs)
                for format in [OutputFormat.png, .svg] {
                    _ = try renderer.render(figure, as: format)
                }
            }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return median(samples)
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
