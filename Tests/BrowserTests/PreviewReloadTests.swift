import Foundation
import LabbookTestSupport
import Testing

/// What `scripts/preview-reload-check` saw in headless Chromium: an open page of `labbook
/// serve`, one save of its chapter, and two seconds after the page showed it.
struct PreviewReloadCheck: Decodable {
    var shown: Bool
    var documents: Int
    var statusRequests: [Int]
    var errorBox: Bool
    var console: [String]

    static var script: URL { repositoryRoot.appendingPathComponent("scripts/preview-reload-check") }
}

@Suite("The live preview in a browser")
struct PreviewReloadTests {
    /// The page reloads once per build. Each status answer is acted on once: a page that kept
    /// polling while its reload was under way called `reload()` again at every answer, and each
    /// call started the navigation over (the edit came 50–500 ms late).
    @Test func anOpenPageReloadsOnceAfterASaveAndShowsIt() throws {
        let book = try FixtureBook("basic")
        defer { book.remove() }
        try book.build()  // the runs and figures are cached: the serve build after the save is quick
        let output = try shellChecked(
            "/usr/bin/env", ["python3", PreviewReloadCheck.script.path, Labbook.executable.path, book.root.path, "01-gauss.md"])
        let check = try JSONDecoder().decode(PreviewReloadCheck.self, from: Data(output.utf8))
        #expect(check.shown)
        #expect(check.documents == 2, "the first page and one reload")
        // The page that was left asked twice: its first status, and the long poll the build answered.
        #expect(check.statusRequests == [2])
        #expect(!check.errorBox)
        #expect(check.console.isEmpty, "\(check.console)")
    }
}
