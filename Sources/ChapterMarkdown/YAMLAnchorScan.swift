// Yams' own libyaml module: Yams composes a document in one call, so the event stream it
// is built from is read here directly. It is part of the Yams package (no other dependency).
import CYaml

/// Finds YAML anchors (`&name`) and aliases (`*name`) before anything is composed.
///
/// An alias is a reference: nine nested lists of nine aliases are 9⁹ values when expanded, so
/// a few hundred bytes of front matter could take gigabytes (and Yams hashes mapping keys
/// recursively while composing). Chapters never need references, so the first anchor or alias
/// is refused, found by libyaml's event parser, which reads each event once and expands nothing.
enum YAMLAnchorScan {
    struct Finding {
        /// 1-based, in the snippet.
        var line: Int
        var column: Int
        var isAlias: Bool
        var name: String
    }

    /// The first anchor or alias in `yaml`, or `nil` (also when the YAML is malformed:
    /// composing it then reports the syntax error).
    static func firstReference(in yaml: String) -> Finding? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Finding? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let anchor: UnsafeMutablePointer<yaml_char_t>?
                switch event.type {
                case YAML_STREAM_END_EVENT: return nil
                case YAML_ALIAS_EVENT: anchor = event.data.alias.anchor
                case YAML_SCALAR_EVENT: anchor = event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT: anchor = event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT: anchor = event.data.mapping_start.anchor
                default: anchor = nil
                }
                if let anchor {
                    return Finding(
                        line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                        isAlias: event.type == YAML_ALIAS_EVENT, name: String(cString: anchor))
                }
            }
            return nil
        }
    }
}
