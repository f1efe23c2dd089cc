import ChapterMarkdown
import Foundation

/// The book's own settings, from `labbook.yml` beside `Chapters/`: what the cover, the index and
/// every page's title say, and defaults applied to every experiment as if written in it.
public struct BookSettings: Sendable, Hashable {
    public static let fileName = "labbook.yml"
    public static let defaultTitle = "Neural networks in the Playground"

    public var title = BookSettings.defaultTitle
    public var subtitle: String?
    public var authors: [String] = []
    /// The pages' `lang`, e.g. `en` or `de-CH`.
    public var language = "en"
    /// The course the book serves, e.g. "Introduction to machine learning, spring term"; on the
    /// handout's cover.
    public var course: String?
    /// Experiment keys applied to every experiment (and `student` to every comparison) unless
    /// the experiment writes the key itself; checked once, here.
    public var defaults: [YAMLMapping.Entry] = []

    public init() {}

    static let keys = ["title", "subtitle", "authors", "language", "course", "defaults"]
    /// Keys `defaults` may set: every training setting but a Playground link (a link belongs to
    /// one experiment), and the display keys that make sense book-wide.
    static var defaultKeys: [String] {
        // `cells` belongs to one data set: as a default it would be an error in every other experiment.
        SettingKey.allCases.filter { $0.spec.isBookDefault }.map(\.rawValue)
            + ["show", "show-test-data", "discretize", "log-scale", "axes", StudentRole.key, "playground-hide"]
    }

    /// The `student` default, when `defaults` sets one.
    var studentDefault: StudentRole? {
        defaults.first { $0.key == StudentRole.key }.flatMap { $0.value.scalar.flatMap { StudentRole(rawValue: $0.text) } }
    }

    /// Reads `labbook.yml` from `folder` (a missing file gives the defaults). Problems are
    /// diagnostics at `DISPLAY:LINE:COL`, like those of chapters.
    public static func load(folder: URL, displayPath: String) -> (settings: BookSettings, diagnostics: [Diagnostic]) {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return (BookSettings(), []) }
        var collector = DiagnosticCollector()
        if let escape = BookContainment.escape(of: url, bookFolder: folder) {
            collector.error(
                "\(fileName) is not read: \(escape)", at: SourceLocation(file: displayPath, line: 1, column: 1),
                hint: BookContainment.hint, id: .outsideBook)
            return (BookSettings(), collector.diagnostics)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            collector.error("cannot read the file", at: SourceLocation(file: displayPath, line: 1, column: 1), id: .unreadableFile)
            return (BookSettings(), collector.diagnostics)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let bad = BookLoader.firstInvalidUTF8(in: data, file: displayPath)
            collector.error("the file is not UTF-8 text", at: bad, hint: "save it as UTF-8", id: .notUTF8, end: bad.advanced(by: 1))
            return (BookSettings(), collector.diagnostics)
        }
        return parse(text, displayPath: displayPath)
    }

    /// Parses the text of a settings file.
    public static func parse(_ text: String, displayPath: String) -> (settings: BookSettings, diagnostics: [Diagnostic]) {
        var collector = DiagnosticCollector()
        var settings = BookSettings()
        guard let mapping = YAMLFile.mapping(text, file: displayPath, what: fileName, into: &collector) else {
            return (settings, DiagnosticRanges.complete(collector.diagnostics, texts: [displayPath: text]))
        }
        func textValue(_ entry: YAMLMapping.Entry) -> String? {
            guard let scalar = entry.value.scalar, !scalar.isNull, !scalar.text.isEmpty else {
                collector.error("\(entry.key) takes text, found \(entry.value.kindDescription)", at: entry.value.location, id: .wrongType)
                return nil
            }
            return scalar.text
        }
        for entry in mapping.entries {
            switch entry.key {
            case "title": settings.title = textValue(entry) ?? settings.title
            case "subtitle": settings.subtitle = textValue(entry)
            case "course": settings.course = textValue(entry)
            case "language":
                guard let language = textValue(entry) else { continue }
                if language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                    language.first?.isLetter == true
                {
                    settings.language = language
                } else {
                    collector.error(
                        "language '\(language)' is not a language tag", at: entry.value.location,
                        hint: "valid: a tag such as en, de or de-CH", id: .badValue, end: entry.value.end)
                }
            case "authors":
                if let scalar = entry.value.scalar, !scalar.isNull {
                    settings.authors = [scalar.text]
                } else if let items = entry.value.sequence {
                    for item in items {
                        if let scalar = item.scalar {
                            settings.authors.append(scalar.text)
                        } else {
                            collector.error(
                                "authors takes a list of names, found \(item.kindDescription)", at: item.location, id: .wrongType)
                        }
                    }
                } else {
                    collector.error(
                        "authors takes a list of names, e.g. [Ada Lovelace, Alan Turing]", at: entry.value.location, id: .wrongType)
                }
            case "defaults":
                settings.defaults = checkedDefaults(entry, into: &collector)
            default:
                collector.error(
                    "unknown key '\(entry.key)' in \(fileName)", at: entry.keyLocation,
                    hint: suggestion(for: entry.key, among: keys).map { "did you mean '\($0)'?" }
                        ?? "valid keys: \(keys.joined(separator: ", "))", id: .unknownKey, end: entry.keyEnd)
            }
        }
        return (settings, DiagnosticRanges.complete(collector.diagnostics, texts: [displayPath: text]))
    }

    /// The `defaults` entries, each checked by the rules of an experiment's own keys; an entry
    /// with a problem is reported here once and left out.
    static func checkedDefaults(_ entry: YAMLMapping.Entry, into collector: inout DiagnosticCollector) -> [YAMLMapping.Entry] {
        guard let mapping = entry.value.mapping else {
            collector.error(
                "defaults takes experiment keys with values, e.g.\n  defaults:\n    seeds: 5\n    student: worksheet",
                at: entry.value.location, id: .notAMapping)
            return []
        }
        var kept: [YAMLMapping.Entry] = []
        for item in mapping.entries {
            guard defaultKeys.contains(item.key) else {
                collector.error(
                    "'\(item.key)' cannot be a book-wide default", at: item.keyLocation,
                    hint: suggestion(for: item.key, among: defaultKeys).map { "did you mean '\($0)'?" }
                        ?? "valid: \(defaultKeys.joined(separator: ", "))", id: .notADefault, end: item.keyEnd)
                continue
            }
            // Checked as the one key of an experiment, so messages and rules are the experiment's.
            var analyzer = DirectiveAnalyzer()
            let probe = Directive(
                name: "experiment", argument: "defaults", body: YAMLMapping(entries: [item], location: item.keyLocation),
                rawBody: "", location: item.keyLocation, bodyStartLine: item.keyLocation.line, index: 0)
            if analyzer.experiment(probe) == nil {
                collector.append(
                    contentsOf: analyzer.diagnostics.diagnostics.map {
                        var d = $0
                        d.message = "defaults: " + d.message
                        return d
                    })
            } else {
                kept.append(item)
            }
        }
        return kept
    }
}
