extension NetworkDiagram {
    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: canvas)
        let layout = self.layout(measuring: canvas)

        // Thin links first so strong ones stay visible where links cross.
        let ordered = layout.links.enumerated().sorted { ($0.element.width, $0.offset) < ($1.element.width, $1.offset) }
        for (_, link) in ordered {
            let style =
                link.isDead
                ? StrokeStyle(color: link.color, width: link.width, dash: [3 * layout.scale, 3 * layout.scale])
                : StrokeStyle(color: link.color, width: link.width)
            canvas.stroke(link.path, with: style)
        }

        for (layerIndex, layer) in layers.enumerated() {
            for (nodeIndex, node) in layer.nodes.enumerated() {
                drawNode(
                    node, rect: layout.nodeRects[layerIndex][nodeIndex],
                    bias: layout.biasRects[layerIndex][nodeIndex], isInput: layerIndex == 0,
                    isOutput: layerIndex == layers.count - 1 && layers.count > 1, on: &canvas)
            }
        }

        if showsValues { drawValueLabels(layout, on: &canvas) }
        for (caption, anchor) in zip(layout.captions, layout.captionAnchors) {
            caption?.draw(on: &canvas, centerX: anchor.x, top: anchor.y)
        }
        if let legendRect = layout.legendRect { drawLegend(in: legendRect, on: &canvas) }
        frame.drawTitle(on: &canvas)
    }

    private func drawNode<C: Canvas>(
        _ node: Node, rect: Rect, bias: Rect?, isInput: Bool, isOutput: Bool,
        on canvas: inout C
    ) {
        let faded = !node.isEnabled
        func fade(_ color: Color) -> Color { faded ? color.mixed(with: theme.background, fraction: 0.5) : color }
        if let thumbnail = node.thumbnail, !thumbnail.isEmpty {
            canvas.drawCells(Self.thumbnailGrid(thumbnail, faded: faded, background: theme.background), in: rect)
        } else {
            canvas.fill(rect, with: fade(PlaygroundPalette.compositedHeatMapColor(for: 0)))
        }
        canvas.stroke(.rect(rect), with: StrokeStyle(color: fade(Self.nodeBorderColor), width: 0.75))
        if let bias, let value = node.bias {
            canvas.fill(bias, with: fade(PlaygroundPalette.continuousColor(for: value)))
            canvas.stroke(.rect(bias), with: StrokeStyle(color: fade(Color(hex: 0x666666)), width: 0.5))
        }
        if let label = node.label, isInput || isOutput {
            var style = labelStyle
            if faded { style.color = Self.fadedLabelColor }
            let point = isInput ? Point(x: rect.minX - 8, y: rect.midY) : Point(x: rect.maxX + 8, y: rect.midY)
            canvas.drawText(label, at: point, style: style, anchor: isInput ? .trailing : .leading)
        } else if let label = node.label {
            // A hidden neuron's name ("1.2"), just above it, so a reader can name its weights.
            var style = labelStyle
            style.size = max(ChartTheme.minimumTextSize, 11)
            style.color = Color(hex: 0x555555)
            canvas.drawText(label, at: Point(x: rect.midX, y: rect.minY - 3), style: style, anchor: TextAnchor(.center, .bottom))
        }
    }

    /// A bar from −1 to 1 in the continuous weight scale, with its name and end labels.
    private func drawLegend<C: Canvas>(in rect: Rect, on canvas: inout C) {
        let caption = "weight / bias"
        let captionStyle = theme.tickLabelStyle
        let captionWidth = canvas.measure(caption, style: captionStyle).width
        let barWidth = min(200, rect.width * 0.45)
        let total = captionWidth + 10 + barWidth
        let barRect = Rect(
            x: (rect.midX - total / 2 + captionWidth + 10).rounded(), y: rect.minY,
            width: barWidth, height: 10)
        let steps = 61
        let colors = (0..<steps).map { PlaygroundPalette.continuousColor(for: -1 + 2 * Double($0) / Double(steps - 1)) }
        canvas.drawCells(PixelGrid(width: steps, height: 1, pixels: colors), in: barRect)
        canvas.stroke(.rect(barRect), with: StrokeStyle(color: Self.nodeBorderColor, width: 0.5))
        canvas.drawText(
            caption, at: Point(x: barRect.minX - 10, y: barRect.midY), style: captionStyle,
            anchor: .trailing)
        for (value, text) in [(-1.0, "−1"), (0, "0"), (1, "1")] {
            let x = barRect.minX + (value + 1) / 2 * barRect.width
            canvas.drawText(text, at: Point(x: x, y: barRect.maxY + 3), style: captionStyle, anchor: .top)
        }
    }
}
