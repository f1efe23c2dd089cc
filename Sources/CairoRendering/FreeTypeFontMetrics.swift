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
        guard
            let scaledFont = cairo_scaled_font_create(
                fonts.face(for: style.weight), &fontMatrix, &identity,
                fonts.options)
        else { return TextExtents(width: 0, ascent: 0, descent: 0) }
        defer { cairo_scaled_font_destroy(scaledFont) }
        var fontExtents = cairo_font_extents_t()
        cairo_scaled_font_extents(scaledFont, &fontExtents)
        var textExtents = cairo_text_extents_t()
        cairo_scaled_font_text_extents(scaledFont, text, &textExtents)
        return TextExtents(width: textExtents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent)
    }

    /// The characters of `text` the font has no glyph for (they would print as empty boxes).
    /// Figures use Unicode for feature names (X₁², sin(X₁)), signs (≤, ≥, −) and markers; this
    /// is how tests check that DejaVu Sans covers them.
    public func missingCharacters(in text: String, weight: TextStyle.Weight = .regular) -> [Character] {
        var fontMatrix = cairo_matrix_t()
        cairo_matrix_init_scale(&fontMatrix, 12, 12)
        var identity = cairo_matrix_t()
        cairo_matrix_init_identity(&identity)
        guard let scaledFont = cairo_scaled_font_create(fonts.face(for: weight), &fontMatrix, &identity, fonts.options)
        else { return Array(text) }
        defer { cairo_scaled_font_destroy(scaledFont) }
        // Locking goes through Cairo, which serialises access to the shared FreeType face.
        guard let face = cairo_ft_scaled_font_lock_face(scaledFont) else { return Array(text) }
        defer { cairo_ft_scaled_font_unlock_face(scaledFont) }
        return text.filter { character in
            character.unicodeScalars.contains { FT_Get_Char_Index(face, FT_ULong($0.value)) == 0 }
        }.map { $0 }
    }
}
