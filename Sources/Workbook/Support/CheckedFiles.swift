import Foundation

/// Files a long-running process (`labbook serve`) has read and found sound, each with its
/// ``FileStamp`` from just before that reading. While every stamp of a group is unchanged the
/// files hold the bytes that were checked, so the next build skips reading and checksumming
/// them again: a cached figure's four formats are about 0.4 MB, read at every rebuild before.
///
/// A stamp is taken before the reading and again after it, and the group is remembered only
/// when both agree: a file replaced while it was read is read again next time.
public final class CheckedFiles: Sendable {
    private let stamps = Locked<[String: [FileStamp]]>([:])

    public init() {}

    /// Whether `paths` were checked together and none of them changed since.
    func unchanged(_ paths: [String]) -> Bool {
        guard let remembered = stamps.get()[paths.joined(separator: "\n")] else { return false }
        return remembered == paths.compactMap { FileStamp(path: $0, followingSymlinks: false) }
    }

    /// The current stamps of `paths`, to pass to ``remember(_:stampedBefore:)`` after checking them.
    func stamps(of paths: [String]) -> [FileStamp]? {
        let all = paths.compactMap { FileStamp(path: $0, followingSymlinks: false) }
        return all.count == paths.count && all.allSatisfy(\.isRegularFile) ? all : nil
    }

    /// Remembers `paths` as checked, if their stamps are still those taken before the check.
    func remember(_ paths: [String], stampedBefore before: [FileStamp]) {
        guard stamps(of: paths) == before else { return }
        stamps.update { $0[paths.joined(separator: "\n")] = before }
    }
}
