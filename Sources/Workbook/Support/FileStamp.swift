import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's identity and last change as `stat` gives them, without reading the file: what
/// the source watcher compares between polls, what an `ETag` is made of, and what lets a
/// long-running process (`labbook serve`) skip re-reading a file it has already checked.
///
/// The change time (`ctime`) is part of it because no one can set it: any write, rename into
/// place, `touch -d` or `utimes` moves it to the present, where a modification time can be
/// put back by hand. Two equal stamps therefore mean that the file was not touched between them.
public struct FileStamp: Equatable, Sendable {
    public var inode: UInt64
    public var size: Int64
    public var seconds: Int
    public var nanoseconds: Int
    public var changeSeconds: Int
    public var changeNanoseconds: Int
    /// A regular file (not a folder, device or, with `followingSymlinks: false`, a symlink).
    public var isRegularFile: Bool

    /// Nil when the file cannot be stat'ed (gone, or not readable). A symlink is followed
    /// unless `followingSymlinks` is false; then the stamp is the link's own.
    public init?(path: String, followingSymlinks: Bool = true) {
        var info = stat()
        guard (followingSymlinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        let change = info.st_ctimespec
        #else
        let time = info.st_mtim
        let change = info.st_ctim
        #endif
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        seconds = Int(time.tv_sec)
        nanoseconds = Int(time.tv_nsec)
        changeSeconds = Int(change.tv_sec)
        changeNanoseconds = Int(change.tv_nsec)
        isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
    }
}
