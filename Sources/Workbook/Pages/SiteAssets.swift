import Foundation

/// Writes the workbook's static assets under `assets/` of an output folder: KaTeX (copied from
/// the system's libjs-katex, so pages work offline from file:// with no CDN) and Labbook's own
/// stylesheet and script (Swift string constants, so no resource bundle is needed).
///
/// Deterministic: the same installation gives the same files byte for byte. A file whose
/// contents are already right is not rewritten, so an unchanged rebuild keeps its timestamps.
public struct SiteAssets: Sendable, Hashable {
    /// Debian's libjs-katex, then the npm layout some distributions ship.
    public static let defaultKaTeXDirectories: [URL] = [
        URL(fileURLWithPath: "/usr/share/javascript/katex", isDirectory: true),
        URL(fileURLWithPath: "/usr/share/nodejs/katex/dist", isDirectory: true),
    ]

    // Output paths, relative to the output folder; the page templates link exactly these.
    public static let katexStylesheetPath = "assets/katex/katex.min.css"
    public static let katexScriptPath = "assets/katex/katex.min.js"
    public static let autoRenderScriptPath = "assets/katex/contrib/auto-render.min.js"
    public static let katexFontsPath = "assets/katex/fonts"
    public static let stylesheetPath = "assets/labbook.css"
    public static let scriptPath = "assets/labbook.js"

    /// In `<head>` order: KaTeX's rules first so ours can adjust them.
    static let stylesheetPaths = [katexStylesheetPath, stylesheetPath, editionsStylesheetPath]
    /// In execution order (all `defer`): labbook.js needs both KaTeX scripts.
    static let scriptPaths = [katexScriptPath, autoRenderScriptPath, scriptPath]

    /// Folders searched in order for a KaTeX installation.
    public var katexDirectories: [URL]

    public init(katexDirectories: [URL] = SiteAssets.defaultKaTeXDirectories) {
        self.katexDirectories = katexDirectories
    }

    /// Writes every asset under `outputDirectory` (created if needed) and returns the paths
    /// written, relative to it and sorted, e.g. for a build summary or to spot stale files.
    @discardableResult
    public func write(to outputDirectory: URL) throws(SiteAssetsError) -> [String] {
        let files = try contents()
        for file in files {
            try Self.write(file.contents, to: outputDirectory.appendingPathComponent(file.path))
        }
        return files.map(\.path)
    }

    /// Writes every asset into a build's staging folder through `writer`, which reuses the
    /// published copy of each one that has not changed (all of them, unless KaTeX or Labbook was
    /// upgraded).
    func write(to outputDirectory: URL, writer: OutputWriter) throws {
        for file in try contents() {
            let url = outputDirectory.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try writer.write(file.contents, to: url)
        }
    }

    /// Every asset's path (relative to the output folder) and bytes, sorted by path.
    func contents() throws(SiteAssetsError) -> [(path: String, contents: Data)] {
        let katex = try locateKaTeX()
        var files: [(path: String, contents: Data)] = [
            (Self.stylesheetPath, Data(Self.writtenStylesheet.utf8)),
            (Self.editionsStylesheetPath, Data(Self.editionsStylesheet.utf8)),
            (Self.scriptPath, Data(Self.writtenScript.utf8)),
            (Self.katexStylesheetPath, try Self.read(katex.stylesheet)),
            (Self.katexScriptPath, try Self.read(katex.script)),
            (Self.autoRenderScriptPath, try Self.read(katex.autoRender)),
        ]
        // KaTeX's stylesheet lists woff2 first: every browser that reads woff2 (all current
        // ones) never loads the woff or ttf copy of the same font, so those are left out.
        let woff2Names = Set(katex.fonts.filter { $0.pathExtension == "woff2" }.map { $0.deletingPathExtension().lastPathComponent })
        for font in katex.fonts
        where font.pathExtension == "woff2" || !woff2Names.contains(font.deletingPathExtension().lastPathComponent) {
            files.append((Self.katexFontsPath + "/" + font.lastPathComponent, try Self.read(font)))
        }
        files.sort { $0.path < $1.path }
        return files
    }

    /// The source files of one KaTeX installation.
    struct KaTeXInstallation: Sendable, Hashable {
        var stylesheet: URL
        var script: URL
        var autoRender: URL
        /// Regular files of `fonts/`, sorted by name.
        var fonts: [URL]
    }

    /// The first folder in `katexDirectories` that holds KaTeX. Debian ships the minified
    /// code under the plain names (`katex.min.js` is a symlink to `katex.js`, and there is
    /// only `contrib/auto-render.js`), so each file is looked for as `.min` first, then plain.
    func locateKaTeX() throws(SiteAssetsError) -> KaTeXInstallation {
        let fileManager = FileManager.default
        for directory in katexDirectories {
            let directory = directory.resolvingSymlinksInPath()
            guard let script = Self.firstFile(in: directory, named: ["katex.min.js", "katex.js"]) else { continue }
            guard
                let stylesheet = Self.firstFile(in: directory, named: ["katex.min.css", "katex.css"]),
                let autoRender = Self.firstFile(
                    in: directory, named: ["contrib/auto-render.min.js", "contrib/auto-render.js"])
            else {
                throw .incompleteKaTeX(directory: directory.path, missing: "katex.min.css or contrib/auto-render")
            }
            let fontsDirectory = directory.appendingPathComponent("fonts").resolvingSymlinksInPath()
            let names = (try? fileManager.contentsOfDirectory(atPath: fontsDirectory.path)) ?? []
            let fonts = names.sorted()
                .filter { !$0.hasPrefix(".") }
                .map { fontsDirectory.appendingPathComponent($0) }
                .filter { Self.isRegularFile($0) }
            guard !fonts.isEmpty else {
                // libjs-katex depends on fonts-katex, which provides the folder's target.
                throw .incompleteKaTeX(directory: directory.path, missing: "fonts/ (package fonts-katex)")
            }
            return KaTeXInstallation(stylesheet: stylesheet, script: script, autoRender: autoRender, fonts: fonts)
        }
        throw .katexNotInstalled(searched: katexDirectories.map(\.path))
    }

    private static func firstFile(in directory: URL, named names: [String]) -> URL? {
        names.lazy.map { directory.appendingPathComponent($0) }.first { isRegularFile($0) }
    }

    /// True for a regular file, following symlinks (Debian's KaTeX files may be links).
    private static func isRegularFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        let path = url.resolvingSymlinksInPath().path
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Reads through symlinks, so the output gets the file's contents, never a link.
    private static func read(_ url: URL) throws(SiteAssetsError) -> Data {
        do {
            return try Data(contentsOf: url.resolvingSymlinksInPath())
        } catch {
            throw .readFailed(path: url.path, reason: error.localizedDescription)
        }
    }

    private static func write(_ data: Data, to url: URL) throws(SiteAssetsError) {
        if let existing = try? Data(contentsOf: url), existing == data { return }
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Atomic replaces a symlink left at `url` instead of writing through it.
            try data.write(to: url, options: .atomic)
        } catch {
            throw .writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}

/// Why the assets could not be written; each message says what to do about it.
public enum SiteAssetsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// None of the folders holds `katex.min.js` or `katex.js`.
    case katexNotInstalled(searched: [String])
    /// KaTeX's script is there but another part is missing.
    case incompleteKaTeX(directory: String, missing: String)
    case readFailed(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .katexNotInstalled(let searched):
            "KaTeX is not installed (looked in \(searched.joined(separator: ", "))); "
                + "install Debian's libjs-katex package: apt-get install libjs-katex"
        case .incompleteKaTeX(let directory, let missing):
            "the KaTeX installation in \(directory) has no \(missing); "
                + "reinstall it: apt-get install --reinstall libjs-katex fonts-katex"
        case .readFailed(let path, let reason):
            "cannot read \(path): \(reason)"
        case .writeFailed(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}
