/// The kind of a diagnostic: a stable name such as `labbook.unknown-key`, printed at the end of
/// its line (`[labbook.unknown-key]`) the way compilers print a warning's flag, and given as `id`
/// by `labbook check --format json`.
///
/// An enum, not open strings, and without a catch-all case: every call site that reports a
/// problem must pick a kind (the reporting functions have no default), so editors, tests and
/// scripts can match on the kind instead of the wording, which changes. The raw values are
/// public API: rename a case freely, never its raw value. The README lists them all (a test
/// checks that it does).
public enum DiagnosticID: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    // MARK: Files and folders
    /// No chapters folder where the book should have one.
    case noChaptersFolder = "labbook.no-chapters-folder"
    /// A file that exists but cannot be read.
    case unreadableFile = "labbook.unreadable-file"
    /// A chapter, settings or data file that is not UTF-8.
    case notUTF8 = "labbook.not-utf8"
    /// A chapter file name a page address cannot carry.
    case badFileName = "labbook.bad-file-name"
    /// A chapter, settings or data file whose real path (links resolved) leaves the book.
    case outsideBook = "labbook.outside-book"
    /// An output or cache folder Labbook refuses to write (only from the command line).
    case unsafeFolder = "labbook.unsafe-folder"

    // MARK: Markdown
    /// A directive fence without the closing `}` of its name.
    case directiveSyntax = "labbook.directive-syntax"
    case unknownDirective = "labbook.unknown-directive"
    /// A directive block or front matter that runs to the end of the file.
    case unclosedBlock = "labbook.unclosed-block"
    case unknownRole = "labbook.unknown-role"
    /// A link or image to a `javascript:`, `vbscript:` or `data:` URL.
    case refusedURL = "labbook.refused-url"
    /// Author HTML with script-running elements, event attributes or such URLs.
    case refusedHTML = "labbook.refused-html"

    // MARK: YAML
    case malformedYAML = "labbook.malformed-yaml"
    /// Anchors, aliases and merges, refused so a few lines cannot expand to gigabytes.
    case yamlAlias = "labbook.yaml-alias"
    case duplicateKey = "labbook.duplicate-key"
    /// A mapping key that is a list or a mapping.
    case nonTextKey = "labbook.non-text-key"
    /// A body, front matter, settings file or key that needs `key: value` lines and got else.
    case notAMapping = "labbook.not-a-mapping"

    // MARK: Keys and values
    case unknownKey = "labbook.unknown-key"
    /// A directive without a key it needs (`prompt:`, `experiments:`, `neuron:`…).
    case missingKey = "labbook.missing-key"
    /// A value of the wrong shape: a list where text goes, a mapping, a nested list…
    case wrongType = "labbook.wrong-type"
    /// A value of the right shape that no rule accepts (out of range, unknown name…).
    case badValue = "labbook.bad-value"
    /// The same value twice where each may appear once (`vary:`, `snapshots:`).
    case duplicateValue = "labbook.duplicate-value"
    /// Settings each valid alone that do not go together, also per sweep combination.
    case settingsConflict = "labbook.settings-conflict"
    /// `weights:` or `biases:` as a list of the wrong length for the network.
    case weightCount = "labbook.weight-count"
    /// `weights:` naming a link or bias the network does not have (`x3 -> 1.1`, `bias 4.1`).
    case unknownWeightName = "labbook.unknown-weight-name"
    /// A valid setting the Playground's controls cannot show (a warning).
    case beyondPlayground = "labbook.beyond-playground"
    /// A `labbook.yml` default for a key that is not an experiment setting.
    case notADefault = "labbook.not-a-default"

    // MARK: Experiments and figures
    case missingID = "labbook.missing-id"
    case badID = "labbook.bad-id"
    case duplicateID = "labbook.duplicate-id"
    /// A key under `vary:` that cannot be varied.
    case cannotVary = "labbook.cannot-vary"
    case tooManyCombinations = "labbook.too-many-combinations"
    case unknownFigure = "labbook.unknown-figure"
    /// A figure that compares combinations in an experiment without the sweep it needs.
    case figureNeedsSweep = "labbook.figure-needs-sweep"
    /// A key for a figure (network, neuron) the experiment does not show.
    case figureNotShown = "labbook.figure-not-shown"
    /// More weights than the network figure can label.
    case tooManyLinks = "labbook.too-many-links"
    /// A `result-metric:` or `{value}` metric that is not one.
    case unknownMetric = "labbook.unknown-metric"
    /// A known metric this experiment cannot give (epochs without a stop rule, accuracy of a
    /// regression).
    case unusableMetric = "labbook.unusable-metric"

    // MARK: References
    /// `{value}`, `{ref}` or `{compare}` naming an ID nothing has.
    case unknownReference = "labbook.unknown-reference"
    /// A reference to something that exists but cannot give what is asked.
    case badReference = "labbook.bad-reference"
    /// A reference, in a students' edition, to an instructor-only block.
    case withheldReference = "labbook.withheld-reference"
    /// Results that print a worksheet's answers in the student edition.
    case worksheetLeak = "labbook.worksheet-leak"
    /// A `{ref}` to a figure the student edition leaves out.
    case missingInEdition = "labbook.missing-in-edition"
    /// A roster (`--roster`) row or header that cannot be used.
    case badRoster = "labbook.bad-roster"
    /// A students' answers file (`labbook grade --answers`) row that cannot be graded.
    case badAnswers = "labbook.bad-answers"
    /// A student's variant that diverged, meets its target at epoch 0, or equals another's.
    case degenerateVariant = "labbook.degenerate-variant"

    // MARK: Own data (CSV)
    /// A row whose field count differs from the header's.
    case pointFileRow = "labbook.point-file-row"
    /// A header that is missing, repeats or lacks a column, or names an unknown one.
    case pointFileHeader = "labbook.point-file-header"
    case tooFewPoints = "labbook.too-few-points"
    case tooManyPoints = "labbook.too-many-points"
    /// Labels that leave nothing to classify or mix the two conventions.
    case badLabels = "labbook.bad-labels"

    // MARK: Building
    case tooMuchWork = "labbook.too-much-work"
    /// A run whose loss became NaN or infinite (a warning).
    case diverged = "labbook.diverged"
    /// A `{check}` claim that the runs do not bear out.
    case claim = "labbook.claim"
    /// A `{value}` with its unit written again beside it ("121 epochs epochs"; a warning).
    case doubledUnit = "labbook.doubled-unit"
    /// A question `labbook export` cannot write for an LMS (a formula it cannot pre-render, a
    /// numeric answer that is no number).
    case badExport = "labbook.bad-export"

    public var description: String { rawValue }
}
