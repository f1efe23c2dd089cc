import Foundation

/// Names, sizes and modification times of the chapter files: polled, so it works the same on
/// every file system without inotify.
struct ChapterFingerprint: Equatable {
    var entries: [String] = []

    init(folder: URL) {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let attributes = try? fm.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            entries.append("\(name)|\(size)|\(modified)")
        }
    }
}
