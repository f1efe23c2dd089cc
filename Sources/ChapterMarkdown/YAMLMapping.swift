/// A YAML mapping that keeps the author's key order and every key's location.
///
/// Order matters for determinism (sweeps and tables follow the order written) and
/// locations let the compiler say `ch03.md:14:3: unknown key 'lerning_rate'`.
public struct YAMLMapping: Sendable, Hashable {
    /// One `key: value` pair.
    public struct Entry: Sendable, Hashable {
        public var key: String
        /// Location of the key's first character in the chapter file.
        public var keyLocation: SourceLocation
        public var value: YAMLValue
        /// Just past the key as written, when known (a plain key): the end of diagnostics about
        /// the key, such as an unknown key. Nil leaves the end to ``DiagnosticRanges``.
        public var keyEnd: SourceLocation?

        public init(key: String, keyLocation: SourceLocation, value: YAMLValue, keyEnd: SourceLocation? = nil) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
            self.keyEnd = keyEnd
        }
    }

    /// Entries in the order written. Keys are unique (duplicates are diagnosed and dropped).
    public var entries: [Entry]
    /// Where the mapping starts (for an empty body: the line after the opening fence).
    public var location: SourceLocation

    public init(entries: [Entry] = [], location: SourceLocation) {
        self.entries = entries
        self.location = location
    }

    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// The value for `key`, or `nil` when absent.
    public subscript(key: String) -> YAMLValue? { entry(key)?.value }

    /// The entry (key location included) for `key`, or `nil` when absent.
    public func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }
}
