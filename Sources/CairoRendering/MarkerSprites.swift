import CCairo
import Plotting

/// Raster output: every marker style is drawn once per quarter-pixel position into a small
/// image (a sprite) and then copied wherever a marker of that style goes.
///
/// Drawing a scatter marker with Cairo (a filled disc and a stroked ring) costs about 20 µs, most
/// of it geometry, the same whether markers are drawn one by one or batched; a boundary or data
/// figure of 500 points spent two thirds of its PNG time on them. Copying a sprite costs a
/// fraction of that. Sprites are composited in order, so later markers still cover earlier ones;
/// a centre moves by at most 1/8 device pixel (1/16 canvas unit at 2×), which no reader can see.
final class MarkerSprites {
    /// Sub-pixel positions per device pixel along each axis.
    static let phases = 4

    private struct Key: Hashable {
        var marker: PointMarker
        var phaseX: Int
        var phaseY: Int
    }

    private struct Sprite {
        var surface: OpaquePointer
        /// Device pixels from the sprite's top-left corner to the pixel the centre lies in.
        var half: Int
    }

    private let scale: Double
    private let fonts: FontSet
    private var sprites: [Key: Sprite] = [:]

    init(scale: Double, fonts: FontSet) {
        self.scale = scale
        self.fonts = fonts
    }

    deinit {
        for sprite in sprites.values { cairo_surface_destroy(sprite.surface) }
    }

    /// Composites `markers` onto `context`, in order, each at its centre in the current user space.
    func draw(_ markers: [PlacedMarker], on context: OpaquePointer) {
        cairo_save(context)
        defer { cairo_restore(context) }
        var placements: [(sprite: Sprite, x: Int, y: Int)] = []
        placements.reserveCapacity(markers.count)
        for placed in markers {
            var x = placed.center.x, y = placed.center.y
            // To Cairo's device space, which is in canvas units still: the surface's device scale
            // (the PNG's pixels per unit) comes after it.
            cairo_user_to_device(context, &x, &y)
            x *= scale
            y *= scale
            let quarterX = Int((x * Double(Self.phases)).rounded()), quarterY = Int((y * Double(Self.phases)).rounded())
            let pixelX = quarterX >> 2, pixelY = quarterY >> 2  // floor division by `phases` (4)
            guard let sprite = sprite(placed.marker, phaseX: quarterX & 3, phaseY: quarterY & 3) else {
                continue
            }
            placements.append((sprite, pixelX, pixelY))
        }
        // Device pixels as user units: sprites land on whole pixels, a plain copy for pixman.
        cairo_identity_matrix(context)
        cairo_scale(context, 1 / scale, 1 / scale)
        for placement in placements {
            cairo_set_source_surface(
                context, placement.sprite.surface, Double(placement.x - placement.sprite.half),
                Double(placement.y - placement.sprite.half))
            cairo_paint(context)
        }
    }

    private func sprite(_ marker: PointMarker, phaseX: Int, phaseY: Int) -> Sprite? {
        let key = Key(marker: marker, phaseX: phaseX, phaseY: phaseY)
        if let sprite = sprites[key] { return sprite }
        let reach = PlacedMarker(center: Point(x: 0, y: 0), marker: marker).reach
        let half = Int((reach * scale).rounded(.up)) + 2
        let side = 2 * half + 1
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(side), Int32(side)) else { return nil }
        guard let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            return nil
        }
        let fraction = 1 / Double(Self.phases)
        cairo_translate(context, Double(half) + Double(phaseX) * fraction, Double(half) + Double(phaseY) * fraction)
        cairo_scale(context, scale, scale)
        var canvas = CairoCanvas(context: context, size: Size(width: Double(side), height: Double(side)), fonts: fonts)
        marker.draw(at: Point(x: 0, y: 0), on: &canvas)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        let sprite = Sprite(surface: surface, half: half)
        sprites[key] = sprite
        return sprite
    }
}
