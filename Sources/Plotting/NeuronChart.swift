/// One neuron worked through for one input point, as a table a reader can check by hand: each
/// input's value times its weight giving a product, the bias added, the sum z, and the
/// activation giving the neuron's output a; beside it the activation's curve with (z, a) marked.
/// Plotting knows nothing of networks: this gets labels and numbers, and prints every number
/// with ``valueText(_:)`` so what a reader adds up is what the figure shows.
public struct NeuronChart: Figure {
    public struct Input: Sendable, Hashable {
        /// What feeds the neuron, e.g. "X₁" or "neuron 1.2".
        public var label: String
        public var value: Double
        public var weight: Double

        public init(label: String, value: Double, weight: Double) {
            self.label = label
            self.value = value
            self.weight = weight
        }
    }

    public var inputs: [Input]
    public var bias: Double
    /// The weighted sum plus the bias, as the network computed it.
    public var z: Double
    /// The activation's name as written in the formula, e.g. "tanh".
    public var activationName: String
    /// The activation of z, as the network computed it.
    public var a: Double
    /// The activation function sampled for the side panel: increasing x with their values.
    public var curve: [Point]
    public var title: String?
    public var size: Size
    public var theme: ChartTheme

    public init(
        inputs: [Input], bias: Double, z: Double, activationName: String, a: Double, curve: [Point],
        title: String? = nil, theme: ChartTheme = .standard
    ) {
        self.inputs = inputs
        self.bias = bias
        self.z = z
        self.activationName = activationName
        self.a = a
        self.curve = curve
        self.title = title
        self.theme = theme
        size = Size(width: 640, height: Double(170 + 26 * inputs.count) + (title == nil ? 0 : 22))
    }

    /// Three decimals: enough that the printed products add up to the printed z within a few
    /// thousandths, few enough to add by hand.
    public static func valueText(_ value: Double) -> String { NumberFormatting.decimal(value, fractionDigits: 3) }

    /// The numbers as printed: per input (value, weight, product), then bias, z and a.
    public var printed: (inputs: [(value: String, weight: String, product: String)], bias: String, z: String, a: String) {
        (
            inputs.map { (Self.valueText($0.value), Self.valueText($0.weight), Self.valueText($0.value * $0.weight)) },
            Self.valueText(bias), Self.valueText(z), Self.valueText(a)
        )
    }

    static let rowHeight = 26.0
    static let tableWidth = 400.0

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: canvas)
        frame.drawTitle(on: &canvas)
        let area = frame.content
        let numbers = printed
        let text = TextStyle(size: 12.5, color: Color(hex: 0x222222))
        let bold = TextStyle(size: 12.5, weight: .bold, color: Color(hex: 0x222222))
        let head = theme.tickLabelStyle
        // Columns: label, value, ×, weight, =, product (numbers right-aligned at these x).
        let left = area.minX + 6
        let value = left + 150, times = value + 18, weight = times + 78, equals = weight + 18, product = equals + 80
        var y = area.minY + 10
        for (x, name) in [(value, "input"), (weight, "weight"), (product, "product")] {
            canvas.drawText(name, at: Point(x: x, y: y), style: head, anchor: .trailing)
        }
        y += Self.rowHeight
        for (input, row) in zip(inputs, numbers.inputs) {
            canvas.drawText(input.label, at: Point(x: left, y: y), style: text, anchor: .leading)
            canvas.drawText(row.value, at: Point(x: value, y: y), style: text, anchor: .trailing)
            canvas.drawText("×", at: Point(x: times, y: y), style: head, anchor: .center)
            canvas.drawText(row.weight, at: Point(x: weight, y: y), style: text, anchor: .trailing)
            canvas.drawText("=", at: Point(x: equals, y: y), style: head, anchor: .center)
            canvas.drawText(row.product, at: Point(x: product, y: y), style: text, anchor: .trailing)
            y += Self.rowHeight
        }
        canvas.drawText("bias b", at: Point(x: left, y: y), style: text, anchor: .leading)
        canvas.drawText("+", at: Point(x: equals, y: y), style: head, anchor: .center)
        canvas.drawText(numbers.bias, at: Point(x: product, y: y), style: text, anchor: .trailing)
        y += Self.rowHeight * 0.6
        var rule = Path()
        rule.move(to: Point(x: left, y: y))
        rule.line(to: Point(x: product + 4, y: y))
        canvas.stroke(rule, with: StrokeStyle(color: theme.frameColor, width: 1))
        y += Self.rowHeight * 0.6
        // The two results under the rule: what is computed, "=", the number in bold.
        for (label, result) in [("z = Σ wᵢxᵢ + b", numbers.z), ("a = \(activationName)(z)", numbers.a)] {
            canvas.drawText(label, at: Point(x: left, y: y), style: text, anchor: .leading)
            canvas.drawText("=", at: Point(x: equals, y: y), style: head, anchor: .center)
            canvas.drawText(result, at: Point(x: product, y: y), style: bold, anchor: .trailing)
            y += Self.rowHeight
        }

        drawActivation(
            in: Rect(
                x: area.minX + Self.tableWidth + 30, y: area.minY + 4,
                width: area.maxX - area.minX - Self.tableWidth - 40, height: area.height - 14),
            on: &canvas)
    }

    /// The activation's curve on its own small axes, z and a marked by a dot and dashed guides.
    private func drawActivation<C: Canvas>(in rect: Rect, on canvas: inout C) {
        guard curve.count > 1, rect.width > 60, rect.height > 60 else { return }
        let label = theme.tickLabelStyle
        let plot = rect.inset(top: 18, bottom: 20)
        let xs = curve.map(\.x), ys = curve.map(\.y) + [a]
        let xRange = (min(xs.min()!, z), max(xs.max()!, z))
        var yRange = (ys.min()!, ys.max()!)
        if yRange.1 - yRange.0 < 1e-9 { yRange = (yRange.0 - 1, yRange.1 + 1) }
        func point(_ x: Double, _ y: Double) -> Point {
            Point(
                x: plot.minX + (x - xRange.0) / (xRange.1 - xRange.0) * plot.width,
                y: plot.maxY - (y - yRange.0) / (yRange.1 - yRange.0) * plot.height)
        }
        canvas.stroke(.rect(plot), with: StrokeStyle(color: theme.frameColor, width: 0.75))
        if yRange.0 < 0 && yRange.1 > 0 {
            var axis = Path()
            axis.move(to: point(xRange.0, 0))
            axis.line(to: point(xRange.1, 0))
            canvas.stroke(axis, with: StrokeStyle(color: theme.gridColor, width: 1))
        }
        var line = Path()
        line.move(to: point(curve[0].x, curve[0].y))
        for p in curve.dropFirst() { line.line(to: point(p.x, p.y)) }
        canvas.stroke(line, with: StrokeStyle(color: Color(hex: 0x555555), width: 1.5))
        let marked = point(z, a)
        var guides = Path()
        guides.move(to: Point(x: marked.x, y: plot.maxY))
        guides.line(to: marked)
        guides.line(to: Point(x: plot.minX, y: marked.y))
        canvas.stroke(guides, with: StrokeStyle(color: Color(hex: 0xe8710a), width: 1, dash: [3, 3]))
        canvas.fill(.circle(center: marked, radius: 4), with: Color(hex: 0xe8710a))
        canvas.drawText(activationName, at: Point(x: rect.midX, y: rect.minY), style: theme.axisTitleStyle, anchor: .top)
        canvas.drawText(
            "z = " + Self.valueText(z), at: Point(x: min(max(marked.x, plot.minX + 30), plot.maxX - 30), y: plot.maxY + 4),
            style: label, anchor: .top)
        let aLabelY = marked.y < plot.minY + 14 ? marked.y + 10 : marked.y - 10
        canvas.drawText("a = " + Self.valueText(a), at: Point(x: plot.minX + 4, y: aLabelY), style: label, anchor: .leading)
    }
}
