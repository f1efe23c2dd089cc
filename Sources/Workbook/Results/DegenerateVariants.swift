import ChapterMarkdown

/// Variants worth a look before they are handed out (issue 24, part 5): a student whose
/// worksheet runs diverged, whose runs meet the target at epoch 0 (nothing to watch), or whose
/// seeds equal another student's (two students, one answer).
enum DegenerateVariants {
    static func warnings(_ variants: [(StudentVariant, BookPlan, BookResults)]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        var owners: [String: String] = [:]
        for (variant, plan, results) in variants {
            let student = "student '\(variant.student.id)'"
            for spec in plan.experimentsInOrder where plan.worksheets.contains(spec.id) {
                let records = results[spec.id].flatMap(\.records)
                let diverged = records.filter { $0.divergedAt != nil }
                if !diverged.isEmpty {
                    warnings.append(
                        .warning(
                            "\(student): worksheet '\(spec.id)' diverged for \(diverged.map(\.run.description).joined(separator: "; "))",
                            at: spec.location, hint: "the student will see NaN; a smaller learning rate avoids it", id: .degenerateVariant))
                }
                let immediate = records.filter { $0.reached == true && $0.epoch == 0 }
                if !immediate.isEmpty {
                    warnings.append(
                        .warning(
                            "\(student): worksheet '\(spec.id)' meets its target at epoch 0 for \(immediate.map(\.run.description).joined(separator: "; "))",
                            at: spec.location, hint: "nothing to watch: the untrained network already meets the rule",
                            id: .degenerateVariant))
                }
                let seed = spec.base.configuration.seed
                if let other = owners[seed + "\u{1F}" + spec.id], other != variant.student.id {
                    warnings.append(
                        .warning(
                            "\(student): worksheet '\(spec.id)' runs on the same seeds as student '\(other)'",
                            at: spec.location, hint: "two students' hashes collided; change one id", id: .degenerateVariant))
                }
                owners[seed + "\u{1F}" + spec.id] = variant.student.id
            }
        }
        return warnings
    }
}
