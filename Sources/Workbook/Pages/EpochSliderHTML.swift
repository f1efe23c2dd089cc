import ChapterMarkdown
import Foundation

/// The epoch slider of an experiment with snapshots: its boundary (and network) frame at the
/// chosen snapshot, a range input over the snapshot epochs, and the losses at that epoch.
///
/// It is a `<template>`: inert without script (the timeline figure stays the whole story),
/// made live by `labbook.js`, which also hides the timeline image on screen. Print always shows
/// the timeline (the stylesheet hides the slider there). The range input is keyboard-operable
/// (arrows, Home, End), says its epoch and losses in `aria-valuetext`, and a polite live region
/// repeats them for a screen reader that does not read the value text.
struct EpochSliderHTML {
    let ownerID: String
    /// The timeline kinds shown, in slider order (boundary, then network).
    let kinds: [FigureKind]
    let epochs: [Int]
    let rendered: [String: RenderedFigure]
    let figurePrefix: String

    struct Frame: Encodable {
        var epoch: Int
        var text: String
        /// Kind name ("boundary", "network") → image file.
        var images: [String: String]
        var alts: [String: String]
    }

    var frames: [Frame]? {
        var result: [Frame] = []
        for epoch in epochs {
            var frame = Frame(epoch: epoch, text: "", images: [:], alts: [:])
            for kind in kinds {
                let stem = SliderFrames.stem(ownerID: ownerID, kind: kind, epoch: epoch)
                guard let figure = rendered[stem], let label = figure.label else { return nil }
                let name = SliderFrames.frameName(kind)
                frame.text = label
                frame.images[name] = figurePrefix + stem + ".png"
                frame.alts[name] = (kind == .networkTimeline ? "Network" : "Decision boundary")
                    + " of experiment \(ownerID) at \(label)"
            }
            result.append(frame)
        }
        return result.isEmpty ? nil : result
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
        for kind in kinds {
            let name = SliderFrames.frameName(kind)
            guard let figure = rendered[SliderFrames.stem(ownerID: ownerID, kind: kind, epoch: first.epoch)] else { continue }
            out += "<img data-kind=\"\(name)\" src=\"\(HTML.escape(first.images[name] ?? ""))\" width=\"\(Int(figure.width))\" height=\"\(Int(figure.height))\" alt=\"\(HTML.escape(first.alts[name] ?? ""))\">\n"
        }
        out += "</div>\n<div class=\"lb-epoch-control\">\n"
        out += "<label for=\"\(input)\">Epoch</label>\n"
        out += "<input type=\"range\" id=\"\(input)\" min=\"0\" max=\"\(frames.count - 1)\" step=\"1\" value=\"0\" aria-valuetext=\"\(HTML.escape(first.text))\">\n"
        out += "<p class=\"lb-epoch-status\" aria-live=\"polite\">\(HTML.escape(first.text))</p>\n"
        out += "</div>\n</div>\n</template>\n"
        return out
    }
}
