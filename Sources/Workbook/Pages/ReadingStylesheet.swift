extension SiteAssets {
    /// The second half of `assets/labbook.css` (written after ``stylesheet``, so its rules win
    /// where both style the same thing): what makes pages readable on every screen — results
    /// tables that become cards where they do not fit, the dark colour scheme, heading links
    /// and the navigation that follows the reader. Kept apart from the calm base style so each
    /// file stays one concern.
    public static let readingStylesheet = #"""
        /* ==== Readable on every screen (tables, dark scheme, navigation) ==== */

        /* ---- Results tables: a table where it fits, cards where it does not ---- */

        /* A results table may use the whole column, as a wide figure does: its numbers need the
           room more than prose needs the measure. */
        .lb-experiment > .lb-table-scroll, main > .lb-table-scroll, .lb-answer .lb-table-scroll { max-width: none; }
        /* "not reached in 10000 (reached: 5564–6991)" breaks before the bracket instead of widening
           the column by half. */
        .lb-results td.lb-not-reached { white-space: normal; }
        .lb-results .lb-range { white-space: nowrap; }
        /* Where the column is narrower than the table's one-line width, headers and "not reached"
           cells wrap first; the script turns it into cards only when even that does not fit. */
        .lb-table-scroll > table.lb-results { max-width: 100%; }

        /* labbook.js turns a results table that is wider than its column into cards, one per row
           (.lb-cards on the wrapper), and writes each column's name on its cells (data-label). The
           caption stays first, above the cards, never inside a scroller. Without the script the
           table scrolls sideways inside its wrapper as before. */
        @media screen {
          .lb-cards > table.lb-results {
            display: flex; flex-direction: column; width: 100%; max-width: none; border: 0; margin-inline: 0;
          }
          .lb-cards > table.lb-results > caption { display: block; order: -1; text-align: left; }
          /* The header row stays for screen readers (which still meet a table), not for the eye. */
          .lb-cards > table.lb-results > thead {
            position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
          }
          .lb-cards > table.lb-results > tbody {
            display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr)); gap: 0.6rem;
          }
          .lb-cards > table.lb-results tr {
            display: block; padding: 0.45rem 0.75rem; border: 1px solid var(--lb-rule-strong); border-radius: 6px;
            background: var(--lb-paper);
          }
          .lb-cards > table.lb-results tbody tr:nth-child(even) { background: var(--lb-paper); }
          .lb-cards > table.lb-results :is(td, th) {
            display: flow-root; padding: 0.2rem 0; border: 0; border-bottom: 1px solid var(--lb-rule);
            text-align: right; white-space: normal; overflow-wrap: anywhere;
          }
          .lb-cards > table.lb-results tr > :last-child { border-bottom: 0; }
          /* The column's name on the left, the value (with its range and count below) on the right.
             Empty alternative text: a screen reader already hears the column header. */
          .lb-cards > table.lb-results :is(td, th)[data-label]::before {
            content: attr(data-label) / "";
            float: left; max-width: 55%; margin-right: 0.75rem;
            color: var(--lb-muted); font-weight: 400; text-align: left;
          }
          /* What the row is (the swept value, the run) heads its card. */
          .lb-cards > table.lb-results .lb-row-label { font-weight: 650; text-align: left; }
          .lb-cards > table.lb-results .lb-row-label::before { float: none; margin-right: 0.4rem; }
          .lb-cards > table.lb-results td.lb-blank-cell { height: auto; min-height: 2.6em; }
          .lb-cards > table.lb-results .lb-links-col { text-align: right; }
        }

        /* A table that still scrolls (a wide one without the script, or a Markdown table): the first
           column stays in view and a line above says that there is more to the right. */
        @media screen {
          .lb-table-scroll.lb-overflowing::before {
            content: "Scroll sideways for more columns →" / "";
            display: block; position: sticky; left: 0;
            color: var(--lb-muted); font-size: 0.8rem; text-align: right;
          }
          .lb-overflowing > table > tbody > tr > :first-child,
          .lb-overflowing > table > thead > tr > :first-child {
            position: sticky; left: 0; z-index: 1; background: var(--lb-paper);
          }
          .lb-overflowing > table.lb-results > tbody > tr:nth-child(even) > :first-child { background: var(--lb-tint); }
        }

        /* ---- Dark colour scheme, following the reader's system setting ---- */

        /* The same palette, turned: every colour the stylesheet uses is a variable, so the dark
           scheme is these values plus the few rules that name a colour of their own. Each text
           colour keeps at least 4.5:1 on the page and on its tint (axe checks both schemes). */
        :root { color-scheme: light dark; }
        /* The printable handout is a preview of paper: it stays light (its own print style names
           colours of its own). */
        :root:has(> body.lb-handout) { color-scheme: light; }
        @media screen and (prefers-color-scheme: dark) {
          :root:not(:has(> body.lb-handout)) {
            --lb-text: #e4e7eb;
            --lb-muted: #b0b8c2;
            --lb-faint: #a3acb6;
            --lb-rule: #353b43;
            --lb-rule-strong: #5a646f;
            --lb-paper: #14171b;
            --lb-tint: #1d2126;
            --lb-accent: #82b8f2;
            --lb-accent-dark: #a9cef6;
            --lb-accent-tint: #1a2838;
            --lb-answer: #74c995;
            --lb-answer-tint: #15251b;
            --lb-warn: #f29873;
            --lb-warn-tint: #2e1d16;
            --lb-note: #dcbc58;
            --lb-note-tint: #2a2410;
            --lb-instructor: #c0a3ec;
            --lb-instructor-tint: #231d2e;
          }
          body:not(.lb-handout) .lb-header { background: var(--lb-tint); }
          body:not(.lb-handout) .lb-question { background: #18202a; }
          body:not(.lb-handout) details.lb-config { background: var(--lb-tint); }
          body:not(.lb-handout) .lb-playground { border-color: #3b5877; }
          body:not(.lb-handout) .lb-playground:hover { background: #24384f; }
          body:not(.lb-handout) .lb-value.lb-not-reached { color: var(--lb-note); }
          body:not(.lb-handout) .lb-reconstructed { color: var(--lb-note); border-color: #7d6a2f; }
          body:not(.lb-handout) :is(table.lb-blank-table th, table.lb-blank-table td) { border-color: var(--lb-rule-strong); }
          body:not(.lb-handout) :is(.lb-search-results, .lb-menu > .lb-menu-list) { box-shadow: 0 4px 16px rgba(0, 0, 0, 0.5); }
          /* Figures are drawn for white paper: each sits on a light card of its own rather than
             being inverted (inverting would swap the Playground's orange and blue meanings). */
          body:not(.lb-handout) :is(.lb-figure img, .lb-frames img) {
            background: #fff; padding: 0.4rem; border-radius: 6px;
          }
        }

        /* ---- Navigation: heading links, where the reader is, previous/next at the top ---- */

        /* A heading's link ("#") appears beside it on hover and focus (and stays on screens that
           cannot hover), so a reader can copy the address of a section. */
        .lb-anchor {
          margin-left: 0.35em; padding: 0 0.15em;
          color: var(--lb-faint); font-weight: 400; text-decoration: none;
          opacity: 0;
        }
        :is(h2, h3):hover > .lb-anchor, .lb-anchor:focus-visible { opacity: 1; }
        @media (hover: none) { .lb-anchor { opacity: 1; } }
        /* The section the reader is in, in the sidebar and the phone menu (labbook.js follows the
           scroll position). */
        .lb-toc a.lb-here, .lb-menu a.lb-here {
          color: var(--lb-accent); border-left-color: var(--lb-accent); font-weight: 600;
        }
        .lb-pager-top {
          display: flex; justify-content: space-between; gap: 1rem;
          margin-bottom: 1.25rem; font-size: 0.85rem; line-height: 1.4;
        }
        .lb-pager-top a { text-decoration: none; }
        .lb-pager-top .lb-next { margin-left: auto; text-align: right; }
        @media print { .lb-pager-top, .lb-anchor { display: none !important; } }

        /* ---- A figure full size: the screen's width and height, its number, caption, a way back ---- */

        dialog.lb-viewer {
          width: 100vw; height: 100vh; height: 100dvh; max-width: none; max-height: none;
          margin: 0; padding: 0; border: 0;
          background: var(--lb-paper); color: var(--lb-text);
        }
        dialog.lb-viewer[open] { display: flex; flex-direction: column; }
        dialog.lb-viewer::backdrop { background: rgba(0, 0, 0, 0.6); }
        .lb-viewer-bar {
          display: flex; align-items: center; gap: 1rem; padding: 0.5rem 1rem;
          border-bottom: 1px solid var(--lb-rule); font-size: 0.9rem;
        }
        .lb-viewer-back {
          font: inherit; padding: 0.3rem 0.8rem; cursor: pointer;
          color: var(--lb-accent); background: var(--lb-accent-tint);
          border: 1px solid var(--lb-accent); border-radius: 999px;
        }
        .lb-viewer-title { font-weight: 650; }
        /* The figure takes what the bar and caption leave, scaled to fit both ways, on white
           (figures are drawn for white paper, in the dark scheme too). */
        .lb-viewer-figure { flex: 1 1 auto; min-height: 0; display: flex; padding: 0.5rem; overflow: auto; }
        /* Too small to read when fitted (a wide figure on a phone): its readable size, scrolled. */
        .lb-viewer-figure img.lb-pan { flex: none; height: auto; margin: auto; }
        .lb-viewer-figure img {
          width: 100%; height: 100%; max-width: none; object-fit: contain; background: #fff; border-radius: 4px;
        }
        .lb-viewer-caption {
          flex: 0 1 auto; max-height: 30vh; overflow-y: auto; padding: 0.5rem 1rem 1rem;
          border-top: 1px solid var(--lb-rule); color: var(--lb-muted); font-size: 0.875rem; line-height: 1.5;
        }
        .lb-viewer-caption figcaption { max-width: 62rem; margin: 0 auto; }

        """#

    /// `assets/labbook.css` as written: the base style, then the reading rules.
    public static var writtenStylesheet: String { stylesheet + readingStylesheet }
}
