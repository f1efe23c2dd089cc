import CCairo
import Plotting

/// The regular and bold faces every figure is drawn with, plus the font options that keep
/// output stable across machines (no hinting, no hinted metrics, grey antialiasing).
public final class FontSet: @unchecked Sendable {
    public static let defaultRegularPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    public static let defaultBoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    let regular: LoadedFont
    let bold: LoadedFont
    /// `cairo_font_options_t *`, never modified after init.
    let options: OpaquePointer

    /// Loads both faces; throws `RenderingError.fontMissing` if a file is absent.
    public init(regularPath: String = FontSet.defaultRegularPath, boldPath: String = FontSet.defaultBoldPath) throws {
        regular = try LoadedFont(path: regularPath)
        bold = try LoadedFont(path: boldPath)
        options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    }

    deinit {
        cairo_font_options_destroy(options)
    }

    /// DejaVu Sans loaded once per process (the outcome, failure included, is remembered).
    public static func dejaVu() throws -> FontSet {
        try sharedDejaVu.get()
    }

    private static let sharedDejaVu: Result<FontSet, RenderingError> = {
        do { return .success(try FontSet()) } catch let error as RenderingError { return .failure(error) } catch {
            return .failure(.cairo(status: -1, message: "\(error)"))
        }
    }()

    func face(for weight: TextStyle.Weight) -> OpaquePointer {
        weight == .bold ? bold.cairoFace : regular.cairoFace
    }
}
