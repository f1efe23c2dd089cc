/// Where every part of a `NetworkDiagram` goes. Public so callers and tests know, e.g., where a
/// link's midpoint lies on the canvas.
public struct NetworkLayout: Sendable, Hashable {
    public struct LinkGeometry: Sendable, Hashable {
        public var link: NetworkDiagram.Link
        public var start: Point
        public var end: Point
        public var control1: Point
        public var control2: Point
        public var width: Double
        public var color: Color
        public var isDead: Bool

        /// The curve's point at t = ½ (the middle of the S-shaped link).
        public var midpoint: Point {
            Point(
                x: (start.x + 3 * control1.x + 3 * control2.x + end.x) / 8,
                y: (start.y + 3 * control1.y + 3 * control2.y + end.y) / 8)
        }

        public var path: Path {
            var path = Path()
            path.move(to: start)
            path.curve(to: end, control1: control1, control2: control2)
            return path
        }
    }

    /// `nodeRects[layer][index]`.
    public var nodeRects: [[Rect]]
    /// `biasRects[layer][index]`, `nil` where the node has no bias.
    public var biasRects: [[Rect?]]
    public var links: [LinkGeometry]
    /// Centre-top points of the layer captions.
    public var captionAnchors: [Point]
    /// Each layer's caption fitted to its column (wrapped, shrunk or shortened), `nil` if none.
    public var captions: [FittedText?]
    public var legendRect: Rect?
    public var nodeSide: Double
    /// Canvas units per Playground pixel (nodes are 30 px there).
    public var scale: Double
}

extension NetworkDiagram {
    /// Lays the diagram out: node size from the tallest column and the number of columns,
    /// margins from the measured input/output labels, captions fitted to their column.
    public func layout(measuring metrics: some TextMeasuring) -> NetworkLayout {
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: metrics)
        var area = frame.content

        var legendRect: Rect?
        if showsLegend {
            let labelHeight = metrics.measure("0", style: theme.tickLabelStyle).height
            let height = 10 + 3 + labelHeight
            legendRect = Rect(x: area.minX, y: area.maxY - height, width: area.width, height: height)
            area = area.inset(bottom: height + 10)
        }

        let labelStyle = self.labelStyle
        func widestLabel(_ layer: Layer?) -> Double {
            (layer?.nodes.compactMap(\.label).map { metrics.measure($0, style: labelStyle).width }.max()).map { $0 + 8 } ?? 0
        }
        let leftLabels = widestLabel(layers.first)
        let rightLabels = layers.count > 1 ? widestLabel(layers.last) : 0
        let columnCount = max(1, layers.count)
        let share = area.width / Double(columnCount)
        let byWidth =
            columnCount > 1
            ? (area.width - leftLabels - rightLabels) / (1 + 2.4 * Double(columnCount - 1)) : area.width

        // Column centres: the outer columns leave room for the input/output labels and for half a
        // caption, so every caption gets at least a column's worth of width without leaving the figure.
        func centres(side: Double) -> (first: Double, pitch: Double) {
            let first = area.minX + max(leftLabels + side / 2, share / 2)
            let last = area.maxX - max(rightLabels + side / 2, share / 2)
            return columnCount > 1 ? (first, max(0, last - first) / Double(columnCount - 1)) : (area.midX, 0)
        }

        // Captions wrap onto two lines, shrink (not below 11 px) or end in an ellipsis to fit the
        // narrowest possible pitch, so neighbouring captions cannot touch.
        let narrowestPitch = columnCount > 1 ? centres(side: max(0, byWidth)).pitch : area.width
        let captionWidth = max(10, min(share, narrowestPitch) - 6)
        let captions: [FittedText?] = layers.map { layer in
            layer.caption.map {
                FittedText.fit(
                    $0, style: theme.axisTitleStyle, maxWidth: captionWidth, maximumLines: 2,
                    measuring: metrics)
            }
        }
        let captionHeight = captions.compactMap { $0?.height }.max() ?? 0
        let captionTop = area.minY
        if captionHeight > 0 { area = area.inset(top: captionHeight + 8) }

        let tallest = Double(max(1, layers.map(\.nodes.count).max() ?? 1))
        let gapRatio = 25.0 / 30.0
        let byHeight = area.height / (tallest + (tallest - 1) * gapRatio)
        let side = max(6, min(48, byHeight, byWidth).rounded(.down))
        let scale = side / 30
        let (firstCentre, pitch) = centres(side: side)

        var nodeRects: [[Rect]] = []
        var biasRects: [[Rect?]] = []
        for (layerIndex, layer) in layers.enumerated() {
            let x = firstCentre + Double(layerIndex) * pitch - side / 2
            let count = Double(layer.nodes.count)
            let total = count * side + max(0, count - 1) * side * gapRatio
            let top = area.midY - total / 2
            let rects = layer.nodes.indices.map {
                Rect(x: x.rounded(), y: (top + Double($0) * side * (1 + gapRatio)).rounded(), width: side, height: side)
            }
            nodeRects.append(rects)
            let biasSide = 5 * scale
            biasRects.append(
                zip(layer.nodes, rects).map { node, rect in
                    node.bias == nil
                        ? nil
                        : Rect(
                            x: rect.minX - biasSide - 2 * scale, y: rect.maxY - biasSide + 3 * scale,
                            width: biasSide, height: biasSide)
                })
        }

        let linkGeometries: [NetworkLayout.LinkGeometry] = links.compactMap { link in
            guard isEnabled(link.from), isEnabled(link.to) else { return nil }
            let source = nodeRects[link.from.layer][link.from.index]
            let target = nodeRects[link.to.layer][link.to.index]
            let start = Point(x: source.maxX, y: source.midY)
            let end = Point(x: target.minX, y: target.midY)
            let middleX = (start.x + end.x) / 2
            let dead = link.isDead || link.weight == 0 || !link.weight.isFinite
            return NetworkLayout.LinkGeometry(
                link: link, start: start, end: end, control1: Point(x: middleX, y: start.y),
                control2: Point(x: middleX, y: end.y),
                width: dead ? scale : NetworkDiagram.linkWidth(weight: link.weight) * scale,
                color: dead ? NetworkDiagram.deadLinkColor : PlaygroundPalette.continuousColor(for: link.weight),
                isDead: dead)
        }

        let captionAnchors = layers.indices.map { index in
            Point(x: firstCentre + Double(index) * pitch, y: captionTop)
        }

        return NetworkLayout(
            nodeRects: nodeRects, biasRects: biasRects, links: linkGeometries,
            captionAnchors: captionAnchors, captions: captions, legendRect: legendRect,
            nodeSide: side, scale: scale)
    }

    var labelStyle: TextStyle { TextStyle(size: 11, color: Color(hex: 0x333333)) }
}
