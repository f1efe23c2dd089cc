import Foundation

/// Builds a new output folder beside the old one and swaps it in only at the end, so a
/// failed, interrupted or killed build leaves the previous `Output/` exactly as it was.
///
/// The swap is two renames: `Output` → `.Output.old`, then the staging folder → `Output`. A
/// kill between the two leaves no `Output/` but a whole `.Output.old`; the next build restores
/// it first thing (``recover(destination:)``), before it deletes anything. Runs under the
/// ``BookLock``, so no other build's staging folder is ever touched.
///
/// Files go into the staging folder through ``writer``, which hard-links every file whose
/// bytes the published `Output/` already holds: a rebuild writes only what changed, and the
/// swap publishes the old inodes of the rest. Nothing published is ever written to, so a
/// kill at any moment still leaves the old tree or the new one.
struct OutputTransaction {
    let destination: URL
    let staging: URL
    let aside: URL
    let writer: OutputWriter

    /// The points of ``commit(interruptedAfter:)`` where a test can stop it, as a kill would.
    enum Step: Sendable { case stagingComplete, movedAside }

    /// `memory` (`labbook serve`) lets the writer know unchanged published files without reading them.
    init(destination: URL, memory: OutputMemory? = nil) throws(FileError) {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).building")
        aside = parent.appendingPathComponent(".\(name).old")
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        let published = fm.fileExists(atPath: self.destination.path, isDirectory: &isFolder) && isFolder.boolValue
        writer = OutputWriter(
            staging: staging, previous: published ? self.destination : nil, destination: self.destination, memory: memory)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            // Under the lock, a staging folder can only be a killed build's leftover.
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try FolderGuard.markOutput(staging, writer: writer)
        } catch {
            throw FileError.wrapping(error, path: staging.path, doing: "prepare the output folder")
        }
    }

    /// Restores an `Output/` left aside by a build killed between its two renames, and drops an
    /// aside copy that a finished commit did not get to delete. Returns what it did, if anything.
    static func recover(destination: URL) -> String? {
        let fm = FileManager.default
        let destination = destination.standardizedFileURL
        let aside = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old")
        guard fm.fileExists(atPath: aside.path) else { return nil }
        if !fm.fileExists(atPath: destination.path) {
            if (try? fm.moveItem(at: aside, to: destination)) != nil {
                return "note: restored \(destination.lastPathComponent)/ from an interrupted build"
            }
            return nil
        }
        try? fm.removeItem(at: aside)
        return nil
    }

    /// Moves the staged folder into place. Files the project keeps in Output/ (regular dotfiles
    /// such as `.gitkeep`; never symlinks) are carried over, linked like unchanged files.
    /// `interruptedAfter` stops the commit at that step and leaves everything as a kill there
    /// would (for tests). `published` is called as soon as the new folder is in place, before
    /// the old one is deleted (`serve` tells open pages to reload then: deleting a few hundred
    /// files took a tenth of a second under load).
    func commit(interruptedAfter stop: Step? = nil, published: () -> Void = {}) throws(FileError) {
        let fm = FileManager.default
        if let kept = try? fm.contentsOfDirectory(atPath: destination.path) {
            for name in kept where name.hasPrefix(".") {
                let source = destination.appendingPathComponent(name)
                let target = staging.appendingPathComponent(name)
                guard OutputWriter.regularFileSize(source.path) != nil, !fm.fileExists(atPath: target.path) else { continue }
                if link(source.path, target.path) != 0 { try? fm.copyItem(at: source, to: target) }
            }
        }
        if stop == .stagingComplete { return }
        let hadOld = fm.fileExists(atPath: destination.path)
        do {
            if hadOld { try fm.moveItem(at: destination, to: aside) }
            if stop == .movedAside { return }
            try fm.moveItem(at: staging, to: destination)
        } catch {
            if hadOld && !fm.fileExists(atPath: destination.path) { try? fm.moveItem(at: aside, to: destination) }
            throw FileError.wrapping(error, path: destination.path, doing: "replace the output folder")
        }
        published()
        if hadOld { try? fm.removeItem(at: aside) }
        writer.finishPublishing()
    }

    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }
}
