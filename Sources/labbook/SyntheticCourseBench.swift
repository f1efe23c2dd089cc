import Foundation
import Workbook

/// `labbook bench --synthetic-course RUNS`: writes a course of about RUNS runs into a temporary
/// folder, builds it from an empty cache and reports the CPU seconds of training and of
/// rendering, and the bytes written per format. It answers "does rendering cost less than
/// training at scale?" on a course shaped like a real one: sweeps over the learning rate, each
/// drawn as small multiples (loss, boundary, data and network panels).
struct SyntheticCourseBench {
    var runs: Int
    var jobs: Int?

    struct Result {
        var experiments: Int
        var report: BuildReport
        var bytesByExtension: [String: Int]
    }

    func run() throws -> Result {
        let course = SyntheticCourse(runs: runs)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-synthetic-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let chapters = try course.write(into: root)
        var options = BuildOptions(
            chapters: chapters, output: root.appendingPathComponent("Output"),
            cache: root.appendingPathComponent("cache"), jobs: jobs)
        options.trainingBudgetMinutes = 600
        let report = try Builder(options: options).build()
        return Result(
            experiments: course.experiments, report: report,
            bytesByExtension: Self.bytes(under: options.output))
    }

    /// Total file sizes under `folder` by extension.
    static func bytes(under folder: URL) -> [String: Int] {
        var totals: [String: Int] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])
        while let url = enumerator?.nextObject() as? URL {
            guard let size = try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize else { continue }
            totals[url.pathExtension.isEmpty ? "other" : url.pathExtension, default: 0] += size
        }
        return totals
    }
}
