import PlaygroundTrainer

/// What the Playground's page shows of one run at the moment a worksheet asks about it: the
/// key a student's row is checked against, character for character.
///
/// **The rule.** With a stop rule on a loss, the row's epoch is the first epoch at which the
/// loss *as displayed* (three decimals, ``PlaygroundDisplay``) meets the rule — what a student
/// who pauses and steps sees; rounding can only bring that epoch forward, never past the
/// trainer's own stop. Without a stop rule, the row's epoch is the budget; with a rule on
/// accuracy (which the page never shows), the epoch at which the run stopped. The losses are
/// those displayed at the row's epoch; accuracies are Labbook's own.
public struct RunRecord: Sendable, Hashable {
    public var run: RunIdentity
    /// The row's epoch (see the rule above).
    public var epoch: Int
    /// Whether the displayed loss met the stop rule within the budget; nil without a loss rule.
    public var reached: Bool?
    /// True when a strict rule (`<`) held on the exact loss but not yet on the displayed one:
    /// the page shows it met only after ``epoch``, which the run did not go on to.
    public var shownOnlyLater = false
    public var trainLoss: String
    public var testLoss: String
    /// The same losses at full precision (for a key file and grading); nil for a diverged run.
    public var exactTrainLoss: Double?
    public var exactTestLoss: Double?
    public var trainAccuracy: Double?
    public var testAccuracy: Double?
    /// The epoch whose loss was NaN or infinite, for a diverged run.
    public var divergedAt: Int?

    public init(_ result: RunResult, stopRule: StopRule?) {
        run = result.identity
        divergedAt = result.divergedAtEpoch
        let last = result.epochsRun
        if let rule = stopRule, !rule.metric.isAccuracy {
            let losses = rule.metric == .trainLoss ? result.trainLoss : result.testLoss
            let shown = losses.firstIndex { rule.comparison.holds(PlaygroundDisplay.shownLoss($0), rule.threshold) }
            reached = shown != nil
            epoch = shown ?? last
            shownOnlyLater = shown == nil && result.targetEpoch != nil
        } else {
            epoch = last
        }
        exactTrainLoss = result.trainLoss[epoch]
        exactTestLoss = result.testLoss[epoch]
        trainLoss = PlaygroundDisplay.loss(result.trainLoss[epoch])
        testLoss = PlaygroundDisplay.loss(result.testLoss[epoch])
        trainAccuracy = result.trainAccuracy?[epoch]
        testAccuracy = result.testAccuracy?[epoch]
    }

    /// The epoch cell: "1,234" (as the counter shows it, without leading zeros), "not reached
    /// by 3,000", or "after 812" for a strict rule the page shows met only later.
    public var epochText: String {
        if divergedAt != nil { return "diverged at \(divergedAt!)" }
        if shownOnlyLater { return "after \(Self.grouped(epoch))" }
        if reached == false { return "not reached by \(Self.grouped(epoch))" }
        return Self.grouped(epoch)
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}
