import ChapterMarkdown
import Foundation

/// `ChapterStress bench [KIND…] [MB…]` prints parse times for large chapters of each kind;
/// `ChapterStress fuzz [COUNT] [FIRST-SEED]` parses generated chapters and checks invariants.
///
/// Build in release mode for meaningful times: `swift run -c release ChapterStress bench 1 3 10`.
@main
struct ChapterStress {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "bench":
            let sizes = arguments.dropFirst().compactMap(Double.init)
            let kinds = arguments.dropFirst().compactMap(BenchChapter.init(rawValue:))
            bench(kinds: kinds.isEmpty ? BenchChapter.allCases : kinds, megabytes: sizes.isEmpty ? [1, 3, 10] : sizes)
        case "fuzz":
            let count = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
            let first = arguments.count > 2 ? UInt64(arguments[2]) ?? 1 : 1
            exit(fuzz(count: count, firstSeed: first) ? 0 : 1)
        case "show":
            // Reproduces one fuzz case: the chapter, its diagnostics and its HTML.
            var generator = ChapterGenerator(seed: arguments.count > 1 ? UInt64(arguments[1]) ?? 1 : 1)
            let text = generator.chapter()
            let (document, diagnostics) = ChapterSource.parse(text: text, path: FuzzCheck.path)
            say(text + "\n----- diagnostics\n" + diagnostics.map(\.description).joined(separator: "\n"))
            say("----- HTML\n" + render(document) + "----- problems\n" + FuzzCheck.problems(text: text).joined(separator: "\n"))
        default:
            say("usage: ChapterStress bench [prose|paragraph|math|roles|line…] [MB…] | fuzz [COUNT] [FIRST-SEED] | show SEED")
            exit(2)
        }
    }

    static func bench(kinds: [BenchChapter], megabytes: [Double]) {
        for kind in kinds {
            for size in megabytes {
                let text = kind.text(bytes: Int(size * 1_000_000))
                let clock = ContinuousClock()
                var diagnostics: [Diagnostic] = []
                var document: ChapterDocument?
                let cpuBefore = cpuSeconds()
                let elapsed = clock.measure {
                    (document, diagnostics) = ChapterSource.parse(text: text, path: "bench.md")
                }
                let cpu = cpuSeconds() - cpuBefore
                let rendered = document.map { render($0).utf8.count } ?? 0
                say(
                    "\(kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) "
                        + "\(String(format: "%5.1f", Double(text.utf8.count) / 1e6)) MB: "
                        + "\(String(format: "%6.3f", seconds(elapsed))) s wall, \(String(format: "%6.3f", cpu)) s CPU  "
                        + "(\(document?.math.count ?? 0) math, \(document?.inlineRoles.count ?? 0) roles, "
                        + "\(document?.headings.count ?? 0) headings, \(diagnostics.count) diagnostics, "
                        + "\(rendered) bytes of HTML)")
            }
        }
    }

    /// Parses `count` generated chapters; prints every invariant broken and a summary.
    static func fuzz(count: Int, firstSeed: UInt64) -> Bool {
        let clock = ContinuousClock()
        let start = clock.now
        var failures = 0
        var slowest: (seed: UInt64, seconds: Double) = (0, 0)
        for offset in 0..<count {
            let seed = firstSeed &+ UInt64(offset)
            let began = clock.now
            let problems = FuzzCheck.problems(seed: seed)
            let took = seconds(clock.now - began)
            if took > slowest.seconds { slowest = (seed, took) }
            if !problems.isEmpty {
                failures += 1
                say("seed \(seed): " + problems.joined(separator: "; "))
            }
            if (offset + 1) % 10_000 == 0 { say("\(offset + 1) chapters, \(failures) failing") }
        }
        say(
            "fuzz: \(count) chapters (seeds \(firstSeed)…\(firstSeed &+ UInt64(count) &- 1)) in "
                + String(format: "%.1f", seconds(clock.now - start)) + " s, \(failures) failing, slowest seed "
                + "\(slowest.seed) (\(String(format: "%.3f", slowest.seconds)) s)")
        return failures == 0
    }

    static func render(_ document: ChapterDocument) -> String {
        document.renderHTML(directive: { "<div data-d=\"\($0.index)\"></div>" }, role: { "<span>\($0.index)</span>" })
    }

    /// Writes one line unbuffered, so progress shows even when the output is piped or the run is killed.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// CPU time of this process: on a shared machine it is steadier than wall time.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
