import Foundation

/// What a long-running process (`labbook serve`) knows of the files its last build published:
/// each file's ``FileStamp`` after that build, and what it holds — the bytes written, or the
/// cache file it is a copy of and that file's stamp. The next build then recognises an
/// unchanged file by comparing bytes in memory and one `stat`, instead of reading `Output/`
/// (28 MB for the seed course) again at every save.
///
/// Trusting a stamp is safe because the change time in it cannot be put back: anything that
/// writes to a published file — an editor, `cp`, `touch -d` — gives it a new stamp, and the
/// file is then compared byte for byte as in a build without memory.
public final class OutputMemory: Sendable {
    enum Content: Equatable, Sendable {
        case bytes(Data)
        case copy(of: String, stamp: FileStamp)
    }

    private struct Entry: Sendable {
        var stamp: FileStamp
        var content: Content
    }

    /// By published path, as of the last build that finished.
    private let published = Locked<[String: Entry]>([:])
    /// By published path, what the build under way has staged, and the bytes that holds.
    private let staged = Locked<(entries: [String: Content], bytes: Int)>(([:], 0))
    /// At most this many bytes of written files are kept; files past it are compared by reading
    /// them, as without a memory. One seed-course site keeps about 8 MB, but a roster's student
    /// editions are a site each (10 MB a student, 3 GB for 300).
    let byteBudget: Int

    public init(byteBudget: Int = 256 << 20) {
        self.byteBudget = byteBudget
    }

    /// Whether the published file at `path` is known to hold `content` and is untouched since.
    func holds(_ path: String, _ content: Content) -> Bool {
        guard let entry = published.get()[path], entry.content == content else { return false }
        return FileStamp(path: path, followingSymlinks: false) == entry.stamp
    }

    /// Notes what the build under way puts at `path` once it is published.
    func stage(_ path: String, _ content: Content) {
        staged.update { staged in
            if case .bytes(let data) = content {
                guard staged.bytes + data.count <= byteBudget else { return }
                staged.bytes += data.count
            }
            staged.entries[path] = content
        }
    }

    /// A build starts: nothing is staged yet.
    func beginStaging() {
        staged.set(([:], 0))
    }

    /// The staged build is in place and the old folder gone (which changed the stamps of the
    /// files the two shared): takes each file's stamp as it is now. What a failed build staged
    /// is dropped by the next ``beginStaging()``.
    func finishPublishing() {
        var entries: [String: Entry] = [:]
        for (path, content) in staged.get().entries {
            guard let stamp = FileStamp(path: path, followingSymlinks: false), stamp.isRegularFile else { continue }
            entries[path] = Entry(stamp: stamp, content: content)
        }
        published.set(entries)
        staged.set(([:], 0))
    }
}
