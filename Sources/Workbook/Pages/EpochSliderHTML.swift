import ChapterMarkdown
import Foundation

/// The epoch slider of an experiment with snapshots: its boundary (and network) frame at the
/// chosen snapshot, a range input over the snapshot epochs, and the losses at that epoch.
///
/// It is a `<template>`: inert without script (the timeline figure stays the whole story),
/// made live by `labbook.js`, which also hides the timeline image on screen. Print always shows
/// the timeline (the stylesheet hides the slider there). The range input is keyboard-operable
/// (arrows, Home, End) and says its epoch and losses in `aria-valuetext`, announced once per
/// step (the visible status line under it is no live region, which would repeat them).
///
/// A sweep shows every combination side by side, each frame captioned with its combination,
/// its epoch and its losses; the input steps over the snapshot position (see ``SliderFrames``),
/// and its value text names every combination's losses ("epoch 60: seed = 2, training loss
/// 0.066, test loss 0.064; seed = 6, …"). The captions say it on screen, so a sweep's status
/// line is hidden.
struct EpochSliderHTML {
    let ownerID: String
    /// The timeline kinds shown, in slider order (boundary, then network).
    let kinds: [FigureKind]
    let combinations: [SliderFrames.Combination]
    let rendered: [String: RenderedFigure]
    let figurePrefix: String
    /// How alt texts name the experiment (``FigureDescription/subject(caption:title:)``).
    var subject = "this experiment"

    struct Frame: Encodable {
        var text: String
        /// Image key (`boundary`, or `boundary-2` for a sweep's second combination) → image file.
        var images: [String: String] = [:]
        var alts: [String: String] = [:]
        /// A sweep's combination number ("2") → its caption's changing part at this position
        /// ("epoch 60: training loss …", under the combination's title); nil outside a sweep.
        var captions: [String: String]? = nil
    }

    var isSweep: Bool { combinations.first?.index != nil }

    /// As many positions as the combination with the most snapshots has.
    var positionCount: Int { combinations.map(\.epochs.count).max() ?? 0 }

    /// `boundary`, or `boundary-2` for the second combination of a sweep.
    static func imageKey(_ kind: FigureKind, _ combination: SliderFrames.Combination) -> String {
        SliderFrames.frameName(kind) + (combination.index.map { "-\($0 + 1)" } ?? "")
    }

    /// The epoch a combination shows at a slider position: its own snapshot there, or its last
    /// one once it has no more (it stopped early); `held` says which.
    static func epoch(_ combination: SliderFrames.Combination, at position: Int) -> (epoch: Int, held: Bool) {
        (combination.epochs[min(position, combination.epochs.count - 1)], position >= combination.epochs.count)
    }

    func stem(_ kind: FigureKind, _ combination: SliderFrames.Combination, epoch: Int) -> String {
        SliderFrames.stem(ownerID: ownerID, kind: kind, combination: combination.index, epoch: epoch)
    }

    var frames: [Frame]? {
        guard !combinations.isEmpty, combinations.allSatisfy({ !$0.epochs.isEmpty }) else { return nil }
        var result: [Frame] = []
        for position in 0..<positionCount {
            var frame = Frame(text: "")
            var parts: [(combination: SliderFrames.Combination, epoch: Int, held: Bool, losses: String)] = []
            for combination in combinations {
                let (epoch, held) = Self.epoch(combination, at: position)
                var losses: String?
                for kind in kinds {
                    let stem = stem(kind, combination, epoch: epoch)
                    guard let figure = rendered[stem], let label = figure.label else { return nil }
                    losses = label
                    let key = Self.imageKey(kind, combination)
                    frame.images[key] = figurePrefix + stem + ".png"
                    let what = SliderFrames.frameNoun(kind).one + " of \(subject)"
                    frame.alts[key] =
                        (isSweep ? "\(what), \(caption(combination, epoch: epoch, held: held, losses: label))" : "\(what) at \(label)")
                        + "."
                }
                parts.append((combination, epoch, held, losses ?? ""))
            }
            if isSweep {
                var captions: [String: String] = [:]
                for part in parts {
                    captions[String((part.combination.index ?? 0) + 1)] = Self.epochText(
                        epoch: part.epoch, held: part.held, losses: part.losses)
                }
                frame.captions = captions
                let epochs = Set(parts.map(\.epoch))
                if epochs.count == 1, !parts.contains(where: \.held) {
                    frame.text = "epoch \(parts[0].epoch): " + parts.map { "\($0.combination.title), \($0.losses)" }.joined(separator: "; ")
                } else {
                    frame.text = parts.map { caption($0.combination, epoch: $0.epoch, held: $0.held, losses: $0.losses) }
                        .joined(separator: "; ")
                }
            } else {
                frame.text = parts[0].losses
            }
            result.append(frame)
        }
        return result.isEmpty ? nil : result
    }

    /// "seed = 2, epoch 184 (its last): training loss 0.019, test loss 0.020".
    func caption(_ combination: SliderFrames.Combination, epoch: Int, held: Bool, losses: String) -> String {
        "\(combination.title), " + Self.epochText(epoch: epoch, held: held, losses: losses)
    }

    /// "epoch 184 (its last): training loss 0.019, test loss 0.020".
    static func epochText(epoch: Int, held: Bool, losses: String) -> String {
        "epoch \(epoch)\(held ? " (its last)" : ""): \(losses)"
    }

    /// The input's name says what it moves through: "Epoch" beside a single run's frames, and
    /// for a sweep "Epoch of the 3 decision boundaries" (or "… boundaries and networks"), so
    /// a screen reader meeting the control knows what changes with it.
    var label: String {
        guard isSweep else { return "Epoch" }
        let names = kinds.map { SliderFrames.frameNoun($0).many }
        return "Epoch of the \(combinations.count) \(names.joined(separator: " and "))"
    }

    var html: String {
        let encoder = JSONEncoder()
        // Sorted keys: the page's bytes do not depend on dictionary order.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let frames, let json = try? encoder.encode(frames) else { return "" }
        let first = frames[0]
        let input = "\(ownerID)-epoch"
        var out = "<template class=\"lb-epoch-slider\" data-frames=\"\(HTML.escape(String(decoding: json, as: UTF8.self)))\">\n"
        out += "<div class=\"lb-epoch-slider-live\">\n<div class=\"lb-frames\">\n"
        for combination in combinations {
            if combination.index != nil { out += "<div class=\"lb-frame\">\n" }
            for kind in kinds {
                let key = Self.imageKey(kind, combination)
                guard let figure = rendered[stem(kind, combination, epoch: combination.epochs[0])] else { continue }
                out +=
                    "<img data-kind=\"\(key)\" src=\"\(HTML.escape(first.images[key] ?? ""))\" loading=\"lazy\" width=\"\(Int(figure.width))\" height=\"\(Int(figure.height))\" alt=\"\(HTML.escape(first.alts[key] ?? ""))\">\n"
            }
            if let index = combination.index {
                let number = String(index + 1)
                out += "<p class=\"lb-frame-caption\"><strong>\(HTML.escape(combination.title))</strong> "
                out += "<span data-caption=\"\(number)\">\(HTML.escape(first.captions?[number] ?? ""))</span></p>\n</div>\n"
            }
        }
        out += "</div>\n<div class=\"lb-epoch-control\">\n"
        out += "<label for=\"\(input)\">\(HTML.escape(label))</label>\n"
        out +=
            "<input type=\"range\" id=\"\(input)\" min=\"0\" max=\"\(frames.count - 1)\" step=\"1\" value=\"0\" aria-valuetext=\"\(HTML.escape(first.text))\">\n"
        // Not a live region: the input's value text is what a screen reader announces at each
        // step, once; a live region saying the same would announce it twice.
        out += "<p class=\"lb-epoch-status\"\(isSweep ? " hidden" : "")>\(HTML.escape(first.text))</p>\n"
        out += "</div>\n</div>\n</template>\n"
        return out
    }
}
