import Foundation

/// Names, sizes and modification times of the chapter files and of the files in folders under
/// them (own data sets, `dataset: data/points.csv`): polled, so it works the same on every file
/// system without inotify.
struct ChapterFingerprint: Equatable {
    var entries: [String] = []

    /// The folder's files and, after them, each of `files` (absent ones too: one may appear).
    init(folder: URL, files: [URL] = []) {
        let fm = FileManager.default
        let names = (fm.subpaths(atPath: folder.path) ?? []).filter { path in
            !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        for name in names.sorted() {
            let attributes = try? fm.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            entries.append("\(name)|\(size)|\(modified)")
        }
        for file in files {
            let attributes = try? fm.attributesOfItem(atPath: file.path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            entries.append("\(file.path)|\(size)|\(modified)")
        }
    }
}
