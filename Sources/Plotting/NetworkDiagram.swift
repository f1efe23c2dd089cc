/// The Playground's central picture: columns of nodes (input features, hidden layers, output),
/// each a small heat-map thumbnail, joined by links whose colour is the weight's colour on the
/// continuous scale and whose width grows with |weight|. Plotting knows nothing of networks:
/// this gets labels, grids and numbers.
public struct NetworkDiagram: Figure {
    public struct Node: Sendable, Hashable {
        /// Shown left of input nodes and right of output nodes (e.g. "X₁", "sin(X₁)").
        public var label: String?
        /// The node's output over the grid, `values[i][j]` as in `BoundaryChart`. Grids larger than
        /// 10 × 10 whose side is a multiple of 10 are averaged down to 10 × 10 by block means.
        public var thumbnail: [[Double]]?
        /// Drawn as a small square at the node's lower left; `nil` for input nodes.
        public var bias: Double?
        /// Disabled nodes (unused input features) are drawn at 50 % opacity and get no links.
        public var isEnabled: Bool

        public init(label: String? = nil, thumbnail: [[Double]]? = nil, bias: Double? = nil, isEnabled: Bool = true) {
            self.label = label
            self.thumbnail = thumbnail
            self.bias = bias
            self.isEnabled = isEnabled
        }
    }

    public struct Layer: Sendable, Hashable {
        /// Shown above the column, e.g. "Input", "4 neurons", "Output".
        public var caption: String?
        public var nodes: [Node]

        public init(caption: String? = nil, nodes: [Node]) {
            self.caption = caption
            self.nodes = nodes
        }
    }

    public struct NodeID: Sendable, Hashable {
        public var layer: Int
        public var index: Int

        public init(layer: Int, index: Int) {
            self.layer = layer
            self.index = index
        }
    }

    public struct Link: Sendable, Hashable {
        public var from: NodeID
        public var to: NodeID
        public var weight: Double
        /// A dead link (pruned or never updated) is drawn faint and dashed; so is a weight of exactly 0.
        public var isDead: Bool

        public init(from: NodeID, to: NodeID, weight: Double, isDead: Bool = false) {
            self.from = from
            self.to = to
            self.weight = weight
            self.isDead = isDead
        }
    }

    public var layers: [Layer]
    public var links: [Link]
    public var title: String?
    /// Adds a colour bar (−1 … 1) explaining link and bias colours.
    public var showsLegend: Bool
    public var size: Size
    public var theme: ChartTheme
    /// Writes each link's weight on the link and each bias beside its node (``valueLabels``):
    /// readable for small networks only, so callers refuse it above ``maximumLabelledLinks``.
    public var showsValues = false

    public init(
        layers: [Layer], links: [Link], title: String? = nil, showsLegend: Bool = true,
        size: Size = Size(width: 560, height: 360), theme: ChartTheme = .standard
    ) {
        self.layers = layers
        self.links = links
        self.title = title
        self.showsLegend = showsLegend
        self.size = size
        self.theme = theme
    }

    /// Builds the links from weight matrices: `weights[l][j][i]` joins node i of layer l to node j
    /// of layer l + 1. Links touching disabled nodes are left out.
    public init(
        layers: [Layer], weights: [[[Double]]], title: String? = nil, showsLegend: Bool = true,
        size: Size = Size(width: 560, height: 360), theme: ChartTheme = .standard
    ) {
        var links: [Link] = []
        for (gap, matrix) in weights.enumerated() where gap + 1 < layers.count {
            for (target, row) in matrix.enumerated() where target < layers[gap + 1].nodes.count {
                for (source, weight) in row.enumerated() where source < layers[gap].nodes.count {
                    links.append(
                        Link(
                            from: NodeID(layer: gap, index: source), to: NodeID(layer: gap + 1, index: target),
                            weight: weight))
                }
            }
        }
        self.init(layers: layers, links: links, title: title, showsLegend: showsLegend, size: size, theme: theme)
    }

    // MARK: - Colours and widths (reference §10.3)

    /// Link width on the Playground's 30 px nodes: 1 at w = 0 up to 10 at |w| ≥ 5.
    public static func linkWidth(weight: Double) -> Double {
        let t = max(0, min(1, abs(weight) / 5))
        return 1 * (1 - t) + 10 * t
    }

    static let deadLinkColor = Color(hex: 0xb8b8b8)
    static let nodeBorderColor = Color(hex: 0x9a9a9a)

    func isEnabled(_ id: NodeID) -> Bool {
        layers.indices.contains(id.layer) && layers[id.layer].nodes.indices.contains(id.index)
            && layers[id.layer].nodes[id.index].isEnabled
    }

    /// The name of a switched-off input: greyer than a live one's #333 but still 5.1:1 on
    /// white, so it stays readable as small text (WCAG AA asks 4.5:1; half-way to white, #999,
    /// was 2.8:1).
    static let fadedLabelColor = Color(hex: 0x6e6e6e)

    /// The thumbnail as opaque 31-shade cells (alpha 160/255 over #f7f7f7, as in the big heat map).
    static func thumbnailGrid(_ values: [[Double]], faded: Bool, background: Color) -> PixelGrid {
        let reduced = blockMeans(values)
        let columns = reduced.count
        let rows = reduced.map(\.count).min() ?? 0
        var grid = PixelGrid(width: columns, height: rows)
        for column in 0..<columns {
            for row in 0..<rows {
                var color = PlaygroundPalette.compositedHeatMapColor(for: reduced[column][row])
                if faded { color = color.mixed(with: background, fraction: 0.5) }
                grid[column, row] = color
            }
        }
        return grid
    }

    /// Averages an n × n grid (n a multiple of 10, n > 10) down to 10 × 10 (reference §10.2).
    static func blockMeans(_ values: [[Double]]) -> [[Double]] {
        let n = values.count
        guard n > 10, n % 10 == 0, values.allSatisfy({ $0.count == n }) else { return values }
        let block = n / 10
        return (0..<10).map { bigColumn in
            (0..<10).map { bigRow in
                var sum = 0.0
                for column in bigColumn * block..<(bigColumn + 1) * block {
                    for row in bigRow * block..<(bigRow + 1) * block { sum += values[column][row] }
                }
                return sum / Double(block * block)
            }
        }
    }
}
