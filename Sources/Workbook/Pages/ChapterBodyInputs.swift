import ChapterMarkdown
import Foundation

/// Everything a chapter's body HTML is made from, split in two so that `labbook serve` can
/// reuse a body when neither part changed (``PageMemory``):
///
/// - ``Chapter``: the chapter itself (its parsed document, blocks and roles, title and place)
///   and which rendering (the page's or the handout's);
/// - ``Book``: what a body may read of the rest of the book — the edition, the worksheets,
///   every experiment's spec and figures, every chapter's page name, the analysis of the
///   results, the rendered figures' files and sizes and the downloads.
///
/// ``SiteWriter/chapterBody(chapterIndex:vector:handout:)`` reads nothing else (it is a pure
/// function of these values), so a body remembered for equal inputs is the body a clean build
/// writes. The book part is compared whole: a prose edit leaves it equal and only the edited
/// chapter is rendered again; an edit that changes a setting, a result or a figure changes it,
/// and every chapter is rendered again. (Source locations are part of the specs, so an edit
/// that moves the lines of an experiment also renders every chapter again: more work, never a
/// stale page.)
enum ChapterBodyInputs {
    struct Chapter: Hashable {
        var document: ChapterDocument
        var blocks: [PlannedBlock]
        var roles: [ResolvedRole]
        var title: String
        var pageName: String
        var index: Int
        var vector: Bool
        var handout: Bool
    }

    struct Book: Equatable {
        var edition: Edition
        var planEdition: Edition
        var worksheets: Set<String>
        var experiments: [String: Experiment]
        var figures: [String: [PlannedFigure]]
        var pageNames: [String]
        var results: [String: [CombinationResults]]
        var rendered: [String: RenderedFigure]
        var downloads: [String: ExperimentDownloads]

        struct Experiment: Equatable {
            var chapter: Int
            var spec: ExperimentSpec
        }
    }
}

extension SiteWriter {
    /// The part of every chapter body's inputs that lies outside the chapter.
    var bodyInputs: ChapterBodyInputs.Book {
        ChapterBodyInputs.Book(
            edition: edition, planEdition: plan.edition, worksheets: plan.worksheets,
            experiments: plan.experiments.mapValues { .init(chapter: $0.chapter, spec: $0.spec) }, figures: plan.figures,
            pageNames: plan.chapters.map(\.pageName), results: results.experiments, rendered: figures, downloads: downloads)
    }

    func bodyInputs(chapterIndex: Int, vector: Bool, handout: Bool) -> ChapterBodyInputs.Chapter {
        let chapter = plan.chapters[chapterIndex]
        return ChapterBodyInputs.Chapter(
            document: chapter.document, blocks: chapter.blocks, roles: chapter.roles, title: chapter.title,
            pageName: chapter.pageName, index: chapterIndex, vector: vector, handout: handout)
    }
}

// Field by field, every field: these values are compared only to decide whether a page made
// from them can be reused.
extension RenderedFigure: Equatable {
    static func == (a: RenderedFigure, b: RenderedFigure) -> Bool {
        a.files == b.files && a.width == b.width && a.height == b.height && a.label == b.label && a.details == b.details
    }
}

extension ExperimentDownloads: Equatable {
    static func == (a: ExperimentDownloads, b: ExperimentDownloads) -> Bool {
        a.experimentID == b.experimentID && a.runsWithheld == b.runsWithheld
            && a.data.elementsEqual(b.data) { $0.file == $1.file && $0.combination == $1.combination && $0.seed == $1.seed && $0.trainCount == $1.trainCount && $0.testCount == $1.testCount }
            && a.runs.elementsEqual(b.runs) { $0.combination == $1.combination && $0.name == $1.name && $0.status == $1.status && $0.epochsRun == $1.epochsRun && $0.json == $1.json && $0.losses == $1.losses && $0.data == $1.data }
            && a.files.elementsEqual(b.files) { $0.name == $1.name && $0.bytes == $1.bytes }
    }
}
