import CCairo
import Plotting

/// Measures text with the same FreeType faces and font options the Cairo canvas draws with, so
/// layout computed ahead of rendering (or in tests) matches the rendered figure exactly.
/// Cairo locks the FreeType face internally, so measuring from several tasks is safe.
public struct FreeTypeFontMetrics: FontMetrics {
    let fonts: FontSet

    public init(fonts: FontSet) {
        self.fonts = fonts
    }

    public func measure(_ text: String, style: TextStyle) -> TextExtents {
        var fontMatrix = cairo_matrix_t()
        cairo_matrix_init_scale(&fontMatrix, style.size, style.size)
        var identity = cairo_matrix_t()
        cairo_matrix_init_identity(&identity)
        guard let scaledFont = cairo_scaled_font_create(fonts.face(for: style.weight), &fontMatrix, &identity,
                                                        fonts.options)
        else { return TextExtents(width: 0, ascent: 0, descent: 0) }
        defer { cairo_scaled_font_destroy(scaledFont) }
        var fontExtents = cairo_font_extents_t()
        cairo_scaled_font_extents(scaledFont, &fontExtents)
        var textExtents = cairo_text_extents_t()
        cairo_scaled_font_text_extents(scaledFont, text, &textExtents)
        return TextExtents(width: textExtents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent)
    }
}
