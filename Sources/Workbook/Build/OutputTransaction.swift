import Foundation

/// Builds a new output folder beside the old one and swaps it in only at the end, so a
/// failed, interrupted or killed build leaves the previous `Output/` exactly as it was.
struct OutputTransaction {
    let destination: URL
    let staging: URL

    init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).building-\(ProcessInfo.processInfo.processIdentifier)")
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        // Leftovers of killed builds are only ever staging folders: safe to remove.
        if let entries = try? fm.contentsOfDirectory(atPath: parent.path) {
            for name in entries where name.hasPrefix(".\(self.destination.lastPathComponent).building-") || name.hasPrefix(".\(self.destination.lastPathComponent).old-") {
                try? fm.removeItem(at: parent.appendingPathComponent(name))
            }
        }
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Moves the staged folder into place: rename the old one aside, rename the new one in,
    /// then delete the old one. Files the project keeps in Output/ (dotfiles such as
    /// `.gitkeep`) are carried over.
    func commit() throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        if let kept = try? fm.contentsOfDirectory(atPath: destination.path) {
            for name in kept where name.hasPrefix(".") {
                try? fm.copyItem(at: destination.appendingPathComponent(name), to: staging.appendingPathComponent(name))
            }
        }
        let old = parent.appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        let hadOld = fm.fileExists(atPath: destination.path)
        if hadOld { try fm.moveItem(at: destination, to: old) }
        do {
            try fm.moveItem(at: staging, to: destination)
        } catch {
            if hadOld { try? fm.moveItem(at: old, to: destination) }
            throw error
        }
        if hadOld { try? fm.removeItem(at: old) }
    }

    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }
}
