import Foundation
import LabbookTestSupport
import Testing

/// Workbook's folders are its stages, and a stage uses only the stages before it: the rule the
/// README's "Layout" table states, checked here by reading the sources, so a type declared in
/// the wrong folder (a circle between folders) fails a test instead of waiting for a review.
/// A small scan is enough: the top-level types each folder declares, and the capitalised names
/// each file uses outside comments and string literals.
@Suite struct LayeringTests {
    /// The folders of `Sources/Workbook`, in pipeline order: the one place the order is
    /// written. The README's "Layout" table lists them in this order (checked below).
    static let folders = ["Support", "Analysis", "Runs", "Results", "Figures", "Pages", "Compilation"]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sources = root.appendingPathComponent("Sources/Workbook")

    @Test func noFileUsesATypeOfALaterFolder() throws {
        let files = try Self.files()
        let declared = Self.declarations(files)
        var violations: [String] = []
        for file in files {
            let position = Self.folders.firstIndex(of: file.folder)!
            for name in Self.usedNames(in: file.text).sorted() {
                guard let owner = declared[name], let at = Self.folders.firstIndex(of: owner), at > position else { continue }
                violations.append("\(file.folder)/\(file.name) uses \(name), declared in \(owner)/")
            }
        }
        #expect(violations.isEmpty, "a folder uses only the folders before it:\n\(violations.joined(separator: "\n"))")
    }

    @Test func everyFolderHasItsPlaceInTheOrder() throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
        let folders = entries.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".swift") }
        #expect(Set(folders) == Set(Self.folders), "a folder of Sources/Workbook is missing from LayeringTests.folders")
        #expect(entries.filter { $0.hasSuffix(".swift") }.isEmpty, "Swift files outside the stage folders")
    }

    @Test func theReadmeListsTheFoldersInThisOrder() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").compactMap { line -> String? in
            // "| `Support/` | …": the rows of the folder table, and no other table's.
            guard line.hasPrefix("| `"), let slash = line.firstIndex(of: "/"),
                line[line.index(after: slash)...].hasPrefix("` |")
            else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<slash])
        }
        #expect(rows == Self.folders)
    }

    /// The scan sees what it must, or the test above could not fail.
    @Test func theScanFindsDeclarationsAndUses() throws {
        let declared = Self.declarations(try Self.files())
        #expect(declared["RenderedFigure"] == "Figures")
        #expect(declared["Builder"] == "Compilation")
        #expect(declared["BookPlan"] == "Analysis")
        #expect(declared["FigureKind"] == "Analysis")
        #expect(Set(declared.values) == Set(Self.folders))
        let source = """
            public struct Foo: Bar {
                let a: Baz // Comment
                /* Block /* Nested */ */ let b = "Text \\(Interpolated("Inner"))" + #"Raw "Quote" \\(NotCode)"#
            }
            let c = \"\"\"
                Multiline
                \"\"\"
            final class Qux {}
            """
        #expect(Self.usedNames(in: source) == ["Foo", "Bar", "Baz", "Qux"])
        #expect(Self.declarations([SourceFile(folder: "Pages", name: "A.swift", text: source)]) == ["Foo": "Pages", "Qux": "Pages"])
    }

    struct SourceFile {
        var folder: String
        var name: String
        var text: String
    }

    static func files() throws -> [SourceFile] {
        try folders.flatMap { folder in
            let url = sources.appendingPathComponent(folder)
            return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".swift") }.sorted()
                .map { SourceFile(folder: folder, name: $0, text: try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)) }
        }
    }

    /// Each top-level type (struct, enum, class, actor, protocol, typealias) and its folder.
    /// Nested types are reached through their outer type's name.
    static func declarations(_ files: [SourceFile]) -> [String: String] {
        let keywords: Set<Substring> = ["struct", "enum", "class", "actor", "protocol", "typealias"]
        let modifiers: Set<Substring> = ["public", "package", "internal", "fileprivate", "private", "final", "indirect"]
        var declared: [String: String] = [:]
        for file in files {
            for line in stripped(file.text).split(separator: "\n") where !(line.first?.isWhitespace ?? true) {
                let words = line.split(whereSeparator: { " :<{=".contains($0) }).drop { modifiers.contains($0) || $0.hasPrefix("@") }
                guard let keyword = words.first, keywords.contains(keyword), words.count > 1 else { continue }
                declared[String(words[words.index(after: words.startIndex)])] = file.folder
            }
        }
        return declared
    }

    /// The capitalised identifiers of Swift source outside comments and string literals.
    static func usedNames(in text: String) -> Set<String> {
        var names: Set<String> = []
        for word in stripped(text).split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
        where word.first?.isUppercase == true {
            names.insert(String(word))
        }
        return names
    }

    /// Swift source with comments and string literals (raw, multi-line and interpolated ones)
    /// left out; line breaks are kept, so a declaration stays at the start of its line.
    static func stripped(_ text: String) -> String {
        var scanner = SourceScanner(characters: Array(text))
        scanner.code(until: nil)
        return scanner.out
    }

    struct SourceScanner {
        let characters: [Character]
        var index = 0
        var out = ""

        func starts(_ token: String, at offset: Int = 0) -> Bool {
            let token = Array(token)
            return index + offset + token.count <= characters.count
                && characters[(index + offset)..<(index + offset + token.count)].elementsEqual(token)
        }

        /// Code, kept, up to the `)` that closes an interpolation (or the end).
        mutating func code(until close: Character?, keep: Bool = true) {
            var depth = 0
            while index < characters.count {
                let character = characters[index]
                if starts("//") {
                    while index < characters.count && characters[index] != "\n" { index += 1 }
                } else if starts("/*") {
                    comment()
                } else if character == "#" || character == "\"" {
                    var hashes = 0
                    while starts("#", at: hashes) { hashes += 1 }
                    guard starts("\"", at: hashes) else {
                        if keep { out.append(character) }
                        index += 1
                        continue
                    }
                    index += hashes
                    string(hashes: hashes)
                    if keep { out.append(" ") }
                } else {
                    if character == "(" { depth += 1 }
                    if character == ")" {
                        if depth == 0 && close != nil { index += 1; return }
                        depth -= 1
                    }
                    if keep || character == "\n" { out.append(character) }
                    index += 1
                }
            }
        }

        mutating func comment() {
            var depth = 0
            repeat {
                if starts("/*") {
                    depth += 1
                    index += 2
                } else if starts("*/") {
                    depth -= 1
                    index += 2
                } else {
                    if characters[index] == "\n" { out.append("\n") }
                    index += 1
                }
            } while depth > 0 && index < characters.count
        }

        /// A string literal from its opening quote: skipped, interpolations too.
        mutating func string(hashes: Int) {
            let delimiter = starts("\"\"\"") ? "\"\"\"" : "\""
            let terminator = delimiter + String(repeating: "#", count: hashes)
            let escape = "\\" + String(repeating: "#", count: hashes)
            index += delimiter.count
            while index < characters.count && !starts(terminator) {
                if starts(escape + "(") {
                    index += escape.count + 1
                    code(until: ")", keep: false)
                } else if starts(escape) {
                    index += escape.count + 1
                } else {
                    if characters[index] == "\n" { out.append("\n") }
                    index += 1
                }
            }
            index += terminator.count
        }
    }
}
