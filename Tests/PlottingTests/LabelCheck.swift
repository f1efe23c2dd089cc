import CairoRendering
import Plotting
import Testing

/// Reads a recorded figure the way a reader would: which texts overlap, which labels sit on a
/// curve, which text is too small.
struct LabelCheck {
    let canvas: RecordingCanvas

    init(_ figure: any Figure) {
        var canvas = RecordingCanvas(size: figure.size, metrics: sharedRenderer.fontMetrics)
        figure.draw(on: &canvas)
        self.canvas = canvas
    }

    /// Pairs of texts whose boxes share area (a hair of tolerance for touching boxes).
    var overlaps: [(RecordingCanvas.PlacedText, RecordingCanvas.PlacedText)] {
        let placed = canvas.placedTexts.filter { !$0.text.isEmpty }
        var pairs: [(RecordingCanvas.PlacedText, RecordingCanvas.PlacedText)] = []
        for (index, first) in placed.enumerated() {
            for second in placed[(index + 1)...]
            where first.box.insetBy(dx: 0.5, dy: 1).intersects(second.box.insetBy(dx: 0.5, dy: 1)) {
                pairs.append((first, second))
            }
        }
        return pairs
    }

    func recordOverlaps(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (first, second) in overlaps {
            Issue.record(
                "\(name): “\(first.text)” \(first.box) overlaps “\(second.text)” \(second.box)",
                sourceLocation: sourceLocation)
        }
    }

    /// Polylines stroked at least `minimumWidth` wide (the bold curves), in canvas coordinates.
    /// Figures drawn at the canvas origin only (no panels), so path points are absolute.
    func strokedPolylines(minimumWidth: Double) -> [[Point]] {
        canvas.commands.compactMap { command -> [Point]? in
            guard case .stroke(let path, let style) = command, style.width >= minimumWidth else { return nil }
            let points = path.elements.compactMap { element -> Point? in
                switch element {
                case .move(let p), .line(let p): return p
                default: return nil
                }
            }
            return points.count > 8 ? points : nil
        }
    }

    /// Texts (other than those in `excluded`) whose box a bold curve passes through.
    func labelsOnBoldCurves(excluding excluded: (String) -> Bool) -> [String] {
        let curves = strokedPolylines(minimumWidth: 1.9)
        return canvas.placedTexts.filter { !excluded($0.text) }.filter { text in
            curves.contains { curve in
                zip(curve, curve.dropFirst()).contains { a, b in segment(a, b, crosses: text.box) }
            }
        }.map(\.text)
    }

    /// Every text's font size.
    var textSizes: [(String, Double)] {
        canvas.commands.compactMap {
            if case .text(let text, _, let style, _, _) = $0 { return (text, style.size) } else { return nil }
        }
    }

    private func segment(_ a: Point, _ b: Point, crosses box: Rect) -> Bool {
        // Sampled finely: enough for label boxes many units tall and wide.
        let steps = max(1, Int((abs(b.x - a.x) + abs(b.y - a.y)).rounded(.up)))
        return (0...steps).contains { step in
            let t = Double(step) / Double(steps)
            return box.insetBy(dx: 0.5, dy: 0.5).contains(Point(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)))
        }
    }
}
