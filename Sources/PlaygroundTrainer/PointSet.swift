/// An author's own points (`dataset: data/points.csv`), already read and checked: positions
/// inside the Playground's ±6 plane, labels ±1 (classification) or numbers (regression).
///
/// It is part of the training configuration, so the run key covers it; `sha256` (of the file's
/// bytes) makes a one-byte change of the file a new key even where the parsed numbers would
/// not change (e.g. a comment or a trailing zero).
public struct PointSet: Hashable, Codable, Sendable {
    /// Which set a row belongs to when the file has a `split` column.
    public enum Split: String, Hashable, Codable, Sendable {
        case train, test
    }

    public struct Row: Hashable, Codable, Sendable {
        public var x: Double
        public var y: Double
        public var label: Double
        /// The row's set, or nil when the file has no `split` column.
        public var split: Split?

        public init(x: Double, y: Double, label: Double, split: Split? = nil) {
            self.x = x
            self.y = y
            self.label = label
            self.split = split
        }
    }

    /// The path as the chapter wrote it (relative to the chapters folder), for pages and messages.
    public var path: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// The rows in file order (after rescaling, when asked for).
    public var rows: [Row]
    public var isRegression: Bool
    /// The factor the positions were multiplied by to fit the ±6 plane (`rescale: true`), or nil.
    public var scale: Double?

    public init(path: String, sha256: String, rows: [Row], isRegression: Bool, scale: Double? = nil) {
        self.path = path
        self.sha256 = sha256
        self.rows = rows
        self.isRegression = isRegression
        self.scale = scale
    }

    /// Whether the file assigns every row to a set (then `train-ratio` does not apply).
    public var hasSplit: Bool { rows.first?.split != nil }

    /// The file name without folders, for captions: `points.csv`.
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }
}
