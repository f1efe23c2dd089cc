import ChapterMarkdown
import Foundation

/// Everything a chapter's body HTML is made from, split in two so that `labbook serve` can
/// reuse a body when neither part changed (``PageMemory``):
///
/// - ``Chapter``: the chapter itself (its parsed document, blocks and roles, title and place)
///   and which rendering (the page's or the handout's);
/// - ``Book``: what the body reads of the rest of the book — the edition, the worksheets and
///   every chapter's page name, and for each ID the chapter names (its own blocks', the
///   experiments its comparisons, values, answers and references name) that experiment's
///   spec, figures, results, rendered figures (files and sizes) and downloads.
///
/// ``SiteWriter/chapterBody(chapterIndex:vector:handout:)`` reads nothing else (it is a pure
/// function of these values), so a body remembered for equal inputs is the body a clean build
/// writes. A prose edit changes only its chapter, and only that chapter is rendered again; a
/// setting edit changes one experiment, and only the chapters that name it are rendered
/// again. (Source locations are part of the specs, so an edit that moves an experiment's lines
/// renders its chapter again, which it does anyway.) The IDs are collected by exhaustive
/// switches over blocks and roles: a new kind of either must say what it names.
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
        var pageNames: [String]
        var experiments: [String: Experiment]
        var figures: [String: [PlannedFigure]]
        var results: [String: [CombinationResults]]
        var rendered: [String: RenderedFigure]
        var downloads: [String: ExperimentDownloads]

        struct Experiment: Equatable {
            var chapter: Int
            var spec: ExperimentSpec
        }
    }

    /// The IDs whose experiments, figures, results and downloads a chapter's body may read.
    static func namedIDs(_ chapter: PlannedChapter) -> Set<String> {
        var ids = Set<String>()
        func add(_ role: ResolvedRole) {
            switch role {
            case .value(let value): ids.insert(value.experimentID)
            case .experiment(_, let id): ids.insert(id)
            case .figure, .claim, .withheld, .unresolved: break
            }
        }
        chapter.roles.forEach(add)
        for block in chapter.blocks {
            if let id = block.id { ids.insert(id) }
            switch block {
            case .comparison(let spec): ids.formUnion(spec.experimentIDs)
            case .question(let question):
                for snippet in question.fields.values { snippet.roles.forEach(add) }
                if let numeric = question.numeric { ids.insert(numeric.value.experimentID) }
            case .experiment, .dataset, .activations, .invalid: break
            }
        }
        return ids
    }
}

extension SiteWriter {
    /// What a chapter's body reads outside the chapter (``ChapterBodyInputs/Book``).
    func bodyInputs(outside chapterIndex: Int) -> ChapterBodyInputs.Book {
        let ids = ChapterBodyInputs.namedIDs(plan.chapters[chapterIndex])
        let prefixes = ids.map { $0 + "-" }
        return ChapterBodyInputs.Book(
            edition: edition, planEdition: plan.edition, worksheets: plan.worksheets, pageNames: plan.chapters.map(\.pageName),
            experiments: plan.experiments.filter { ids.contains($0.key) }.mapValues { .init(chapter: $0.chapter, spec: $0.spec) },
            figures: plan.figures.filter { ids.contains($0.key) }, results: results.experiments.filter { ids.contains($0.key) },
            rendered: figures.filter { stem in prefixes.contains { stem.key.hasPrefix($0) } },
            downloads: downloads.filter { ids.contains($0.key) })
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
            && a.data.elementsEqual(b.data) {
                $0.file == $1.file && $0.combination == $1.combination && $0.seed == $1.seed && $0.trainCount == $1.trainCount
                    && $0.testCount == $1.testCount
            }
            && a.runs.elementsEqual(b.runs) {
                $0.combination == $1.combination && $0.name == $1.name && $0.status == $1.status && $0.epochsRun == $1.epochsRun
                    && $0.json == $1.json && $0.losses == $1.losses && $0.data == $1.data
            }
            && a.files.elementsEqual(b.files) { $0.name == $1.name && $0.bytes == $1.bytes }
    }
}
