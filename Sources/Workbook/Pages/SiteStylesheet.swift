extension SiteAssets {
    /// `assets/labbook.css`: a calm course-book style for screen, and a print style for
    /// handouts. Every `lb-` class the compiler emits is styled here; the comments in the
    /// CSS say why where a choice is not obvious (they ship, which helps whoever reads
    /// the workbook's source).
    public static let stylesheet = #"""
        /* Labbook workbook stylesheet. No web fonts besides KaTeX's, no external URLs:
           the workbook must work offline from file://. */

        :root {
          --lb-text: #1d2126;
          --lb-muted: #59626d;
          --lb-faint: #5f6873; /* 5.6:1 on white: small labels stay legible (WCAG AA) */
          --lb-rule: #dde1e6;
          --lb-rule-strong: #aab2bc;
          --lb-paper: #ffffff;
          --lb-tint: #f5f7f9;
          --lb-accent: #1f5fa3;
          --lb-accent-dark: #164679;
          --lb-accent-tint: #ebf2fa;
          --lb-answer: #2e7a4c;
          --lb-answer-tint: #eef7f1;
          --lb-warn: #b3441e;
          --lb-warn-tint: #fdf1ec;
          --lb-note: #8a6a12;
          --lb-note-tint: #fbf6e6;
          --lb-instructor: #6c4f99;
          --lb-instructor-tint: #f5f1fa;
          /* Prose measure: about 70 characters of body text a line reads best. In rem, not
             ch, so smaller-type blocks (captions, the configuration) share the column edges. */
          --lb-measure: 40rem;
          --lb-page: 84rem;
          --lb-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue",
            Arial, "Liberation Sans", sans-serif;
          --lb-mono: ui-monospace, "SFMono-Regular", "Cascadia Mono", "DejaVu Sans Mono", Menlo,
            Consolas, monospace;
        }

        *, *::before, *::after { box-sizing: border-box; }

        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }

        body {
          margin: 0;
          background: var(--lb-paper);
          color: var(--lb-text);
          font-family: var(--lb-font);
          font-size: 1.0625rem;
          line-height: 1.65;
        }

        img, svg, picture, video { max-width: 100%; height: auto; }

        a { color: var(--lb-accent); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
        a:hover { color: var(--lb-accent-dark); }
        a:focus-visible { outline: 2px solid var(--lb-accent); outline-offset: 2px; border-radius: 2px; }

        /* ---- Header ---- */

        .lb-header { border-bottom: 1px solid var(--lb-rule); background: #fbfcfd; }
        .lb-header-inner {
          max-width: var(--lb-page);
          margin: 0 auto;
          padding: 0.6rem 1.5rem;
          display: flex;
          flex-wrap: wrap;
          align-items: baseline;
          gap: 0.25rem 0.75rem;
        }
        .lb-book-title { color: var(--lb-text); font-weight: 650; text-decoration: none; }
        .lb-book-title:hover { color: var(--lb-accent); }
        .lb-edition {
          font-size: 0.7rem;
          font-weight: 650;
          letter-spacing: 0.06em;
          text-transform: uppercase;
          color: var(--lb-instructor);
          border: 1px solid currentColor;
          border-radius: 3px;
          padding: 0.05em 0.45em;
          white-space: nowrap;
        }
        .lb-header-nav { margin-left: auto; font-size: 0.9rem; }
        .lb-header-nav a { text-decoration: none; }

        /* ---- Skip link, hidden text, search, chapter menu ---- */

        /* Hidden from the eye, read by screen readers (long figure descriptions, labels). */
        .lb-visually-hidden {
          position: absolute !important;
          width: 1px; height: 1px;
          margin: -1px; padding: 0; border: 0;
          overflow: hidden;
          clip: rect(0 0 0 0);
          clip-path: inset(50%);
          white-space: nowrap;
        }
        .lb-skip-link {
          position: absolute;
          left: 0.5rem;
          top: -3rem;
          z-index: 10;
          padding: 0.4rem 0.8rem;
          background: var(--lb-paper);
          border: 2px solid var(--lb-accent);
          border-radius: 4px;
        }
        .lb-skip-link:focus { top: 0.5rem; }
        main:focus { outline: none; }

        /* The search box needs the script; without it, it is not shown. */
        .lb-search { display: none; position: relative; flex: 0 1 16rem; min-width: 0; }
        .lb-js .lb-search { display: block; }
        .lb-search input {
          width: 100%;
          font: inherit;
          font-size: 0.9rem;
          padding: 0.25rem 0.5rem;
          border: 1px solid var(--lb-rule-strong);
          border-radius: 4px;
          background: var(--lb-paper);
          color: var(--lb-text);
        }
        .lb-search input:focus-visible { outline: 2px solid var(--lb-accent); outline-offset: 1px; }
        .lb-search-results { display: none; }
        .lb-search.lb-searching .lb-search-results {
          display: block;
          position: absolute;
          right: 0;
          top: calc(100% + 0.3rem);
          z-index: 5;
          width: min(32rem, calc(100vw - 2rem));
          max-height: 70vh;
          font-size: 0.875rem;
        }
        /* The search results and the phone menu are the same kind of panel. */
        .lb-search-results, .lb-menu > .lb-menu-list {
          overflow-y: auto;
          padding: 0.5rem 0.8rem;
          background: var(--lb-paper);
          border: 1px solid var(--lb-rule-strong);
          border-radius: 6px;
          box-shadow: 0 4px 16px rgba(0, 0, 0, 0.12);
          line-height: 1.4;
        }
        .lb-search-results ol { list-style: none; margin: 0; padding: 0; }
        .lb-search-results li { padding-block: 0.4rem; border-bottom: 1px solid var(--lb-rule); }
        .lb-search-results li:last-child { border-bottom: 0; }
        .lb-search-results a { display: block; font-weight: 600; }
        .lb-search-snippet { display: block; color: var(--lb-muted); overflow-wrap: anywhere; }

        /* Phones: the chapter list is a menu in the header; wide screens show it as the
           sidebar instead (display: none also hides the other copy from screen readers). */
        /* The open menu hangs from the header's left edge, inside the screen at any width. */
        .lb-header-inner { position: relative; }
        .lb-menu { font-size: 0.9rem; }
        .lb-menu > summary { cursor: pointer; color: var(--lb-accent); }
        .lb-menu > .lb-menu-list {
          position: absolute;
          left: 1rem;
          top: 100%;
          z-index: 5;
          width: min(22rem, calc(100vw - 2rem));
          max-height: 75vh;
        }
        .lb-menu ol { list-style: none; margin: 0; padding: 0; }
        .lb-menu ol ol { padding-left: 0.9rem; font-size: 0.85rem; }
        .lb-menu a { display: block; padding: 0.3rem 0; text-decoration: none; }
        [aria-current="page"] { font-weight: 650; color: var(--lb-text); }
        @media (min-width: 68rem) { .lb-menu { display: none; } }
        @media (max-width: 67.99rem) { .lb-toc.lb-chapter-list { display: none; } }

        /* ---- Layout: an optional contents sidebar, then the main column ---- */

        .lb-layout {
          max-width: var(--lb-page);
          margin: 0 auto;
          padding: 0 1.5rem;
          display: grid;
          grid-template-columns: minmax(0, 1fr);
          column-gap: 3rem;
        }
        @media (min-width: 68rem) {
          .lb-layout.lb-with-toc { grid-template-columns: 14rem minmax(0, 1fr); }
          .lb-with-toc > .lb-toc {
            position: sticky;
            top: 0;
            align-self: start;
            max-height: 100vh;
            overflow-y: auto;
            padding: 2.5rem 0 2rem;
          }
        }

        main { min-width: 0; padding: 2rem 0 3rem; }

        /* Prose keeps the measure, centred in the column; experiments span the column so a
           wide figure (small multiples) can be wider than the text around it. Element rules
           below set only vertical margins so they never undo this centring. */
        main > *, .lb-experiment > * { max-width: min(100%, var(--lb-measure)); margin-inline: auto; }
        main > .lb-experiment, .lb-experiment > .lb-figure.lb-wide, main > .lb-figure.lb-wide {
          max-width: none;
        }
        /* Wide tables scroll inside themselves, never the page: the wrapper scrolls (and
           labbook.js makes it focusable when it does), the table inside it does not. */
        .lb-table-scroll { overflow-x: auto; max-width: 100%; }
        .lb-table-scroll > table { overflow: visible; max-width: none; }
        :is(.lb-table-scroll, .math.display, main table, main pre):focus-visible {
          outline: 2px solid var(--lb-accent);
          outline-offset: 2px;
        }
        .lb-experiment-title, .lb-question-title { font-size: 1.05rem; margin-block: 1.2rem 0.6rem; }
        details.lb-answer > summary { cursor: pointer; font-weight: 600; color: var(--lb-answer); }
        details.lb-answer[open] > summary { margin-bottom: 0.5rem; }
        @media print {
          details.lb-answer > summary { display: none; }
          /* The summary is hidden on paper, so the box says what it holds. */
          details.lb-answer::before {
            content: "Instructor's copy · answer";
            display: block;
            margin-bottom: 1.5mm;
            font-size: 7.5pt;
            font-weight: 700;
            letter-spacing: 0.06em;
            text-transform: uppercase;
            color: var(--lb-answer);
          }
          details.lb-worksheet-key::before { content: "Instructor's copy · worksheet key"; }
          details.lb-answer { border: 1pt solid var(--lb-answer); border-left-width: 4pt; }
        }

        /* ---- Headings and text ---- */

        h1, h2, h3, h4 { line-height: 1.25; font-weight: 650; scroll-margin-top: 1rem; }
        h1 { font-size: 2.1rem; letter-spacing: -0.01em; margin-block: 0 1.5rem; }
        h2 { font-size: 1.45rem; margin-block: 2.6rem 0.8rem; }
        h3 { font-size: 1.15rem; margin-block: 2rem 0.6rem; }
        h4 { font-size: 1rem; margin-block: 1.5rem 0.5rem; }
        main > header.lb-chapter-title h1 { margin-bottom: 1.75rem; }
        .lb-chapter-number {
          margin: 0 0 0.3rem;
          color: var(--lb-accent);
          font-size: 0.8rem;
          font-weight: 650;
          letter-spacing: 0.08em;
          text-transform: uppercase;
        }
        .lb-subtitle { color: var(--lb-muted); font-size: 1.1rem; }

        p { margin-block: 0 1rem; }
        ul, ol { padding-left: 1.5rem; }
        li + li { margin-top: 0.25rem; }
        blockquote {
          margin-block: 1.25rem;
          padding: 0.1rem 0 0.1rem 1rem;
          border-left: 3px solid var(--lb-rule);
          color: var(--lb-muted);
        }
        hr { border: 0; border-top: 1px solid var(--lb-rule); margin: 2.5rem auto; }

        code, kbd, pre { font-family: var(--lb-mono); font-size: 0.875em; }
        code { background: var(--lb-tint); padding: 0.1em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
        pre {
          background: var(--lb-tint);
          padding: 0.8rem 1rem;
          border-radius: 6px;
          overflow-x: auto;
          line-height: 1.5;
        }
        pre code { background: none; padding: 0; font-size: 1em; }

        /* ---- Math (KaTeX) ---- */

        /* KaTeX's default 1.21em suits serif text; next to a system sans it looks shouty. */
        .katex { font-size: 1.1em; }
        /* Display math is centred and scrolls sideways on its own rather than widening the page. */
        .math.display {
          display: block;
          margin-block: 1rem;
          text-align: center;
          overflow-x: auto;
          overflow-y: hidden;
          padding-block: 0.15rem;
        }
        .math.display > .katex-display { margin: 0; }

        /* ---- Experiments and figures ---- */

        .lb-experiment { margin-block: 2rem; scroll-margin-top: 1rem; }

        .lb-figure { margin-block: 1.75rem; text-align: center; }
        .lb-figure img, .lb-figure picture { display: inline-block; vertical-align: middle; }
        .lb-figure figcaption {
          /* Fit-content centres a short caption under the figure; a long one wraps into a
             left-aligned paragraph, which reads better than centred lines. */
          width: fit-content;
          max-width: min(100%, 62ch);
          margin: 0.6rem auto 0;
          color: var(--lb-muted);
          font-size: 0.875rem;
          line-height: 1.5;
          text-align: left;
        }
        .lb-fignum { color: var(--lb-text); font-weight: 650; margin-right: 0.4em; }
        /* The figure's own file, full size: the way to read small labels on a phone. */
        .lb-figure-open { display: block; margin-top: 0.25rem; font-size: 0.8rem; }
        .lb-figure.lb-wide { margin-block: 2rem; }

        /* Epoch slider (labbook.js makes it from its <template>): on screen it replaces the
           timeline image, which stays for print and for pages without script. */
        .lb-slider-on > img:first-of-type { display: none; }
        /* The network timeline whose frames the boundary's slider shows beside its own. */
        .lb-slider-covered { display: none; }
        /* With script the slider replaces both from the first layout, so their lazy images
           are never fetched on screen (print shows them, see below). */
        @media screen and (scripting: enabled) {
          .lb-has-slider > img:first-of-type, .lb-slider-companion { display: none; }
        }
        .lb-epoch-slider-live { display: inline-block; max-width: 100%; }
        .lb-frames { display: flex; flex-wrap: wrap; justify-content: center; align-items: center; gap: 0.75rem; }
        .lb-frames img { max-width: 100%; height: auto; }
        /* A sweep: one captioned frame per combination; the caption wraps at the images' width. */
        .lb-frame {
          display: flex; flex-wrap: wrap; justify-content: center; gap: 0.25rem 0.75rem;
          min-width: 0; max-width: 100%;
        }
        .lb-frame-caption {
          flex-basis: 100%; contain: inline-size; margin: 0; font-size: 0.85rem;
          font-variant-numeric: tabular-nums; text-align: center;
        }
        .lb-frame-caption strong { display: block; }
        .lb-epoch-control {
          display: flex; flex-wrap: wrap; align-items: center; justify-content: center;
          gap: 0.3rem 0.75rem; margin-top: 0.5rem;
        }
        .lb-epoch-control label { font-weight: 600; font-size: 0.9rem; }
        .lb-epoch-control input[type="range"] { width: min(20rem, 70vw); accent-color: var(--lb-accent, #1a5fb4); }
        .lb-epoch-status {
          flex-basis: 100%; margin: 0; font-size: 0.9rem;
          font-variant-numeric: tabular-nums; text-align: center;
        }
        /* On a phone a sweep's frames stack: the control comes first and stays at the top of
           the screen while the reader scrolls through the frames it changes. */
        @media (max-width: 48rem) {
          .lb-epoch-slider-live { display: flex; flex-direction: column; }
          .lb-epoch-control {
            order: -1; position: sticky; top: 0; z-index: 1;
            margin: 0 0 0.5rem; padding: 0.4rem 0; background: var(--lb-paper);
            border-bottom: 1px solid var(--lb-rule);
          }
        }

        /* ---- Tables ---- */

        /* Block display lets a table too wide for a phone scroll sideways on its own instead
           of widening the page; fit-content keeps it as narrow as its cells and centred. */
        main table {
          display: block;
          width: fit-content;
          max-width: 100%;
          overflow-x: auto;
          border-collapse: collapse;
          margin: 1.25rem auto;
          font-size: 0.9rem;
          font-variant-numeric: tabular-nums;
        }
        main th, main td {
          padding: 0.35rem 0.75rem;
          text-align: left;
          vertical-align: baseline;
          border-bottom: 1px solid var(--lb-rule);
        }
        main thead th { border-bottom: 1px solid var(--lb-rule-strong); font-weight: 650; }
        main caption {
          caption-side: top;
          padding-bottom: 0.4rem;
          color: var(--lb-muted);
          font-size: 0.85rem;
          text-align: left;
        }
        table.lb-results {
          border-top: 1.5px solid var(--lb-rule-strong);
          border-bottom: 1.5px solid var(--lb-rule-strong);
        }
        .lb-results tbody tr:nth-child(even) { background: var(--lb-tint); }
        .lb-results tbody tr:last-child > * { border-bottom: 0; }
        .lb-results td.num, .lb-results th.num, main td.num, main th.num {
          text-align: right;
          white-space: nowrap;
        }
        /* Headers may wrap; the numbers under them may not. */
        .lb-results th.num { white-space: normal; min-width: 6rem; }

        /* ---- Links to the Playground and the folded configuration ---- */

        .lb-playground {
          display: inline-flex;
          align-items: center;
          gap: 0.3em;
          padding: 0.3rem 0.75rem;
          border: 1px solid #b8cce4;
          border-radius: 999px;
          background: var(--lb-accent-tint);
          color: var(--lb-accent);
          font-size: 0.8rem;
          font-weight: 600;
          line-height: 1.2;
          text-decoration: none;
          white-space: nowrap;
        }
        .lb-playground:hover { background: #dce8f6; border-color: var(--lb-accent); color: var(--lb-accent-dark); }

        details.lb-config {
          margin-block: 0.75rem 1.5rem;
          border: 1px solid var(--lb-rule);
          border-radius: 6px;
          background: #fcfcfd;
          font-size: 0.875rem;
        }
        details.lb-config > summary {
          cursor: pointer;
          padding: 0.45rem 0.8rem;
          color: var(--lb-muted);
          font-weight: 600;
        }
        details.lb-config[open] > summary { border-bottom: 1px solid var(--lb-rule); }
        details.lb-config > :not(summary) { margin: 0.6rem 0.8rem; }
        details.lb-config dl {
          display: grid;
          grid-template-columns: max-content minmax(0, 1fr);
          gap: 0.15rem 1.25rem;
        }
        details.lb-config dt { color: var(--lb-muted); }
        details.lb-config dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
        details.lb-config table { margin: 0.6rem 0.8rem; font-size: inherit; }
        details.lb-config th, details.lb-config td { padding: 0.15rem 1.25rem 0.15rem 0; border: 0; }
        details.lb-config th { color: var(--lb-muted); font-weight: 400; }

        /* ---- Numbers from the runs, cross-references ---- */

        /* A value reads as part of its sentence: no padding that opens gaps before
           punctuation, and long values may wrap on phones. */
        .lb-value {
          overflow-wrap: anywhere;
          background: var(--lb-accent-tint);
          border-radius: 2px;
          box-shadow: 0 0 0 1px var(--lb-accent-tint);
          font-variant-numeric: tabular-nums;
        }
        .lb-value.lb-not-reached { background: var(--lb-note-tint); color: #6f5408; }

        /* Underlined: the link colour alone is too close to the text's (WCAG 1.4.1). */
        .lb-ref { white-space: nowrap; }

        /* ---- Boxes: warnings, questions, answers, notes ---- */

        .lb-warning, .lb-question, .lb-answer, .lb-reconstructed, div.lb-instructor-only,
        section.lb-instructor-only, aside.lb-instructor-only {
          margin-block: 1.5rem;
          padding: 0.8rem 1.1rem;
          border-radius: 0 6px 6px 0;
        }
        :is(.lb-warning, .lb-question, .lb-answer, .lb-reconstructed, .lb-instructor-only) > :first-child {
          margin-top: 0;
        }
        :is(.lb-warning, .lb-question, .lb-answer, .lb-reconstructed, .lb-instructor-only) > :last-child {
          margin-bottom: 0;
        }

        .lb-warning { border-left: 4px solid var(--lb-warn); background: var(--lb-warn-tint); }
        .lb-question { border-left: 4px solid var(--lb-accent); background: #f6f9fd; }
        .lb-answer { border-left: 4px solid var(--lb-answer); background: var(--lb-answer-tint); }
        .lb-reconstructed {
          border: 1px dashed #c9ad5c;
          border-radius: 6px;
          background: var(--lb-note-tint);
          color: #5c4a12;
          font-size: 0.9rem;
        }

        /* Instructor-only material carries a visible tag on screen and paper, so an
           instructor copy is never mistaken for the student handout. */
        div.lb-instructor-only, section.lb-instructor-only, aside.lb-instructor-only {
          position: relative;
          border: 1px dashed var(--lb-instructor);
          border-radius: 6px;
          padding-top: 1.1rem;
          background: var(--lb-instructor-tint);
        }
        div.lb-instructor-only::before, section.lb-instructor-only::before, aside.lb-instructor-only::before {
          content: "Instructor only";
          position: absolute;
          top: -0.7em;
          left: 0.8rem;
          padding: 0 0.4em;
          background: var(--lb-paper);
          color: var(--lb-instructor);
          font-size: 0.7rem;
          font-weight: 650;
          letter-spacing: 0.06em;
          line-height: 1.4;
          text-transform: uppercase;
        }
        span.lb-instructor-only {
          background: var(--lb-instructor-tint);
          border-bottom: 1px dashed var(--lb-instructor);
        }
        /* An answer that is also instructor-only keeps the answer's green edge. */
        .lb-answer.lb-instructor-only {
          border-left: 4px solid var(--lb-answer);
          border-radius: 0 6px 6px 0;
          background: var(--lb-answer-tint);
        }

        /* ---- Contents: chapter sidebar (.lb-toc) and the index page (.lb-contents) ---- */

        .lb-toc { font-size: 0.875rem; line-height: 1.4; padding: 1.25rem 0 0.5rem; }
        .lb-toc-heading {
          margin: 0 0 0.5rem;
          color: var(--lb-faint);
          font-size: 0.72rem;
          font-weight: 650;
          letter-spacing: 0.08em;
          text-transform: uppercase;
        }
        .lb-toc ol, .lb-contents ol { list-style: none; margin: 0; padding: 0; }
        .lb-toc li + li, .lb-contents li + li { margin-top: 0; }
        .lb-toc ol ol { padding-left: 0.8rem; }
        .lb-toc a {
          display: block;
          padding: 0.2rem 0.6rem;
          border-left: 2px solid var(--lb-rule);
          color: var(--lb-muted);
          text-decoration: none;
        }
        .lb-toc .lb-toc-level-0 > li > a { color: var(--lb-text); }
        .lb-toc a:hover { color: var(--lb-accent); border-left-color: var(--lb-accent); }
        @media (max-width: 67.99rem) {
          /* Narrow screens: the contents sit above the chapter as a compact box. */
          .lb-toc { border-bottom: 1px solid var(--lb-rule); padding-bottom: 1rem; }
        }

        .lb-toc-number { color: var(--lb-accent); font-weight: 650; margin-right: 0.35em; }
        .lb-contents > h2 { font-size: 1.1rem; color: var(--lb-muted); }
        .lb-contents .lb-toc-level-0 > li { padding-block: 0.9rem; border-top: 1px solid var(--lb-rule); }
        .lb-contents .lb-toc-level-0 > li > a {
          color: var(--lb-text);
          font-size: 1.15rem;
          font-weight: 650;
          text-decoration: none;
        }
        .lb-contents .lb-toc-level-0 > li > a .lb-toc-number {
          display: block;
          font-size: 0.75rem;
          letter-spacing: 0.08em;
          text-transform: uppercase;
        }
        .lb-contents .lb-toc-level-0 > li > a:hover .lb-toc-title { color: var(--lb-accent); }
        .lb-contents ol ol { margin-top: 0.35rem; font-size: 0.925rem; }
        .lb-contents ol ol ol { padding-left: 1rem; }
        .lb-contents ol ol a { color: var(--lb-muted); text-decoration: none; }
        .lb-contents ol ol a:hover { color: var(--lb-accent); text-decoration: underline; }

        /* ---- Footer: previous / contents / next ---- */

        .lb-footer { border-top: 1px solid var(--lb-rule); margin-top: 2rem; }
        .lb-pager {
          max-width: var(--lb-page);
          margin: 0 auto;
          padding: 1.25rem 1.5rem 2.5rem;
          display: grid;
          grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
          gap: 1.5rem;
          align-items: start;
          font-size: 0.95rem;
        }
        .lb-pager a { text-decoration: none; }
        .lb-prev { justify-self: start; }
        .lb-up { align-self: center; font-size: 0.875rem; }
        .lb-next { justify-self: end; text-align: right; }
        .lb-pager-label {
          display: block;
          color: var(--lb-faint);
          font-size: 0.72rem;
          font-weight: 650;
          letter-spacing: 0.06em;
          text-transform: uppercase;
        }
        .lb-pager-title { font-weight: 600; }

        /* ---- Print: a clean A4 handout ---- */

        @page { size: A4; margin: 18mm 16mm; }

        @media print {
          /* Keep the figures' and boxes' colours: browsers drop backgrounds by default. */
          html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { background: #fff; color: #000; font-size: 10.5pt; line-height: 1.45; }

          /* Navigation means nothing on paper. The book title and edition stay as a
             running title (the edition matters: it marks an instructor copy). */
          .lb-header-nav, .lb-toc, .lb-footer, .lb-pager, .lb-search, .lb-menu, .lb-skip-link,
          .lb-figure-open { display: none !important; }
          .lb-header { background: none; border-bottom: 0.5pt solid #999; margin-bottom: 6mm; }
          .lb-header-inner { max-width: none; padding: 0 0 1.5mm; font-size: 8.5pt; }
          .lb-book-title { color: #444; font-weight: 600; }

          .lb-layout { display: block; max-width: none; padding: 0; }
          main { padding: 0; }
          /* The A4 text block is the column (about 90 characters at 10.5pt, as handouts are). */
          main > *, .lb-experiment > * { max-width: none; }

          a { color: inherit; text-decoration: none; }
          /* Show where external links lead; internal ones (cross-references) read as text. */
          a[href^="http"]::after {
            content: " (" attr(href) ")";
            color: #555;
            font-size: 0.85em;
            overflow-wrap: anywhere;
          }

          /* Hidden: a Playground link carries the whole configuration in its URL (hundreds
             of characters), which no one would type from paper; the figure, table and text
             already state the settings that matter. */
          .lb-playground { display: none !important; }
          /* Hidden: the full configuration is reference detail for the screen. Printed
             open it would add a long key/value list to every experiment; printed closed
             only a summary line that cannot be unfolded on paper. */
          details.lb-config { display: none !important; }
          /* Paper has no slider: the timeline shows every snapshot. */
          .lb-epoch-slider-live { display: none !important; }
          .lb-slider-on > img:first-of-type { display: inline-block !important; }
          .lb-slider-covered { display: block !important; }

          h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
          figure, .lb-figure, table, .lb-results, img, pre, .math.display,
          .lb-warning, .lb-answer, .lb-reconstructed {
            break-inside: avoid;
            page-break-inside: avoid;
          }
          figcaption { break-before: avoid; }
          p { orphans: 3; widows: 3; }
          /* No scrollbars on paper: let long display math show rather than be clipped. */
          .math.display { overflow: visible; }
          h1 { font-size: 20pt; }
          h2 { font-size: 14pt; margin-top: 1.6rem; }
          h3 { font-size: 12pt; }
        }

        """#
}
