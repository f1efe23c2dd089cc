extension SiteAssets {
    /// `assets/labbook.js`. It typesets math and opens folded answers for printing: the Markdown front end has already turned
    /// `$…$`/`$$…$$` into `\(…\)`/`\[…\]`, so only those delimiters are listed (a stray `$`
    /// in prose, e.g. a price, stays text). `throwOnError: false` shows bad TeX in red in
    /// place instead of stopping the page. Nothing here fetches or stores anything, so it
    /// runs without console errors from file://. The guard covers a page opened without
    /// its assets folder: the text stays readable, just untypeset.
    public static let script = #"""
        // Labbook: typeset \( … \) and \[ … \] with KaTeX. Loaded with `defer` after KaTeX
        // and its auto-render extension, so both exist and the document is parsed.
        (function () {
          "use strict";
          if (typeof window.renderMathInElement !== "function") { return; }
          window.renderMathInElement(document.body, {
            delimiters: [
              { left: "\\[", right: "\\]", display: true },
              { left: "\\(", right: "\\)", display: false }
            ],
            throwOnError: false
          });
        })();
        // Answers are folded on screen so a page can be projected; paper shows them all.
        window.addEventListener("beforeprint", function () {
          document.querySelectorAll("details.lb-answer").forEach(function (d) { d.open = true; });
        });

        """#
}
