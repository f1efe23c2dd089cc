import CCairo
import CDeflate
import Plotting

/// Renders any `Figure` to PNG, SVG or PDF bytes in memory.
///
/// Deterministic: the same figure gives byte-identical output on every call (PNG from Cairo's pixels
/// by `PNGEncoder`, SVG with renumbered ids, PDF with pinned metadata). Thread-safe: a renderer is a value
/// that may be shared by many tasks; each render confines its Cairo surface and context to the
/// calling task and shares only the immutable fonts.
public struct FigureRenderer: Sendable {
    public let fonts: FontSet
    /// Device pixels per canvas unit in PNG output.
    public var pngScale: Double = 2
    /// PDF metadata. Dates are pinned so the bytes do not depend on the clock.
    public var pdfTitle = "Labbook figure"
    public var pdfCreator = "Labbook"
    public var pdfDate = "2000-01-01T00:00:00Z"

    /// Changes whenever output bytes may change: bump `drawingRevision` with any change to
    /// Plotting or CairoRendering that alters figures; the library versions are read at run time.
    /// Suitable as part of a cache key for rendered files.
    public static let rendererVersion: String = {
        let drawingRevision = 10
        let cairo = cairo_version_string().map { String(cString: $0) } ?? "?"
        return "labbook-plotting/\(drawingRevision) cairo/\(cairo) libdeflate/\(LIBDEFLATE_VERSION_STRING)"
    }()

    public init(fonts: FontSet) {
        self.fonts = fonts
    }

    /// Uses DejaVu Sans from fonts-dejavu-core (loaded once per process).
    /// - Throws: `RenderingError.fontMissing` when the font files are not installed.
    public init() throws {
        self.init(fonts: try FontSet.dejaVu())
    }

    /// The metrics the renderer lays text out with, for computing layouts (e.g.
    /// `NetworkDiagram.layout(measuring:)`) that match the rendered output.
    public var fontMetrics: FreeTypeFontMetrics { FreeTypeFontMetrics(fonts: fonts) }

    public func render(_ figure: some Figure, as format: OutputFormat) throws -> [UInt8] {
        let size = figure.size
        guard size.width.isFinite, size.height.isFinite, size.width >= 1, size.height >= 1,
            size.width * size.height * pngScale * pngScale < 400_000_000
        else { throw RenderingError.invalidSize(width: size.width, height: size.height) }

        let sink = ByteSink()
        var png: [UInt8] = []
        try sink.withContext { context in
            let surface = try makeSurface(format, size: size, context: context)
            defer { cairo_surface_destroy(surface) }
            try RenderingError.check(cairo_surface_status(surface))
            guard let cairo = cairo_create(surface) else { throw RenderingError.cairo(status: -1, message: "no context") }
            defer { cairo_destroy(cairo) }
            var canvas = CairoCanvas(
                context: cairo, size: size, fonts: fonts, batchesMarkers: format != .png,
                zeroLengthSquares: format == .svg, embedsIndexedPNG: format == .svg,
                pixelsPerUnit: format == .png ? pngScale : 1)
            figure.draw(on: &canvas)
            try RenderingError.check(cairo_status(cairo))
            if format == .png { png = try PNGEncoder.encode(surface) }
            cairo_surface_finish(surface)
            try RenderingError.check(cairo_surface_status(surface))
        }
        switch format {
        case .png: return png
        case .svg:
            return SVGAttributeNumbers.shorten(SVGPathData.shorten(SVGCrispImages.mark(SVGIdentifierNormalizer.normalize(sink.bytes))))
        case .pdf: return sink.bytes
        }
    }

    private func makeSurface(
        _ format: OutputFormat, size: Size, context: UnsafeMutableRawPointer
    ) throws
        -> OpaquePointer
    {
        let surface: OpaquePointer?
        switch format {
        case .png:
            surface = cairo_image_surface_create(
                CAIRO_FORMAT_ARGB32, Int32((size.width * pngScale).rounded(.up)),
                Int32((size.height * pngScale).rounded(.up)))
            if let surface { cairo_surface_set_device_scale(surface, pngScale, pngScale) }
        case .svg:
            surface = cairo_svg_surface_create_for_stream(appendToByteSink, context, size.width, size.height)
            if let surface {
                cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
                cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
            }
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(appendToByteSink, context, size.width, size.height)
            if let surface {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, pdfTitle)
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, pdfCreator)
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, pdfDate)
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, pdfDate)
            }
        }
        guard let surface else { throw RenderingError.cairo(status: -1, message: "could not create a surface") }
        return surface
    }
}
