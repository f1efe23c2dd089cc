import Foundation

@testable import Workbook

/// The seed course (the repository's `Chapters/`) built once per test process, both editions
/// into one temporary folder with one cache: the end-to-end and browser tests read these
/// outputs and must not write into them. Training the course takes most of a minute of CPU, so
/// it is not repeated per test. Built on first use; `Swift`'s lazy static initialisation makes
/// concurrent first uses wait for the one build.
public struct SeedCourse: Sendable {
    public let folder: URL
    public var chapters: URL { repositoryRoot.appendingPathComponent("Chapters") }
    public var instructor: URL { folder.appendingPathComponent("Output") }
    public var student: URL { folder.appendingPathComponent("Student") }
    public var cache: URL { folder.appendingPathComponent("cache") }
    /// The instructor build's report: the first build, from an empty cache.
    public let instructorReport: BuildReport
    public let studentReport: BuildReport

    /// The one shared build, or the error it failed with (recorded by every test that asks).
    public static func built() throws -> SeedCourse { try shared.get() }

    private static let shared: Result<SeedCourse, any Error> = Result { try SeedCourse() }

    private static let folderPath = FileManager.default.temporaryDirectory
        .appendingPathComponent("labbook-seed-course-\(getpid())").path

    private init() throws {
        folder = URL(fileURLWithPath: Self.folderPath, isDirectory: true)
        try? FileManager.default.removeItem(at: folder)
        // Removed when the test process ends: until then any test may be reading it.
        atexit { try? FileManager.default.removeItem(atPath: SeedCourse.folderPath) }
        let chapters = repositoryRoot.appendingPathComponent("Chapters")
        let cache = folder.appendingPathComponent("cache")
        instructorReport = try Builder(
            options: BuildOptions(chapters: chapters, output: folder.appendingPathComponent("Output"), cache: cache)
        ).build()
        var options = BuildOptions(chapters: chapters, output: folder.appendingPathComponent("Student"), cache: cache)
        options.edition = .student
        studentReport = try Builder(options: options).build()
    }
}
