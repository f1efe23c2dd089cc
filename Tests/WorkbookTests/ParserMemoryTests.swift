import Foundation
import LabbookTestSupport
import Testing

/// A chapter parse must never read a cmark node it freed.
///
/// AddressSanitizer cannot see this bug: the read happens inside libcmark-gfm, which is not
/// instrumented. glibc can: with `mmap_threshold=0` every allocation is its own mapping and
/// `free` unmaps it, so a read of a freed node faults at once (exit 139 before the fix).
@Suite("Parser memory safety", .serialized)
struct ParserMemoryTests {
    @Test func checkingChaptersWithRolesDirectivesAndHeadingsNeverReadsFreedNodes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-uaf-\(UUID().uuidString)")
        let chapters = root.appendingPathComponent("Chapters")
        try FileManager.default.createDirectory(at: chapters, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try """
        ---
        title: T
        ---

        ```{experiment} a
        epochs: 2
        until: test-loss <= 0.02
        ```

        # One {value}`a.epochs`

        | x | y |
        |---|---|
        | {value}`a.test-loss` | {ref}`a` |

        Value {value}`a.epochs` here and {ref}`a`.
        """.write(to: chapters.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)

        let result = try Labbook.run(
            ["check"], in: root, environment: ["GLIBC_TUNABLES": "glibc.malloc.mmap_threshold=0"])
        #expect(result.status == 0, "labbook check: status \(result.status)\n\(result.error)")
    }
}
