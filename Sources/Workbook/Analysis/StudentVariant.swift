import ChapterMarkdown
import PlaygroundTrainer

/// One student's variant of the book: every worksheet experiment runs on seeds of that
/// student's own; results experiments stay as written, common to all.
///
/// **The hash.** A worksheet's base seed `s` (the `seed` it is written or swept with; `1` by
/// default) becomes `v` followed by the first 6 hex digits of
/// SHA-256("labbook-variant\n" + student id + "\n" + s). The seed list follows from it by the
/// usual rule (`v1a2b3c`, `v1a2b3c-2`, `v1a2b3c-3`, …), and every one is a Playground seed, so
/// each row's link opens the student's own run. The hash reads only the student's id and the
/// seed, never a position, so adding, removing or reordering students or questions changes no
/// other variant; and worksheets that the book runs on the same seeds (so that a comparison
/// compares networks on the same data) still share them in every variant.
public struct StudentVariant: Sendable, Hashable {
    public let student: Roster.Student

    public init(student: Roster.Student) {
        self.student = student
    }

    public func seed(for base: String) -> String {
        "v" + SHA256.hex("labbook-variant\n\(student.id)\n\(base)").prefix(6)
    }

    /// The plan with every worksheet experiment's combinations on this student's seeds.
    public func apply(to plan: BookPlan) -> BookPlan {
        var plan = plan
        for (index, chapter) in plan.chapters.enumerated() {
            for (blockIndex, block) in chapter.blocks.enumerated() {
                guard case .experiment(let spec) = block, plan.worksheets.contains(spec.id) else { continue }
                let varied = apply(to: spec)
                plan.chapters[index].blocks[blockIndex] = .experiment(varied)
                if let entry = plan.experiments[spec.id] { plan.experiments[spec.id] = (entry.chapter, varied) }
            }
        }
        return plan
    }

    func apply(to spec: ExperimentSpec) -> ExperimentSpec {
        var spec = spec
        spec.base.configuration.seed = seed(for: spec.base.configuration.seed)
        // Drawn settings (`per-student:`) first: they change the data, the seeds stay per seed.
        let drawn = spec.perStudent.map { $0.choice(student: student.id, experiment: spec.id) }
        for value in drawn { spec.base.set(value) }
        spec.combinations = spec.combinations.map { combination in
            var settings = combination.settings
            for value in drawn { settings.set(value) }
            let own = seed(for: settings.configuration.seed)
            settings.configuration.seed = own
            let assignments = combination.assignments.map { value -> SettingValue in
                guard value.key == .seed else { return value }
                return (try? SettingRules.parse(.seed, own)) ?? value
            }
            return Combination(assignments: assignments, settings: settings)
        }
        spec.sweep = spec.sweep.map { axis in
            guard axis.key == .seed else { return axis }
            var axis = axis
            axis.values = axis.values.map { value in
                guard value.key == .seed else { return value }
                return (try? SettingRules.parse(.seed, seed(for: value.text))) ?? value
            }
            return axis
        }
        return spec
    }
}
