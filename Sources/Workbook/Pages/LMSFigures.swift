import Foundation

extension LMSQuestionWriter {
    /// The figures questions refer to with `{ref}` (in any field), by place anchor, each with
    /// the stem of its file and the alt text the workbook gives it.
    static func referencedFigures(_ plan: BookPlan) -> [(place: FigurePlace, ownerID: String, kind: FigureKind)] {
        var anchors = Set<String>()
        for chapter in plan.chapters {
            for case .question(let question) in chapter.blocks {
                for snippet in question.fields.values {
                    for case .figure(let place) in snippet.roles { anchors.insert(place.anchor) }
                }
            }
        }
        var found: [(FigurePlace, String, FigureKind)] = []
        for id in plan.figures.keys.sorted() {
            for figure in plan.figures[id] ?? [] where anchors.contains(figure.place.anchor) {
                found.append((figure.place, id, figure.kind))
            }
        }
        return found
    }

    /// The alt text of a figure, as its page gives it (``PanelFigureHTML``, ``SiteWriter``).
    static func altText(ownerID: String, kind: FigureKind, plan: BookPlan, results: BookResults, label: String?) -> String {
        for chapter in plan.chapters {
            for block in chapter.blocks where block.id == ownerID {
                let alt: String
                switch block {
                case .experiment(let spec):
                    alt =
                        FigureDescription(
                            ownerID: "experiment \(spec.id)", authorCaption: spec.caption, display: spec.display,
                            panels: ResultPanel.panels(of: spec, results: results[spec.id]), kind: kind
                        ).altText
                case .comparison(let spec):
                    let experiments = spec.experimentIDs.compactMap { plan.experiments[$0]?.spec }
                    alt =
                        FigureDescription(
                            ownerID: "the comparison of \(spec.experimentIDs.joined(separator: ", "))", authorCaption: spec.caption,
                            display: spec.display, panels: ResultPanel.panels(of: spec, experiments: experiments, results: results),
                            kind: kind
                        ).altText
                case .dataset(let spec):
                    alt =
                        spec.caption
                        ?? SiteWriter(plan: plan, results: results, figures: [:], edition: .instructor).defaultDataCaption(spec)
                case .activations(let spec):
                    alt = spec.caption ?? "Activation functions (solid) and their derivatives (dashed)."
                case .question, .invalid:
                    continue
                }
                return label.map { alt + " " + $0.prefix(1).uppercased() + $0.dropFirst() + "." } ?? alt
            }
        }
        return "Figure of \(ownerID)"
    }
}
