import Foundation
import Workbook

/// `labbook bench --roster-students N`: what a roster costs. Copies the book's chapters into a
/// temporary folder and builds the student editions for a generated roster of N students
/// (`s0001`, `s0002`, …) from an empty cache, then adds one student and builds again on the
/// same cache. Reports, for each build, the CPU seconds of training and of rendering, the runs
/// trained and the size of the output: the second build must train only the new student's runs.
struct RosterBench {
    var chapters: URL
    var students: Int
    var jobs: Int?

    struct Build {
        var students: Int
        var report: BuildReport
        var outputBytes: Int
        var outputFiles: Int
    }

    static func roster(_ count: Int) -> String {
        "id,name\n" + (1...count).map { String(format: "s%04d,Student %d\n", $0, $0) }.joined()
    }

    func run() throws -> [Build] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-roster-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: chapters, to: root.appendingPathComponent("Chapters"))
        let settings = chapters.deletingLastPathComponent().appendingPathComponent("labbook.yml")
        if FileManager.default.fileExists(atPath: settings.path) {
            try FileManager.default.copyItem(at: settings, to: root.appendingPathComponent("labbook.yml"))
        }
        var builds: [Build] = []
        for count in [students, students + 1] {
            let roster = root.appendingPathComponent("roster-\(count).csv")
            try Data(Self.roster(count).utf8).write(to: roster)
            var options = BuildOptions(
                chapters: root.appendingPathComponent("Chapters"), output: root.appendingPathComponent("Output"),
                cache: root.appendingPathComponent("cache"), jobs: jobs, displayPrefix: "Chapters/")
            options.edition = .student
            options.roster = roster
            options.trainingBudgetMinutes = 24 * 60
            let report = try Builder(options: options).build()
            let sizes = SyntheticCourseBench.bytes(under: options.output)
            builds.append(
                Build(
                    students: count, report: report, outputBytes: sizes.values.reduce(0, +),
                    outputFiles: Self.files(under: options.output)))
        }
        return builds
    }

    static func files(under folder: URL) -> Int {
        var count = 0
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { count += 1 }
        }
        return count
    }
}
