/// The numbers inside a network: each weight written on its link, each bias beside its node.
/// The Playground shows them only on hover; on paper they have to be written out.
extension NetworkDiagram {
    /// Above this many links the labels no longer fit beside each other at a readable size;
    /// callers refuse the option for larger networks rather than draw an unreadable figure.
    public static let maximumLabelledLinks = 20

    /// The size a diagram with value labels is drawn at: wider links leave room for the numbers.
    public static let labelledSize = Size(width: 720, height: 440)

    /// A weight or bias rounded to what fits on a link: two decimals below 10, one below 100,
    /// none above ("−0.43", "12.7", "153").
    public static func valueText(_ value: Double) -> String {
        let magnitude = abs(value)
        let digits = magnitude < 9.995 ? 2 : magnitude < 99.95 ? 1 : 0
        return NumberFormatting.decimal(value, fractionDigits: digits)
    }

    /// Where each label goes: one box per drawn link (in `layout.links` order) and one per bias.
    /// A link's label sits on the link, at the first point from the middle outwards whose box is
    /// clear of the nodes and of labels already placed; a bias's label sits just below its node.
    public func valueLabelBoxes(
        _ layout: NetworkLayout, measuring metrics: some TextMeasuring
    )
        -> (links: [(text: String, box: Rect)], biases: [(text: String, box: Rect)])
    {
        let style = valueStyle
        var placer = LabelPlacer(bounds: Rect(x: 0, y: 0, width: size.width, height: size.height))
        placer.occupied = layout.nodeRects.flatMap { $0 }.map { $0.insetBy(dx: -2, dy: -2) }
        // Hidden neurons' names ("1.2", drawn just above each) stay readable.
        for (layerIndex, layer) in layers.enumerated() where layerIndex > 0 && layerIndex < layers.count - 1 {
            for (nodeIndex, node) in layer.nodes.enumerated() {
                guard let name = node.label else { continue }
                let rect = layout.nodeRects[layerIndex][nodeIndex]
                let width = metrics.measure(name, style: style).width
                placer.occupied.append(Rect(x: rect.midX - width / 2 - 1, y: rect.minY - 17, width: width + 2, height: 15))
            }
        }
        var biases: [(String, Rect)] = []
        for (layerIndex, layer) in layers.enumerated() {
            for (nodeIndex, node) in layer.nodes.enumerated() {
                guard let bias = node.bias, let square = layout.biasRects[layerIndex][nodeIndex] else { continue }
                let rect = layout.nodeRects[layerIndex][nodeIndex]
                let text = "b " + Self.valueText(bias)
                let measured = metrics.measure(text, style: style)
                let (w, h) = (measured.width + 4, measured.height + 2)
                // Under the neuron, else left of its bias square, else under its right half.
                let candidates = [
                    Rect(x: rect.midX - w / 2, y: rect.maxY + 4, width: w, height: h),
                    Rect(x: square.minX - 2 - w, y: square.midY - h / 2, width: w, height: h),
                    Rect(x: rect.maxX - w / 2, y: rect.maxY + 4, width: w, height: h),
                    Rect(x: square.minX - 2 - w, y: square.maxY + 1, width: w, height: h),
                ]
                biases.append((text, placer.place(candidates) ?? candidates[1]))
            }
        }
        // Stronger links first: their numbers matter most and get the middle of the link.
        let order = layout.links.indices.sorted {
            (abs(layout.links[$0].link.weight), -$0) > (abs(layout.links[$1].link.weight), -$1)
        }
        var boxes = [(String, Rect)?](repeating: nil, count: layout.links.count)
        let steps = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8, 0.14, 0.86]
        for index in order {
            let link = layout.links[index]
            let text = Self.valueText(link.link.weight)
            let measured = metrics.measure(text, style: style)
            let candidates = steps.map { t -> Rect in
                let point = link.point(at: t)
                return Rect(
                    x: point.x - measured.width / 2 - 2, y: point.y - measured.height / 2 - 1,
                    width: measured.width + 4, height: measured.height + 2)
            }
            let box = placer.place(candidates) ?? candidates[0]
            boxes[index] = (text, box)
        }
        return (boxes.compactMap { $0 }, biases)
    }

    func drawValueLabels<C: Canvas>(_ layout: NetworkLayout, on canvas: inout C) {
        let (links, biases) = valueLabelBoxes(layout, measuring: canvas)
        let style = valueStyle
        for (text, box) in links + biases {
            canvas.fill(box, with: theme.background.withAlpha(0.88))
            canvas.drawText(text, at: Point(x: box.midX, y: box.midY), style: style, anchor: .center)
        }
    }

    var valueStyle: TextStyle { TextStyle(size: ChartTheme.minimumTextSize, color: Color(hex: 0x222222)) }
}

extension NetworkLayout.LinkGeometry {
    /// The point of the link's curve at parameter `t` (0 at the source, 1 at the target).
    public func point(at t: Double) -> Point {
        let u = 1 - t
        let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
        return Point(
            x: a * start.x + b * control1.x + c * control2.x + d * end.x,
            y: a * start.y + b * control1.y + c * control2.y + d * end.y)
    }
}
