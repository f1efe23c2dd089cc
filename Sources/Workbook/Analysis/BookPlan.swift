import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// A directive after analysis.
public enum PlannedBlock: Sendable, Hashable {
    case experiment(ExperimentSpec)
    case activations(ActivationsSpec)
    case dataset(DatasetSpec)
    case question(PlannedQuestion)
    case comparison(ComparisonSpec)
    /// A directive that failed analysis (only present in plans with errors).
    case invalid
}

/// Markdown from inside a directive (a question's prompt, choices, answer), parsed once during
/// analysis with its inline roles resolved.
public struct PlannedSnippet: Sendable, Hashable {
    public var document: ChapterDocument
    public var roles: [ResolvedRole]
}

/// A question with its Markdown fields parsed and resolved (filled in by ``ReferenceResolver``).
public struct PlannedQuestion: Sendable, Hashable {
    public var spec: QuestionSpec
    public var fields: [QuestionSpec.Part: PlannedSnippet] = [:]
    /// A numeric question's answer (``NumericAnswer``), resolved.
    public var numeric: ResolvedNumeric? = nil

    public var prompt: PlannedSnippet? { fields[.prompt] }
    public var answer: PlannedSnippet? { fields[.answer] }
    public var explanation: PlannedSnippet? { fields[.explanation] }
    public func choice(_ index: Int) -> PlannedSnippet? { fields[.choice(index)] }
}

/// What an inline role stands for, decided once during analysis; page writing only looks it up.
public enum ResolvedRole: Sendable, Hashable {
    /// `{value}` / `{number}`: a number from one experiment's runs.
    case value(ResolvedValue)
    /// `{check}`: a claim evaluated after training; prints nothing.
    case claim(ResolvedClaim)
    /// `{ref}` to a figure.
    case figure(FigurePlace)
    /// `{ref}` to an experiment without figures.
    case experiment(chapterIndex: Int, id: String)
    /// A role naming content this edition leaves out (an instructor-only block in the student
    /// edition): valid in the book, shown as a blank.
    case withheld
    /// A role that could not be resolved (only in plans with errors); shown as written.
    case unresolved(String)
}

/// A `{value}` role resolved to its experiment, the combinations it reads and the metric.
public struct ResolvedValue: Sendable, Hashable {
    public var experimentID: String
    /// Indices into the experiment's combinations that the selectors pick (all without selectors).
    public var combinations: [Int]
    public var metric: ValueMetric
    /// `{number}`: the bare number, for sentences that already say what it is.
    public var plain: Bool
    /// `[seed=3]` (when the seed is not varied) and `[reset=2]`: the values of those runs only.
    public var runSeed: String? = nil
    public var runReset: Int? = nil
    /// For `weight`: the link `x1 → 1.2`; for `bias`: the node `1.2` (canonical ``NodeName``s).
    public var node: String? = nil
    /// Set when this edition shows a blank to fill in instead of the number ("____ epochs"):
    /// the value of a worksheet, or of an experiment the edition leaves out.
    public var blank: String? = nil
}

/// One chapter, parsed and analysed.
public struct PlannedChapter: Sendable {
    /// As shown in diagnostics, e.g. `Chapters/12-gauss.md`.
    public var displayPath: String
    /// The page's file name, e.g. `12-gauss.html`.
    public var pageName: String
    public var document: ChapterDocument
    /// Front matter `chapter`, else the position in the book.
    public var number: Int
    public var title: String
    /// One per directive of `document.directives`, same order.
    public var blocks: [PlannedBlock]
    /// One per inline role of `document.inlineRoles`, same order.
    public var roles: [ResolvedRole]
    /// Whether the front matter marks the chapter instructor-only.
    public var instructorOnly: Bool
}

/// A figure's place in the book: the chapter page and its number there.
public struct FigurePlace: Sendable, Hashable {
    public var chapterIndex: Int
    public var label: String  // "12.3"
    public var anchor: String  // "fig-xor-relu-loss"
}

/// A figure of a directive with its place.
public struct PlannedFigure: Sendable, Hashable {
    public var kind: FigureKind
    public var place: FigurePlace
}

/// The whole book after parsing and analysis, before any training.
public struct BookPlan: Sendable {
    public var chapters: [PlannedChapter]
    public var diagnostics: [Diagnostic]
    /// Every experiment by ID, with its chapter.
    public var experiments: [String: (chapter: Int, spec: ExperimentSpec)]
    /// Figures by directive ID (experiment, dataset or activations), in page order; only those
    /// this edition shows (a worksheet's result figures are not in the student edition).
    public var figures: [String: [PlannedFigure]]
    /// The edition this plan was analysed for.
    public var edition: Edition = .instructor
    /// IDs of experiments and comparisons that are worksheets in the student edition (the rule
    /// is ``WorksheetRule``); the instructor edition shows them with their results.
    public var worksheets: Set<String> = []
    /// Every directive by ID: its chapter and every figure it draws in the instructor edition.
    public var blocks: [String: BlockEntry] = [:]
    /// The book's settings (`labbook.yml`).
    public var settings = BookSettings()
    /// IDs written on directives that could not be analysed (a bad key, an unreadable data
    /// file). Their errors are reported at the directive; a reference to one is not reported
    /// again as naming nothing (one bad key once added four such errors).
    public var invalidIDs: Set<String> = []

    /// A directive's chapter and all its figure kinds.
    public struct BlockEntry: Sendable, Hashable {
        public var chapterIndex: Int
        public var kinds: [FigureKind]
    }

    /// Whether this edition shows the block as a worksheet: setup and a blank table, no results.
    public func isWorksheet(_ id: String) -> Bool { edition == .student && worksheets.contains(id) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Every experiment in page order.
    public var experimentsInOrder: [ExperimentSpec] {
        chapters.flatMap(\.blocks).compactMap { block in
            if case .experiment(let spec) = block { return spec }
            return nil
        }
    }
}

extension PlannedBlock {
    public var id: String? {
        switch self {
        case .experiment(let s): s.id
        case .activations(let s): s.id
        case .dataset(let s): s.id
        case .question(let q): q.spec.id
        case .comparison(let s): s.id
        case .invalid: nil
        }
    }

    /// The figures the block draws, in page order.
    public var figureKinds: [FigureKind] {
        switch self {
        case .experiment(let s): s.figures
        case .comparison(let s): s.figures
        case .activations: [.activations]
        case .dataset: [.data]
        case .question, .invalid: []
        }
    }
}
