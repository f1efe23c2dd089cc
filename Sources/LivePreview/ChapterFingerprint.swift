import Foundation
import Workbook

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Names, sizes and modification times of the chapter files and of the files in folders under
/// them (own data sets, `dataset: data/points.csv`): polled, so it works the same on every file
/// system without inotify. Read with `stat` (in nanoseconds), not Foundation's attribute
/// dictionaries, since it runs twenty times a second for as long as the preview is open.
struct ChapterFingerprint: Equatable {
    var entries: [String] = []

    /// The folder's files and, after them, each of `files` (absent ones too: one may appear).
    init(folder: URL, files: [URL] = []) {
        let names = (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { path in
            !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        for name in names.sorted() {
            entries.append("\(name)|\(Self.sizeAndTime(folder.path + "/" + name))")
        }
        for file in files {
            entries.append("\(file.path)|\(Self.sizeAndTime(file.path))")
        }
    }

    /// `size|seconds.nanoseconds` of the file (following symlinks), `-1|0` when there is none.
    static func sizeAndTime(_ path: String) -> String {
        guard let stamp = FileStamp(path: path) else { return "-1|0" }
        return "\(stamp.size)|\(stamp.seconds).\(stamp.nanoseconds)"
    }
}
