import ChapterMarkdown

/// Warns where a chapter writes the unit that a `{value}` already prints: `{value}` of epochs
/// prints "121 epochs (median of 5 seeds)", so "{value}`q.epochs` epochs" reads "121 epochs
/// (median of 5 seeds) epochs", and "at epoch {value}`q.epochs`" reads "at epoch 121 epochs".
/// `{number}` prints the bare number for exactly these sentences.
///
/// Read from the chapter text as written (prose and question fields alike), so the warning
/// points at the role's `{` whatever block it sits in.
enum ValueUnitCheck {
    /// The words a `{value}` of this metric prints after its number; empty when it prints a
    /// bare number or a word (a count, a loss, a sweep's winner).
    static func units(of metric: ValueMetric) -> [String] {
        switch metric {
        case .epochs, .epochsRange, .bestEpochs: ["epochs", "epoch"]
        case .reached: ["seeds", "seed", "runs", "run"]
        case .testAccuracy, .trainAccuracy, .testAccuracyRange, .trainAccuracyRange, .bestAccuracy: ["%", "percent"]
        case .reachedCount, .reachedShare, .testLoss, .trainLoss, .gap, .testLossRange, .trainLossRange, .gapRange,
            .budget, .seeds, .resets, .runs, .weight, .bias, .best, .bestByLoss, .bestLoss, .bestByAccuracy:
            []
        }
    }

    static func warnings(text: String, path: String) -> [Diagnostic] {
        guard text.contains("{value}") else { return [] }
        var diagnostics: [Diagnostic] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var searchStart = line.startIndex
            while let role = line[searchStart...].range(of: "{value}`") {
                guard let close = line[role.upperBound...].firstIndex(of: "`") else { break }
                searchStart = line.index(after: close)
                let content = String(line[role.upperBound..<close])
                guard let reference = try? ValueReference(parsing: content) else { continue }
                let units = units(of: reference.metric)
                guard !units.isEmpty else { continue }
                let column = line[..<role.lowerBound].unicodeScalars.count + 1
                let location = SourceLocation(file: path, line: lineIndex + 1, column: column)
                let end = location.advanced(by: line[role.lowerBound...close].unicodeScalars.count)
                if let unit = following(line[searchStart...], among: units) {
                    diagnostics.append(
                        .warning(
                            "'{value}`\(content)`' already prints its unit, so '\(unit)' after it is printed twice",
                            at: location, hint: "write {number}`\(content)` \(unit), or drop '\(unit)'", id: .doubledUnit, end: end))
                } else if reference.metric != .reached, let unit = preceding(line[..<role.lowerBound], among: units) {
                    diagnostics.append(
                        .warning(
                            "'{value}`\(content)`' already prints its unit, so '\(unit) ' before it reads '\(unit) N \(units[0])'",
                            at: location, hint: "write \(unit) {number}`\(content)`", id: .doubledUnit, end: end))
                }
            }
        }
        return diagnostics
    }

    /// The unit word right after the role (spaces allowed, nothing else), if any.
    static func following(_ rest: Substring, among units: [String]) -> String? {
        let trimmed = rest.drop { $0 == " " || $0 == "\u{A0}" }
        for unit in units where trimmed.hasPrefix(unit) {
            let after = trimmed.dropFirst(unit.count).first
            if unit == "%" || after == nil || !(after!.isLetter || after!.isNumber) { return unit }
        }
        return nil
    }

    /// The unit word right before the role ("at epoch {value}…"), if any.
    static func preceding(_ before: Substring, among units: [String]) -> String? {
        let trimmed = before.reversed().drop { $0 == " " || $0 == "\u{A0}" }
        let word = String(trimmed.prefix { $0.isLetter }.reversed())
        return units.first { $0 == word.lowercased() && $0.first!.isLetter }
    }
}
