import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// Reads `Chapters/*.md` (sorted by file name) and analyses every chapter, collecting every
/// problem of every file before anything is trained.
public enum BookLoader {
    public static func load(chaptersFolder: URL, displayPrefix: String, edition: Edition = .instructor) throws -> BookPlan {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: chaptersFolder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError.missingChapters(chaptersFolder.path)
        }
        let names = try fm.contentsOfDirectory(atPath: chaptersFolder.path)
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        var sources: [(String, String, String)] = []
        for name in names {
            let url = chaptersFolder.appendingPathComponent(name)
            guard let data = fm.contents(atPath: url.path) else { throw BuildError.unreadable(url.path) }
            guard let text = String(data: data, encoding: .utf8) else {
                throw BuildError.notUTF8(displayPrefix + name)
            }
            sources.append((name, displayPrefix + name, edition == .student ? removingInstructorOnly(text) : text))
        }
        return analyse(sources: sources)
    }

    /// Analyses chapter texts given as (file name, display path, text).
    public static func analyse(sources: [(name: String, displayPath: String, text: String)]) -> BookPlan {
        var collector = DiagnosticCollector()
        var chapters: [PlannedChapter] = []
        var experiments: [String: (chapter: Int, spec: ExperimentSpec)] = [:]
        var ids: [String: SourceLocation] = [:]

        for (position, source) in sources.enumerated() {
            let (document, parseDiagnostics) = ChapterSource.parse(text: source.text, path: source.displayPath)
            collector.append(contentsOf: parseDiagnostics)
            var analyzer = DirectiveAnalyzer()
            let stem = (source.name as NSString).deletingPathExtension
            var blocks: [PlannedBlock] = []
            var counters: [String: Int] = [:]
            for directive in document.directives {
                counters[directive.name, default: 0] += 1
                let defaultID = "\(stem)-\(directive.name)-\(counters[directive.name]!)"
                var block = PlannedBlock.invalid
                switch directive.name {
                case "experiment":
                    if let spec = analyzer.experiment(directive) { block = .experiment(spec) }
                case "activations":
                    if let spec = analyzer.activations(directive, defaultID: defaultID) { block = .activations(spec) }
                case "dataset":
                    if let spec = analyzer.dataset(directive, defaultID: defaultID) { block = .dataset(spec) }
                case "question":
                    if let spec = analyzer.question(directive, defaultID: defaultID) { block = .question(spec) }
                default:
                    break  // unknown names are reported by the parser
                }
                if let id = block.id {
                    if let first = ids[id] {
                        analyzer.diagnostics.error(
                            "duplicate ID '\(id)'; it was first used at \(first)", at: directive.location)
                    } else {
                        ids[id] = directive.location
                    }
                }
                if case .experiment(let spec) = block, experiments[spec.id] == nil {
                    experiments[spec.id] = (chapters.count, spec)
                }
                blocks.append(block)
            }
            collector.append(contentsOf: analyzer.diagnostics.diagnostics)
            let front = document.frontMatter
            let number = front?.chapter ?? (position + 1)
            let title = document.title ?? stem
            let instructorOnly = front?.fields["edition"] == "instructor" || front?.fields["instructor-only"] == "true"
            chapters.append(
                PlannedChapter(
                    displayPath: source.displayPath, pageName: stem + ".html", document: document,
                    number: number, title: title, blocks: blocks, instructorOnly: instructorOnly))
        }

        let figures = numberFigures(chapters)
        var plan = BookPlan(chapters: chapters, diagnostics: [], experiments: experiments, figures: figures)
        var references = ReferenceChecker(plan: plan)
        references.check()
        collector.append(contentsOf: references.diagnostics.diagnostics)
        plan.diagnostics = collector.sorted
        return plan
    }

    /// Blanks the lines between `<!-- instructor-only -->` and `<!-- /instructor-only -->`
    /// (keeping the line count, so diagnostics still point at the right lines).
    static func removingInstructorOnly(_ text: String) -> String {
        var inside = false
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: " \t\r")
            if trimmed == "<!-- instructor-only -->" { inside = true; lines.append(""); continue }
            if trimmed == "<!-- /instructor-only -->" { inside = false; lines.append(""); continue }
            lines.append(inside ? "" : line)
        }
        return lines.joined(separator: "\n")
    }

    /// Numbers figures per chapter in page order: `chapter.k`.
    static func numberFigures(_ chapters: [PlannedChapter]) -> [String: [(kind: String, place: FigurePlace)]] {
        var result: [String: [(kind: String, place: FigurePlace)]] = [:]
        for (c, chapter) in chapters.enumerated() {
            var k = 0
            for block in chapter.blocks {
                guard let id = block.id else { continue }
                for kind in block.figureKinds {
                    k += 1
                    let place = FigurePlace(chapterIndex: c, label: "\(chapter.number).\(k)", anchor: "fig-\(id)-\(kind)")
                    result[id, default: []].append((kind, place))
                }
            }
        }
        return result
    }
}

extension PlannedBlock {
    public var id: String? {
        switch self {
        case .experiment(let s): s.id
        case .activations(let s): s.id
        case .dataset(let s): s.id
        case .question(let s): s.id
        case .invalid: nil
        }
    }

    /// The figures the block draws, in page order.
    public var figureKinds: [String] {
        switch self {
        case .experiment(let s): s.figureKinds.map(\.rawValue)
        case .activations: ["activations"]
        case .dataset: ["data"]
        case .question, .invalid: []
        }
    }
}

/// Errors that stop a build before it starts.
public enum BuildError: Error, CustomStringConvertible {
    case missingChapters(String)
    case unreadable(String)
    case notUTF8(String)

    public var description: String {
        switch self {
        case .missingChapters(let path): "no chapters folder at \(path) (pass --chapters DIR)"
        case .unreadable(let path): "cannot read \(path)"
        case .notUTF8(let path): "\(path):1:1: error: the file is not UTF-8 text"
        }
    }
}
