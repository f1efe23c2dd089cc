import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// Reads `Chapters/*.md` (sorted by file name) and analyses every chapter, collecting every
/// problem of every file — unreadable or non-UTF-8 files included — before anything is trained.
public enum BookLoader {
    /// Roles a chapter may use: `{value}` (a number with its qualifier), `{number}` (the bare
    /// number) and `{ref}` (a link to a figure).
    static let roleNames = ["value", "number", "ref", "check"]
    static let directiveNames = ["experiment", "compare", "activations", "dataset", "question"]

    public static func load(chaptersFolder: URL, displayPrefix: String, edition: Edition = .instructor) -> BookPlan {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: chaptersFolder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return BookPlan(
                chapters: [],
                diagnostics: [
                    .error("no chapters folder at \(chaptersFolder.path)", at: nil, hint: "pass --chapters DIR", id: .noChaptersFolder)
                ],
                experiments: [:], figures: [:])
        }
        var collector = DiagnosticCollector()
        let names = ((try? fm.contentsOfDirectory(atPath: chaptersFolder.path)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        var sources: [(String, String, String)] = []
        for name in names {
            let display = displayPrefix + name
            let start = SourceLocation(file: display, line: 1, column: 1)
            guard name.unicodeScalars.allSatisfy(Self.isPlainFileNameCharacter) else {
                collector.error(
                    "the chapter file name '\(name)' has characters a page address cannot carry plainly", at: start,
                    hint: "rename it using letters a–z, A–Z, digits, '-', '_' and '.' (e.g. 03-xor.md)", id: .badFileName)
                continue
            }
            let file = chaptersFolder.appendingPathComponent(name)
            if let escape = BookContainment.escape(of: file, bookFolder: chaptersFolder.deletingLastPathComponent()) {
                collector.error("the chapter is not read: \(escape)", at: start, hint: BookContainment.hint, id: .outsideBook)
                continue
            }
            guard let data = fm.contents(atPath: file.path) else {
                collector.error("cannot read the file", at: start, id: .unreadableFile)
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                let bad = firstInvalidUTF8(in: data, file: display)
                collector.error(
                    "the file is not UTF-8 text", at: bad,
                    hint: "save it as UTF-8 (most editors: File › Save with Encoding › UTF-8)", id: .notUTF8,
                    end: bad.advanced(by: 1))
                continue
            }
            sources.append((name, display, text))
        }
        let (settings, settingsDiagnostics) = BookSettings.load(
            folder: chaptersFolder.deletingLastPathComponent(), displayPath: settingsDisplayPath(displayPrefix))
        collector.append(contentsOf: settingsDiagnostics)
        // Both editions are analysed (no training yet, so this is cheap): every problem of either
        // is reported by every build, and one that only one edition has says which.
        let pointFiles = PointFileLoader(chaptersFolder: chaptersFolder, displayPrefix: displayPrefix)
        let parsed = sources.map { parse(text: $0.2, displayPath: $0.1) }
        let full = analyse(sources: sources, settings: settings, parsed: parsed, pointFiles: pointFiles)
        // The student text differs only where a chapter marks instructor-only parts; every other
        // chapter's parse is reused, so a large chapter is parsed once, not once per edition.
        let studentSources = sources.map { ($0.0, $0.1, removingInstructorOnly($0.2)) }
        let studentParsed = zip(studentSources, zip(sources, parsed)).map { student, instructor in
            student.2 == instructor.0.2 ? instructor.1 : parse(text: student.2, displayPath: student.1)
        }
        let student = analyse(
            sources: studentSources, settings: settings, edition: .student, fullPlan: full, parsed: studentParsed,
            pointFiles: pointFiles)
        collector.append(contentsOf: mergedDiagnostics(instructor: full.diagnostics, student: student.diagnostics))
        for source in sources { collector.append(contentsOf: ValueUnitCheck.warnings(text: source.2, path: source.1)) }
        var plan = edition == .student ? student : full
        // Ends from the texts as written (the instructor's), once both editions are merged.
        let texts = Dictionary(sources.map { ($0.1, $0.2) }, uniquingKeysWith: { first, _ in first })
        plan.diagnostics = DiagnosticRanges.complete(collector.sorted, texts: texts)
        return plan
    }

    /// `labbook.yml` as diagnostics show it: beside the chapters folder (`Chapters/` → `labbook.yml`).
    static func settingsDisplayPath(_ displayPrefix: String) -> String {
        var folder = displayPrefix
        while folder.hasSuffix("/") { folder.removeLast() }
        let parent = (folder as NSString).deletingLastPathComponent
        return parent.isEmpty ? BookSettings.fileName : parent + "/" + BookSettings.fileName
    }

    /// The diagnostics of both editions: those both have once, an error only one has with the
    /// edition named in its message.
    static func mergedDiagnostics(instructor: [Diagnostic], student: [Diagnostic]) -> [Diagnostic] {
        let inStudent = Set(student)
        let inInstructor = Set(instructor)
        var merged: [Diagnostic] = []
        for diagnostic in instructor {
            merged.append(inStudent.contains(diagnostic) ? diagnostic : tagged(diagnostic, .instructor))
        }
        for diagnostic in student where !inInstructor.contains(diagnostic) {
            merged.append(tagged(diagnostic, .student))
        }
        return merged
    }

    static func tagged(_ diagnostic: Diagnostic, _ edition: Edition) -> Diagnostic {
        guard diagnostic.severity == .error else { return diagnostic }
        var tagged = diagnostic
        tagged.message += " (in the \(edition.rawValue) edition only)"
        return tagged
    }

    static func isPlainFileNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_" || scalar == "."
    }

    /// The line and column of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(in data: Data, file: String) -> SourceLocation {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + length
            let valid =
                length > 0 && end <= bytes.count
                && String(validating: bytes[index..<end], as: UTF8.self) != nil
            if !valid {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return SourceLocation(file: file, line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = end
            }
            index = end
        }
        return SourceLocation(file: file, line: line, column: 1)
    }

    /// Analyses chapter texts given as (file name, display path, text).
    public static func analyse(
        sources: [(name: String, displayPath: String, text: String)], settings: BookSettings = BookSettings(),
        edition: Edition = .instructor, fullPlan: BookPlan? = nil, parsed: [ParsedChapter]? = nil,
        pointFiles: PointFileLoader? = nil
    ) -> BookPlan {
        var collector = DiagnosticCollector()
        var chapters: [PlannedChapter] = []
        var experiments: [String: (chapter: Int, spec: ExperimentSpec)] = [:]
        var ids: [String: SourceLocation] = [:]
        var invalidIDs: Set<String> = []

        for (position, source) in sources.enumerated() {
            let (document, parseDiagnostics) =
                parsed?[position] ?? parse(text: source.text, displayPath: source.displayPath)
            collector.append(contentsOf: parseDiagnostics)
            var analyzer = DirectiveAnalyzer()
            analyzer.defaults = settings.defaults
            analyzer.pointFiles = pointFiles
            let stem = (source.name as NSString).deletingPathExtension
            var blocks: [PlannedBlock] = []
            var counters: [String: Int] = [:]
            for directive in document.directives {
                counters[directive.name, default: 0] += 1
                let defaultID = "\(stem.replacingOccurrences(of: ".", with: "-"))-\(directive.name)-\(counters[directive.name]!)"
                var block = PlannedBlock.invalid
                switch directive.name {
                case "experiment":
                    if let spec = analyzer.experiment(directive) { block = .experiment(spec) }
                case "compare":
                    if let spec = analyzer.comparison(directive) { block = .comparison(spec) }
                case "activations":
                    if let spec = analyzer.activations(directive, defaultID: defaultID) { block = .activations(spec) }
                case "dataset":
                    if let spec = analyzer.dataset(directive, defaultID: defaultID) { block = .dataset(spec) }
                case "question":
                    if let spec = analyzer.question(directive, defaultID: defaultID) {
                        block = .question(PlannedQuestion(spec: spec))
                    }
                default:
                    break  // unknown names are reported by the parser
                }
                if case .invalid = block, let written = directive.argument?.trimmingCharacters(in: " \t"), !written.isEmpty {
                    invalidIDs.insert(written)
                }
                if let id = block.id {
                    if let first = ids[id] {
                        analyzer.diagnostics.error(
                            "duplicate ID '\(id)'; it was first used at \(first)", at: directive.location, id: .duplicateID)
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
                    number: number, title: title, blocks: blocks, roles: [], instructorOnly: instructorOnly))
        }

        var plan = BookPlan(chapters: chapters, diagnostics: [], experiments: experiments, figures: [:])
        plan.edition = edition
        plan.settings = settings
        plan.invalidIDs = invalidIDs
        plan.worksheets = WorksheetRule.worksheets(in: chapters)
        // Drawn settings make sense only where each student does the runs themselves.
        for (_, entry) in plan.experiments where !entry.spec.perStudent.isEmpty && !plan.worksheets.contains(entry.spec.id) {
            collector.error(
                "per-student: '\(entry.spec.id)' shows its results to every student, so nothing is drawn per student",
                at: entry.spec.perStudent[0].location, hint: "make it a worksheet (student: worksheet) or remove per-student",
                id: .settingsConflict)
        }
        collector.append(contentsOf: WorksheetLeaks.check(plan))
        for (index, chapter) in chapters.enumerated() {
            for block in chapter.blocks {
                guard let id = block.id, plan.blocks[id] == nil else { continue }
                plan.blocks[id] = BookPlan.BlockEntry(chapterIndex: index, kinds: block.figureKinds)
            }
        }
        plan.figures = numberFigures(chapters) { block in
            guard let id = block.id, plan.isWorksheet(id) else { return block.figureKinds }
            return block.figureKinds.filter { $0 == .data }  // a worksheet shows its data, not its results
        }
        var resolver = ReferenceResolver(plan: plan, fullPlan: fullPlan)
        plan.chapters = resolver.resolveAll()
        collector.append(contentsOf: resolver.diagnostics.diagnostics)
        plan.diagnostics = collector.sorted
        return plan
    }

    /// A chapter's document and the parser's diagnostics.
    public typealias ParsedChapter = (document: ChapterDocument, diagnostics: [Diagnostic])

    /// Parsed once per text in a process: `labbook serve` loads the book at every save, and
    /// the chapters not edited are the same texts again (a pure function of the text and path;
    /// the memory is emptied past 256 texts).
    static func parse(text: String, displayPath: String) -> ParsedChapter {
        let key = [displayPath, text]
        if let known = parsedTexts.get()[key] { return known }
        let parsed = ChapterSource.parse(text: text, path: displayPath, directiveNames: directiveNames, roleNames: roleNames)
        parsedTexts.update { memory in
            if memory.count >= 256 { memory = [:] }
            memory[key] = parsed
        }
        return parsed
    }

    private static let parsedTexts = Locked<[[String]: ParsedChapter]>([:])

    /// Blanks the lines between `<!-- instructor-only -->` and `<!-- /instructor-only -->`
    /// (keeping the line count, so diagnostics still point at the right lines).
    static func removingInstructorOnly(_ text: String) -> String {
        guard text.utf8.contains(0x3C), text.contains("instructor-only -->") else { return text }
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

    /// Numbers the figures this edition shows per chapter in page order: `chapter.k`.
    static func numberFigures(
        _ chapters: [PlannedChapter], shown: (PlannedBlock) -> [FigureKind] = \.figureKinds
    ) -> [String: [PlannedFigure]] {
        var result: [String: [PlannedFigure]] = [:]
        for (c, chapter) in chapters.enumerated() {
            var k = 0
            for block in chapter.blocks {
                guard let id = block.id else { continue }
                for kind in shown(block) {
                    k += 1
                    let place = FigurePlace(chapterIndex: c, label: "\(chapter.number).\(k)", anchor: "fig-\(id)-\(kind.rawValue)")
                    result[id, default: []].append(PlannedFigure(kind: kind, place: place))
                }
            }
        }
        return result
    }
}
