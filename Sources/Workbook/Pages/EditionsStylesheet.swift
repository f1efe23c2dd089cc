extension SiteAssets {
    /// Rules for worksheets, blanks and the printed book, in their own file so the main
    /// stylesheet stays one concern: how worksheets and blanks look, and where pages break.
    public static let editionsStylesheetPath = "assets/labbook-editions.css"

    public static let editionsStylesheet = #"""
        /* Labbook: worksheets (student edition), blanks to fill in, and page breaks in print. */

        .lb-blank {
          font-family: var(--lb-mono, monospace);
          letter-spacing: 0.05em;
          white-space: nowrap;
        }
        .lb-worksheet {
          border-left: 3px solid var(--lb-accent, #2563eb);
          padding-left: 1rem;
        }
        .lb-worksheet-label {
          color: var(--lb-accent, #2563eb);
          font-size: 0.8rem;
          font-weight: 650;
          letter-spacing: 0.06em;
          text-transform: uppercase;
          margin-bottom: 0.4rem;
        }
        ul.lb-setup { padding-left: 1.2rem; margin-block: 0 1rem; }
        table.lb-blank-table th, table.lb-blank-table td { border: 1px solid #9a9a9a; }
        table.lb-blank-table tbody tr:nth-child(even) { background: none; }
        table.lb-blank-table td.lb-blank-cell { min-width: 7em; height: 2.6em; }
        /* A run's QR code is for paper; on screen the row's link opens it. */
        .lb-qr-print { display: none; }
        table.lb-worksheet-table th[scope="row"] { white-space: nowrap; font-weight: 600; }

        @media print {
          /* Each run's link as a QR code a phone reads off the sheet (about 0.5 mm a module). */
          .lb-qr-print { display: block; }
          .lb-qr-print svg { display: block; width: 24mm; height: 24mm; }
          table.lb-worksheet-table tr { break-inside: avoid; page-break-inside: avoid; }
          .lb-worksheet .lb-table-scroll { break-inside: auto; page-break-inside: auto; }
          /* Room to write by hand: a row a pen can use, a column wide enough for "123 (45–678)". */
          table.lb-blank-table td.lb-blank-cell { height: 11mm; min-width: 27mm; }
          /* A worksheet is short (setup and a table): it stays on one page with its title. */
          .lb-worksheet { border-left: 0; padding-left: 0; }
          /* Keep a title with what follows it, and a figure with its caption. */
          .lb-experiment-title, .lb-question-title, .lb-worksheet-label, ul.lb-setup,
          .lb-chapter-number { break-after: avoid; page-break-after: avoid; }
          .lb-figure, .lb-figure img, .lb-table-scroll, ul.lb-setup { break-inside: avoid; page-break-inside: avoid; }
          /* Figures a little smaller than the column, so one that moves on to the next page
             leaves less white behind, and two often share a page. */
          .lb-figure img { max-width: 100%; max-height: 95mm; width: auto; height: auto; }
          .lb-figure.lb-wide img { max-height: 115mm; }
          .lb-figure { margin-block: 4mm; }
          /* Paper cannot scroll: a wide table (a sweep's) gets smaller type to fit the column. */
          .lb-table-scroll { overflow: visible !important; }
          table.lb-results { font-size: 8.5pt; width: 100%; max-width: 100%; }
          table.lb-results th, table.lb-results td { padding: 1mm 1.5mm; white-space: normal !important; }
          /* The Playground links are hidden on paper, and so is their column. */
          .lb-links-col { display: none !important; }
          /* …except a worksheet's: its codes open each run from paper. */
          table.lb-worksheet-table .lb-links-col { display: table-cell !important; width: 26mm; font-size: 7.5pt; }
          table.lb-worksheet-table th[scope="row"] { white-space: nowrap !important; }
          table.lb-worksheet-table a[href^="http"]::after { content: none; }
          /* The instructor's key needs no codes: the rows name the runs, the student's sheet opens them. */
          table.lb-key-table .lb-qr-print, table.lb-key-table .lb-links-col { display: none !important; }
        }

        """#
}
