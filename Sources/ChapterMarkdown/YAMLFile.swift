/// A whole YAML file read into a located mapping, for settings files beside the chapters
/// (`labbook.yml`): the same reader, positions and messages as front matter and directive bodies.
public enum YAMLFile {
    /// The file's top-level mapping (empty for an empty file), or nil with diagnostics at
    /// `file:line:col` when it is malformed or not a mapping.
    public static func mapping(
        _ text: String, file: String, what: String, into diagnostics: inout DiagnosticCollector
    ) -> YAMLMapping? {
        let reader = YAMLReader(file: file, firstLine: 1, columnOffset: 0, what: what)
        switch reader.read(text, into: &diagnostics) {
        case .empty:
            return YAMLMapping(location: SourceLocation(file: file, line: 1, column: 1))
        case .failed:
            return nil
        case .value(.mapping(let mapping)):
            return mapping
        case .value(let other):
            diagnostics.error(
                "\(what) must be a mapping of 'key: value' lines, found \(other.kindDescription)", at: other.location, id: .notAMapping)
            return nil
        }
    }
}
