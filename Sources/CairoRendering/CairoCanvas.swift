import CCairo
import Foundation
import Plotting

/// The `Canvas` backed by a Cairo context. Lives only inside one `FigureRenderer.render` call:
/// it borrows the context (never owns or shares it), so no C handle escapes the rendering task.
struct CairoCanvas: Canvas {
    let size: Size
    let context: OpaquePointer
    private let fonts: FontSet
    private let metrics: FreeTypeFontMetrics
    /// Vector output: scatter markers as a few batched elements (`drawMarkers`); raster output
    /// copies them, one by one and in order, from images drawn once per style (`MarkerSprites`).
    let batchesMarkers: Bool
    /// SVG: square markers as zero-length subpaths with square caps, which SVG viewers draw as
    /// squares; PDF viewers may skip such subpaths, so PDF gets short segments instead.
    let zeroLengthSquares: Bool
    /// SVG: heat maps carry an indexed PNG for Cairo to embed (PDF has no use for one).
    let embedsIndexedPNG: Bool
    /// Raster output: the marker images of this drawing, made as styles come up.
    let sprites: MarkerSprites

    init(
        context: OpaquePointer, size: Size, fonts: FontSet, batchesMarkers: Bool = false, zeroLengthSquares: Bool = false,
        embedsIndexedPNG: Bool = false, pixelsPerUnit: Double = 1
    ) {
        self.context = context
        self.size = size
        self.fonts = fonts
        self.batchesMarkers = batchesMarkers
        self.zeroLengthSquares = zeroLengthSquares
        self.embedsIndexedPNG = embedsIndexedPNG
        self.sprites = MarkerSprites(scale: pixelsPerUnit, fonts: fonts)
        self.metrics = FreeTypeFontMetrics(fonts: fonts)
        cairo_set_font_options(context, fonts.options)
    }

    func measure(_ text: String, style: TextStyle) -> TextExtents {
        metrics.measure(text, style: style)
    }

    mutating func save() { cairo_save(context) }
    mutating func restore() { cairo_restore(context) }
    /// In vector output rounded to 1/256 unit, Cairo's fixed-point step, so coordinates in the
    /// translated space stay short in SVG (a shift of at most 0.002 px); PNG keeps it exact.
    mutating func translate(x: Double, y: Double) {
        if batchesMarkers {
            cairo_translate(context, (x * 256).rounded() / 256, (y * 256).rounded() / 256)
        } else {
            cairo_translate(context, x, y)
        }
    }

    mutating func clip(to rect: Rect) {
        cairo_new_path(context)
        cairo_rectangle(context, rect.minX, rect.minY, rect.width, rect.height)
        cairo_clip(context)
    }

    mutating func fill(_ path: Path, with color: Color) {
        setPath(path)
        setSource(color)
        cairo_fill(context)
    }

    mutating func stroke(_ path: Path, with style: StrokeStyle) {
        setPath(path)
        strokeCurrentPath(with: style)
    }

    /// Strokes the path already set on the context.
    func strokeCurrentPath(with style: StrokeStyle) {
        setSource(style.color)
        cairo_set_line_width(context, style.width)
        style.dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), style.dashOffset) }
        switch style.lineCap {
        case .butt: cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(context, CAIRO_LINE_CAP_SQUARE)
        }
        switch style.lineJoin {
        case .miter: cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(context, CAIRO_LINE_JOIN_BEVEL)
        }
        cairo_stroke(context)
    }

    mutating func drawMarkers(_ markers: [PlacedMarker]) {
        if batchesMarkers { drawBatchedMarkers(markers) } else { sprites.draw(markers, on: context) }
    }

    mutating func drawText(_ text: String, at point: Point, style: TextStyle, anchor: TextAnchor, rotation: Double) {
        guard !text.isEmpty else { return }
        let origin = anchor.baselineOrigin(for: measure(text, style: style))
        cairo_save(context)
        cairo_set_font_face(context, fonts.face(for: style.weight))
        cairo_set_font_size(context, style.size)
        setSource(style.color)
        cairo_translate(context, point.x, point.y)
        if rotation != 0 { cairo_rotate(context, rotation) }
        cairo_new_path(context)
        cairo_move_to(context, origin.x, origin.y)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    mutating func drawCells(_ grid: PixelGrid, in rect: Rect) {
        guard grid.width > 0, grid.height > 0, rect.width > 0, rect.height > 0 else { return }
        drawCellsAsImage(grid, in: rect)
    }

    // MARK: - Helpers

    func setSource(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    func setPath(_ path: Path) {
        cairo_new_path(context)
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(context, p.x, p.y)
            case .line(let p): cairo_line_to(context, p.x, p.y)
            case .curve(let p, let c1, let c2): cairo_curve_to(context, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
            case .close: cairo_close_path(context)
            }
        }
    }

    /// Premultiplied ARGB32 image scaled with NEAREST: exact cells, tiny cost. In SVG and PDF it
    /// becomes one embedded image at the grid's own resolution (a 100 × 100 heat map is a few
    /// kilobytes instead of hundreds of vector cells), with smoothing off (PDF `/Interpolate
    /// false`; SVG marked by `SVGCrispImages`). Axes, points, links and text stay vectors.
    private func drawCellsAsImage(_ grid: PixelGrid, in rect: Rect) {
        guard let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(grid.width), Int32(grid.height))
        else { return }
        defer { cairo_surface_destroy(image) }
        cairo_surface_flush(image)
        let stride = Int(cairo_image_surface_get_stride(image))
        guard let base = cairo_image_surface_get_data(image) else { return }
        for row in 0..<grid.height {
            let line = UnsafeMutableRawPointer(base + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<grid.width {
                let color = grid[column, row]
                let a = max(0, min(1, color.alpha))
                func byte(_ channel: Double) -> UInt32 { UInt32(max(0, min(255, (channel * a * 255).rounded()))) }
                line[column] =
                    UInt32((a * 255).rounded()) << 24 | byte(color.red) << 16 | byte(color.green) << 8
                    | byte(color.blue)
            }
        }
        cairo_surface_mark_dirty(image)
        if embedsIndexedPNG, let png = IndexedPNG.encode(grid), let copy = malloc(png.count) {
            png.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: png.count) }
            cairo_surface_set_mime_data(
                image, CAIRO_MIME_TYPE_PNG, copy.assumingMemoryBound(to: UInt8.self),
                UInt(png.count), { free($0) }, copy)
        }
        cairo_save(context)
        cairo_translate(context, rect.minX, rect.minY)
        cairo_scale(context, rect.width / Double(grid.width), rect.height / Double(grid.height))
        cairo_set_source_surface(context, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
        cairo_new_path(context)
        cairo_rectangle(context, 0, 0, Double(grid.width), Double(grid.height))
        cairo_clip(context)
        cairo_paint(context)
        cairo_restore(context)
    }
}
