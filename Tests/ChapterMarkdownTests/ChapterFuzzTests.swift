import Foundation
import Testing

@testable import ChapterMarkdown
@testable import ChapterStress

/// Generated and mutated chapters (fences, directives, roles, math, tables, headings, HTML,
/// YAML, invalid UTF-8, CR/CRLF, BOM) never crash the parser, and every parse keeps its
/// promises (see ``FuzzCheck``). CI parses a few hundred; for a long run set
/// `LABBOOK_FUZZ_CHAPTERS`, or use `swift run -c release ChapterStress fuzz 100000`.
@Suite("Fuzzed chapters")
struct ChapterFuzzTests {
    static var count: Int {
        ProcessInfo.processInfo.environment["LABBOOK_FUZZ_CHAPTERS"].flatMap(Int.init) ?? 400
    }

    @Test func generatedChaptersKeepEveryPromise() {
        var failing: [String] = []
        for seed in 1...UInt64(Self.count) {
            let problems = FuzzCheck.problems(seed: seed)
            if !problems.isEmpty { failing.append("seed \(seed): " + problems.joined(separator: "; ")) }
        }
        #expect(failing == [])
    }

    @Test func generatorIsReproducibleAndVaried() {
        var first = ChapterGenerator(seed: 7)
        var again = ChapterGenerator(seed: 7)
        #expect(first.chapter() == again.chapter())
        let chapters = (1...200).map { seed -> String in
            var generator = ChapterGenerator(seed: UInt64(seed))
            return generator.chapter()
        }
        #expect(Set(chapters).count > 190)
        for construct in ["```{experiment}", "{value}`", "$", "| ", "<script>", "javascript:", "&a ", "\r", "\u{FFFD}"] {
            #expect(chapters.contains { $0.contains(construct) }, "no chapter contains \(construct)")
        }
    }

    @Test func liveScriptCheckSeesWhatItLooksFor() {
        #expect(FuzzCheck.liveScript(in: "<p>safe &lt;script&gt; text</p>").isEmpty)
        #expect(FuzzCheck.liveScript(in: "<p onclick=\"x\">") == ["an event attribute"])
        #expect(FuzzCheck.liveScript(in: "<a href=\"javascript:x\">") == ["javascript:"])
        #expect(FuzzCheck.liveScript(in: "<SCRIPT>") == ["<script"])
        #expect(FuzzCheck.liveScript(in: "<!-- <script> --><a title=\"javascript:\">").isEmpty)
        #expect(FuzzCheck.liveScript(in: "<a href='<a href=\"javascript:x\">'>").isEmpty)
        #expect(FuzzCheck.liveScript(in: "</t<iframe>able>").isEmpty)
        #expect(FuzzCheck.liveScript(in: "<scriptx> <a href=\" vbscript:x\">") == ["vbscript:"])
    }
}
