import Testing

@testable import ChapterMarkdown

@Suite("Concurrency and determinism")
struct ConcurrencyTests {
    static let chapter = """
        ---
        title: Parallel
        ---
        # Heading $x$

        | a | b |
        |---|---|
        | ~~c~~ | {value}`d.e` |

        ```{experiment} p
        epochs: 2
        ```
        """

    /// Parsing in many tasks at once must be safe (cmark extension registration is
    /// guarded) and give identical, Sendable results.
    @Test func concurrentParsesAgree() async {
        let outputs = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let (document, _) = parse(Self.chapter)
                    return render(document)
                }
            }
            var all: [String] = []
            for await output in group { all.append(output) }
            return all
        }
        #expect(outputs.count == 16)
        #expect(Set(outputs).count == 1)
        #expect(outputs.first?.contains("<table>") == true)
    }

    @Test func documentsCrossTaskBoundaries() async {
        let (document, _) = parse(Self.chapter)
        let rendered = await Task.detached { render(document) }.value
        #expect(rendered == render(document))
    }
}
