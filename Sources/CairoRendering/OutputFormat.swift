/// The file formats figures render to.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// Raster at 2× pixel density (device scale 2).
    case png
    /// Vector, in px units, with deterministic element ids.
    case svg
    /// Vector, 1 canvas unit = 1 pt, with pinned metadata dates.
    case pdf

    /// The format for a file extension such as "png" or ".SVG"; `nil` if unknown.
    public init?(fileExtension: String) {
        var lowered = fileExtension.lowercased()
        if lowered.hasPrefix(".") { lowered.removeFirst() }
        self.init(rawValue: lowered)
    }

    /// The format for a path by its extension, e.g. "figures/loss.pdf".
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(fileExtension: String(path[path.index(after: dot)...]))
    }

    public var fileExtension: String { rawValue }

    public var mimeType: String {
        switch self {
        case .png: return "image/png"
        case .svg: return "image/svg+xml"
        case .pdf: return "application/pdf"
        }
    }
}
