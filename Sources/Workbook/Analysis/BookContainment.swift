import Foundation

/// The rule every file a build reads follows: it is read only when its real path (symbolic links
/// resolved) lies inside the book folder, the one holding `Chapters/` and `labbook.yml`.
///
/// Git keeps symbolic links, so a cloned course could hold `Chapters/02-notes.md -> /etc/hostname`
/// and publish the builder's files into the pages, the handout and the search index.
enum BookContainment {
    /// Nil when `file` really lies inside `bookFolder`; otherwise why not, naming the link and its
    /// real target (`it is a symbolic link to ../../outside/notes.txt, really /srv/outside/notes.txt`).
    static func escape(of file: URL, bookFolder: URL) -> String? {
        let book = RealPath.of(bookFolder)
        let real = RealPath.of(file)
        guard !RealPath.isInside(real, book) else { return nil }
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)).map { TerminalText.escaped($0) }
        let really = TerminalText.escaped(real)
        let plain = RealPath.of(file) == file.standardizedFileURL.path
        let how =
            target.map { $0 == really ? "it is a symbolic link to \($0)" : "it is a symbolic link to \($0), really \(really)" }
            ?? (plain ? "it is \(really)" : "it leads through a symbolic link to \(really)")
        return "\(how), outside the book folder \(TerminalText.escaped(book))"
    }

    /// The hint every such error gives.
    static let hint =
        "copy the file into the book folder: a book reads only its own files, so a cloned book cannot publish other files of the machine that builds it"
}
