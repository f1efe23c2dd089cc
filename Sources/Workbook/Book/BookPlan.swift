import ChapterMarkdown
import Foundation
import PlaygroundTrainer

/// A directive after analysis.
public enum PlannedBlock: Sendable, Hashable {
    case experiment(ExperimentSpec)
    case activations(ActivationsSpec)
    case dataset(DatasetSpec)
    case question(QuestionSpec)
    /// A directive that failed analysis (only present in plans with errors).
    case invalid
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
    /// Whether the front matter marks the chapter instructor-only.
    public var instructorOnly: Bool
}

/// A figure's place in the book: the chapter page and its number there.
public struct FigurePlace: Sendable, Hashable {
    public var chapterIndex: Int
    public var label: String  // "12.3"
    public var anchor: String  // "fig-xor-relu-loss"
}

/// The whole book after parsing and analysis, before any training.
public struct BookPlan: Sendable {
    public var chapters: [PlannedChapter]
    public var diagnostics: [Diagnostic]
    /// Every experiment by ID, with its chapter.
    public var experiments: [String: (chapter: Int, spec: ExperimentSpec)]
    /// Figures by directive id (experiment, dataset or activations), in page order.
    public var figures: [String: [(kind: String, place: FigurePlace)]]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
