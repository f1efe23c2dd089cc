import Foundation

/// A page's element tree, parsed by Python's own HTML parser (`scripts/html-tree.py`), so a
/// test can say "the question block holds an answer" instead of searching the page's source
/// for a substring: attribute order, whitespace and nesting then cannot make a test pass or
/// fail by accident.
public final class HTMLElement: Sendable {
    public let tag: String
    public let attributes: [String: String]
    /// Elements and text, in document order.
    public let children: [HTMLChild]

    init(tag: String, attributes: [String: String], children: [HTMLChild]) {
        self.tag = tag
        self.attributes = attributes
        self.children = children
    }

    public var id: String? { attributes["id"] }
    public var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
    public func hasClass(_ name: String) -> Bool { classes.contains(name) }

    /// The text inside, as a browser's `textContent`.
    public var text: String {
        children.map { child in
            switch child {
            case .text(let text): text
            case .element(let element): element.text
            }
        }.joined()
    }

    public var elementChildren: [HTMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// Every element inside, depth first in document order (not this one).
    public var descendants: [HTMLElement] {
        elementChildren.flatMap { [$0] + $0.descendants }
    }

    /// The elements inside with this tag (any tag if nil) and all of these classes.
    public func all(_ tag: String? = nil, class names: String...) -> [HTMLElement] {
        descendants.filter { element in
            (tag == nil || element.tag == tag) && names.allSatisfy(element.hasClass)
        }
    }

    /// The element inside with this `id`.
    public func element(id: String) -> HTMLElement? {
        descendants.first { $0.id == id }
    }
}

public enum HTMLChild: Sendable {
    case text(String)
    case element(HTMLElement)
}

public enum HTMLDocument {
    /// Parses the pages (one Python process for all of them) and returns each one's root.
    public static func parse(_ pages: [URL]) throws -> [URL: HTMLElement] {
        guard !pages.isEmpty else { return [:] }
        let script = repositoryRoot.appendingPathComponent("scripts/html-tree.py")
        let result = try Labbook.process(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path] + pages.map(\.path))
        guard result.status == 0 else { throw ParseFailure(message: "html-tree.py exited with \(result.status): \(result.error)") }
        guard let trees = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] else {
            throw ParseFailure(message: "html-tree.py printed no object")
        }
        var roots: [URL: HTMLElement] = [:]
        for page in pages {
            guard let tree = trees[page.path] as? [String: Any] else { throw ParseFailure(message: "no tree for \(page.path)") }
            roots[page] = element(tree)
        }
        return roots
    }

    public static func parse(_ page: URL) throws -> HTMLElement {
        try parse([page])[page]!
    }

    static func element(_ json: [String: Any]) -> HTMLElement {
        let children = (json["children"] as? [Any] ?? []).map { child -> HTMLChild in
            if let text = child as? String { return .text(text) }
            return .element(element(child as? [String: Any] ?? [:]))
        }
        return HTMLElement(
            tag: json["tag"] as? String ?? "", attributes: json["attrs"] as? [String: String] ?? [:], children: children)
    }

    public struct ParseFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}

extension HTMLElement {
    /// The text inside, leaving out elements with any of these tags, or with class `className`
    /// (e.g. maths typeset by KaTeX, code an author shows on purpose).
    public func textOutside(_ tags: Set<String>, orClass className: String? = nil) -> String {
        children.map { child in
            switch child {
            case .text(let text):
                return text
            case .element(let element):
                if tags.contains(element.tag) { return " " }
                if let className, element.hasClass(className) { return " " }
                return element.textOutside(tags, orClass: className)
            }
        }.joined()
    }
}
