// The workbook's own CSS and JavaScript are files in `Pages/Assets/` (so CSS and JavaScript
// tools read them: scripts/lint-web); the EmbedWebAssets build plugin makes them the
// `WebAssetFiles` constants used here.

extension SiteAssets {
    /// `assets/labbook.css`: a calm course-book style for screen, and a print style for
    /// handouts. Every `lb-` class the compiler emits is styled here; the comments in the
    /// CSS say why where a choice is not obvious (they ship, which helps whoever reads
    /// the workbook's source).
    public static var stylesheet: String { WebAssetFiles.labbookCSS }
}

extension SiteAssets {
    /// The second half of `assets/labbook.css` (written after ``stylesheet``, so its rules win
    /// where both style the same thing): what makes pages readable on every screen — results
    /// tables that become cards where they do not fit, the dark colour scheme, heading links
    /// and the navigation that follows the reader. Kept apart from the calm base style so each
    /// file stays one concern.
    public static var readingStylesheet: String { WebAssetFiles.readingCSS }

    /// `assets/labbook.css` as written: the base style, then the reading rules.
    public static var writtenStylesheet: String { stylesheet + readingStylesheet }
}

extension SiteAssets {
    /// Rules for worksheets, blanks and the printed book, in their own file so the main
    /// stylesheet stays one concern: how worksheets and blanks look, and where pages break.
    public static let editionsStylesheetPath = "assets/labbook-editions.css"

    public static var editionsStylesheet: String { WebAssetFiles.labbookEditionsCSS }
}

extension SiteAssets {
    /// `assets/labbook.js`. It typesets math, opens folded answers for printing, makes regions
    /// that scroll sideways focusable, and runs the search box: the Markdown front end has
    /// already turned `$…$`/`$$…$$` into `\(…\)`/`\[…\]`, so only those delimiters are listed
    /// (a stray `$` in prose, e.g. a price, stays text). `throwOnError: false` shows bad TeX in
    /// red in place instead of stopping the page. Nothing here fetches or stores anything (the
    /// search index is a script tag), so it runs without console errors from file://. The
    /// guard covers a page opened without its assets folder: the text stays readable, just
    /// untypeset.
    public static var script: String { WebAssetFiles.labbookJS }
}

extension SiteAssets {
    /// The part of `assets/labbook.js` that makes pages readable on every screen. It runs
    /// first (the script's focusable-overflow check must see tables after they have become
    /// cards): results tables become cards where they do not fit; see ``readingStylesheet``.
    public static var readingScript: String { WebAssetFiles.readingJS }

    /// `assets/labbook.js` as written: the reading part, then the rest.
    public static var writtenScript: String { readingScript + script }
}
