import CCmarkGFM

/// Registers cmark-gfm's core extensions exactly once.
///
/// `cmark_gfm_core_extensions_ensure_registered` guards itself with an unsynchronised
/// static flag; a `static let` initialiser runs once under `swift_once`, which makes
/// concurrent chapter parsing safe.
private enum CmarkExtensions {
    static let registered: Void = { cmark_gfm_core_extensions_ensure_registered() }()
}

/// Owns one cmark-gfm parser and the document it produced.
///
/// cmark handles are untyped `OpaquePointer`s and not Sendable, so they never leave this
/// module: a chapter is parsed, edited and rendered to a string inside one call, and
/// only value types escape.
final class CmarkTree {
    /// GFM extensions every chapter gets.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    /// Raw HTML passes through as written (`UNSAFE`); footnotes are on.
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES

    private let parser: OpaquePointer
    let root: OpaquePointer
    /// Nodes taken out of the tree by ``replace(_:with:literal:)``. They are freed with the
    /// tree, never earlier: node lists collected before an edit may still hold them, and a
    /// freed node read through such a list is a use-after-free.
    private var detached: [OpaquePointer] = []

    /// Block-level extensions only: what a pass that looks at block structure needs. The
    /// inline extensions (autolink above all, which walks the whole tree afterwards) cost
    /// time and change no block.
    static let blockExtensionNames = ["table", "tasklist"]

    init(markdown: String, extensions: [String] = CmarkTree.extensionNames) {
        _ = CmarkExtensions.registered
        let parser: OpaquePointer = cmark_parser_new(Self.options)
        for name in extensions {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        self.parser = parser
        self.root = cmark_parser_finish(parser)
    }

    deinit {
        for node in detached { cmark_node_free(node) }
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// All nodes in document order (pre-order). Collected first so callers may edit the
    /// tree afterwards; cmark forbids edits while an iterator walks it.
    func nodesInOrder() -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { result.append(node) }
        }
        return result
    }

    /// Block nodes in document order, without walking into paragraphs, headings or table
    /// cells: the passes that only look at blocks skip the (many more) inline nodes.
    func blocksInOrder() -> [CmarkNode] {
        var result: [CmarkNode] = []
        var stack: [CmarkNode] = [CmarkNode(pointer: root)]
        while let node = stack.popLast() {
            result.append(node)
            guard node.holdsBlocks else { continue }
            stack.append(contentsOf: node.children.reversed())
        }
        return result
    }

    /// Merges adjacent text nodes so `{value}` is never split across two of them.
    func consolidateText() {
        cmark_consolidate_text_nodes(root)
    }

    /// Replaces `node` by a new node of `type` holding `literal`. The old node is unlinked
    /// and kept until the tree is freed, so every ``CmarkNode`` collected earlier stays
    /// valid memory (it just no longer belongs to the document).
    func replace(_ node: CmarkNode, with type: cmark_node_type, literal: String) {
        guard let replacement = cmark_node_new(type) else { return }
        cmark_node_set_literal(replacement, literal)
        cmark_node_replace(node.pointer, replacement)
        detached.append(node.pointer)
    }

    func renderHTML() -> String {
        guard let html = cmark_render_html(root, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(html) }
        return String(cString: html)
    }
}

/// Thin, typed accessors over a `cmark_node*`.
struct CmarkNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var isCodeBlock: Bool { type == CMARK_NODE_CODE_BLOCK }
    var isHTMLBlock: Bool { type == CMARK_NODE_HTML_BLOCK }
    var isHeading: Bool { type == CMARK_NODE_HEADING }
    var isText: Bool { type == CMARK_NODE_TEXT }
    var isCode: Bool { type == CMARK_NODE_CODE }
    var isFencedCode: Bool { fence != nil }

    /// The opening fence's character (`` ` `` or `~`) and length, for fenced code blocks.
    var fence: (character: Character, length: Int)? {
        guard isCodeBlock else { return nil }
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        guard cmark_node_get_fenced(pointer, &length, &offset, &character) != 0 else { return nil }
        return (Character(Unicode.Scalar(UInt8(bitPattern: character))), Int(length))
    }

    var literal: String {
        cmark_node_get_literal(pointer).map { String(cString: $0) } ?? ""
    }
    /// A link's or image's destination (entities and escapes already decoded by cmark).
    var url: String {
        cmark_node_get_url(pointer).map { String(cString: $0) } ?? ""
    }
    var fenceInfo: String {
        cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? ""
    }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    /// 1-based byte column.
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }
    var parent: CmarkNode? { cmark_node_parent(pointer).map(CmarkNode.init) }
    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }

    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// True for blocks whose children are blocks (document, quote, list, item, footnote
    /// definition, table, table row); false for leaves and for blocks that hold inlines.
    var holdsBlocks: Bool {
        switch type {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM,
            CMARK_NODE_FOOTNOTE_DEFINITION, CMARK_NODE_CUSTOM_BLOCK:
            true
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK,
            CMARK_NODE_THEMATIC_BREAK:
            false
        default:
            // Extension blocks report type strings: a table holds rows, a row holds cells.
            ["table", "table_row"].contains(String(cString: cmark_node_get_type_string(pointer)))
        }
    }

    /// True for block-level nodes (used to find the block that holds an inline).
    var isBlock: Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK,
            CMARK_NODE_IMAGE, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_HTML_INLINE,
            CMARK_NODE_CUSTOM_INLINE, CMARK_NODE_FOOTNOTE_REFERENCE:
            false
        default:
            // Extension inlines (strikethrough) report type strings; treat them as inline.
            String(cString: cmark_node_get_type_string(pointer)) != "strikethrough"
        }
    }

    func setLiteral(_ text: String) {
        cmark_node_set_literal(pointer, text)
    }

    /// Inserts a text node holding `text` as the first child.
    func prependText(_ text: String) {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(node, text)
        cmark_node_prepend_child(pointer, node)
    }
}
