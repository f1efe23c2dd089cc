/// One example's backward pass, laid out on the network: a box per node with its numbers (the
/// forward value, δ, the bias's step) in columns left to right, links coloured by the sign of
/// their weight, and under it a table with one row per link and bias — the weight, its gradient,
/// the step −lr·gradient and the new weight. Plotting knows nothing of networks: it gets names,
/// lines of text and numbers already chosen by the caller, and prints every number with
/// ``valueText(_:)`` or ``weightText(_:)``.
public struct BackpropChart: Figure {
    public struct Node: Sendable, Hashable {
        /// "x1", "1.2", "output".
        public var name: String
        /// The lines under the name, e.g. "a = 0.462", "δ = −0.031".
        public var lines: [String]

        public init(name: String, lines: [String]) {
            self.name = name
            self.lines = lines
        }
    }

    public struct Link: Sendable, Hashable {
        public var fromColumn: Int
        public var fromIndex: Int
        public var toIndex: Int
        public var weight: Double

        /// From node `fromIndex` of column `fromColumn` to node `toIndex` of the next column.
        public init(fromColumn: Int, fromIndex: Int, toIndex: Int, weight: Double) {
            self.fromColumn = fromColumn
            self.fromIndex = fromIndex
            self.toIndex = toIndex
            self.weight = weight
        }
    }

    /// The layers, inputs first.
    public var columns: [[Node]]
    public var links: [Link]
    /// The table: a header and rows of cells, the first cell a name, the others numbers.
    public var header: [String]
    public var rows: [[String]]
    /// One line between the diagram and the table (the learning rate, the batch).
    public var note: String?
    public var title: String?
    public var size: Size
    public var theme: ChartTheme

    static let boxWidth = 148.0
    static let lineHeight = 16.0
    static let rowHeight = 20.0
    static let boxGap = 14.0

    public init(
        columns: [[Node]], links: [Link], header: [String], rows: [[String]], note: String? = nil,
        title: String? = nil, theme: ChartTheme = .standard
    ) {
        self.columns = columns
        self.links = links
        self.header = header
        self.rows = rows
        self.note = note
        self.title = title
        self.theme = theme
        let diagram = Self.diagramHeight(columns)
        let table = Double(rows.count + 1) * Self.rowHeight
        size = Size(width: 640, height: (title == nil ? 0 : 26) + diagram + (note == nil ? 10 : 34) + table + 2 * theme.padding + 8)
    }

    static func boxHeight(_ node: Node) -> Double { Double(node.lines.count + 1) * lineHeight + 10 }

    static func diagramHeight(_ columns: [[Node]]) -> Double {
        columns.map { column in column.map { boxHeight($0) + boxGap }.reduce(0, +) }.max() ?? 0
    }

    /// A gradient or step: four significant digits, so 3.1e-5 is not printed as 0.000.
    public static func valueText(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return NumberFormatting.decimal(value, fractionDigits: 0) }
        var digits = 3
        var magnitude = abs(value)
        while magnitude < 1 && digits < 12 {
            magnitude *= 10
            digits += 1
        }
        return NumberFormatting.decimal(value, fractionDigits: digits)
    }

    /// A weight, bias or forward value: five decimals, so a small step shows in the new weight.
    public static func weightText(_ value: Double) -> String { NumberFormatting.decimal(value, fractionDigits: 5) }

    /// Each node's box, column by column.
    func boxes(in area: Rect) -> [[Rect]] {
        let count = columns.count
        let step = count > 1 ? (area.width - Self.boxWidth) / Double(count - 1) : 0
        return columns.enumerated().map { c, column in
            let total = column.map { Self.boxHeight($0) }.reduce(0, +) + Self.boxGap * Double(max(0, column.count - 1))
            var y = area.minY + (area.height - total) / 2
            return column.map { node in
                let rect = Rect(
                    x: (area.minX + Double(c) * step).rounded(), y: y.rounded(), width: Self.boxWidth, height: Self.boxHeight(node))
                y += Self.boxHeight(node) + Self.boxGap
                return rect
            }
        }
    }

    public func draw<C: Canvas>(on canvas: inout C) {
        fillBackground(theme.background, on: &canvas)
        let frame = TitledFrame(title: title, size: size, theme: theme, measuring: canvas)
        frame.drawTitle(on: &canvas)
        let area = frame.content
        let diagram = Rect(x: area.minX, y: area.minY, width: area.width, height: Self.diagramHeight(columns))
        let rects = boxes(in: diagram)
        let largest = max(links.map { abs($0.weight) }.max() ?? 1, 1e-9)
        for link in links {
            let from = rects[link.fromColumn][link.fromIndex], to = rects[link.fromColumn + 1][link.toIndex]
            var path = Path()
            path.move(to: Point(x: from.maxX, y: from.midY))
            path.line(to: Point(x: to.minX, y: to.midY))
            let color = link.weight < 0 ? PlaygroundPalette.negative : PlaygroundPalette.positive
            canvas.stroke(path, with: StrokeStyle(color: color, width: 0.75 + 3.25 * abs(link.weight) / largest))
        }
        let name = TextStyle(size: 12.5, weight: .bold, color: Color(hex: 0x222222))
        let text = TextStyle(size: 12, color: Color(hex: 0x222222))
        for (column, nodes) in zip(rects, columns) {
            for (rect, node) in zip(column, nodes) {
                canvas.fill(rect, with: Color(hex: 0xffffff))
                canvas.stroke(.rect(rect), with: StrokeStyle(color: Color(hex: 0x9a9a9a), width: 1))
                var y = rect.minY + 5 + Self.lineHeight / 2
                canvas.drawText(node.name, at: Point(x: rect.minX + 7, y: y), style: name, anchor: .leading)
                for line in node.lines {
                    y += Self.lineHeight
                    canvas.drawText(line, at: Point(x: rect.minX + 7, y: y), style: text, anchor: .leading)
                }
            }
        }
        var y = diagram.maxY + 8
        if let note {
            canvas.drawText(note, at: Point(x: area.minX, y: y + 8), style: theme.tickLabelStyle, anchor: .leading)
            y += 24
        }
        drawTable(top: y, left: area.minX, right: area.maxX, on: &canvas)
    }

    private func drawTable<C: Canvas>(top: Double, left: Double, right: Double, on canvas: inout C) {
        let text = TextStyle(size: 12, color: Color(hex: 0x222222))
        let head = TextStyle(size: 12, weight: .bold, color: Color(hex: 0x333333))
        let first = 120.0
        let count = max(1, header.count - 1)
        let width = (right - left - first) / Double(count)
        func x(_ cell: Int) -> Double { cell == 0 ? left : left + first + Double(cell) * width - 4 }
        var y = top + Self.rowHeight / 2
        for (cell, title) in header.enumerated() {
            canvas.drawText(title, at: Point(x: x(cell), y: y), style: head, anchor: cell == 0 ? .leading : .trailing)
        }
        var rule = Path()
        rule.move(to: Point(x: left, y: top + Self.rowHeight))
        rule.line(to: Point(x: right, y: top + Self.rowHeight))
        canvas.stroke(rule, with: StrokeStyle(color: theme.frameColor, width: 1))
        for row in rows {
            y += Self.rowHeight
            for (cell, value) in row.enumerated() {
                canvas.drawText(value, at: Point(x: x(cell), y: y), style: text, anchor: cell == 0 ? .leading : .trailing)
            }
        }
    }
}
