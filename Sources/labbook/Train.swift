import ArgumentParser
import Foundation
import PlaygroundTrainer
import Workbook

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train one experiment with the Playground's exact semantics and print its results.",
        discussion: """
            Example: labbook train --dataset xor --hidden 4 --activation relu --learning-rate 0.001 \
            --epochs 3000 --until 'test-loss <= 0.02' --seeds 5
            """)

    @OptionGroup var settings: SettingOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    @Option(help: "text (a short summary) or json (every number).")
    var format: Format = .text

    func run() throws {
        let resolved = try settings.resolve()
        let trainer = Trainer(configuration: resolved.configuration)
        let seeds = resolved.seeds
        let epochs = resolved.configuration.epochs
        let showProgress = standardErrorIsTerminal && epochs >= 200
        let experiment = trainer.run(seeds: seeds) { seed, epoch in
            if showProgress { printError("\rseed \(seed): epoch \(epoch)/\(epochs)   ", terminator: "") }
        }
        if showProgress { printError("\r\u{1B}[K", terminator: "") }
        switch format {
        case .json: print(RunReport.json(experiment).serialized(indent: 2))
        case .text: print(TextReport(experiment: experiment).text)
        }
    }
}

/// The human summary of `labbook train`.
struct TextReport {
    var experiment: ExperimentResult

    var text: String {
        let c = experiment.configuration
        var lines = [c.shortDescription]
        for run in experiment.runs {
            var line = "seed \(run.seed): "
            switch run.status {
            case .diverged:
                line += "diverged at epoch \(run.divergedAtEpoch ?? 0) (loss became NaN or infinite)"
            case .reachedTarget:
                line += "reached \(c.stopRule!) at epoch \(run.targetEpoch!)"
            case .completed:
                line += "ran \(run.epochsRun) epochs" + (c.stopRule.map { ", \($0) not reached" } ?? "")
            }
            if run.status != .diverged || run.epochsRun >= 0 {
                line += " · train loss \(format(run.finalTrainLoss)) · test loss \(format(run.finalTestLoss))"
                if let accuracy = run.finalTestAccuracy { line += " · test accuracy \(percent(accuracy))" }
            }
            lines.append(line)
        }
        if experiment.runs.count > 1 {
            let s = experiment.summary
            var line = "\(s.seeds) seeds: "
            if c.stopRule != nil {
                if let epochs = s.targetEpochs {
                    line += "target reached by \(s.reachedTarget)/\(s.seeds), median epoch \(format(epochs.median)) (\(Int(epochs.minimum))–\(Int(epochs.maximum))); "
                } else {
                    line += "target not reached in \(c.epochs) epochs; "
                }
            }
            if let loss = s.finalTestLoss {
                line += "final test loss median \(format(loss.median)) (\(format(loss.minimum))–\(format(loss.maximum)))"
            }
            lines.append(line)
        }
        if c.isShowableInPlayground {
            lines.append("Playground: " + PlaygroundLink.url(for: c, seed: experiment.runs[0].seed))
        }
        return lines.joined(separator: "\n")
    }

    func format(_ value: Double) -> String { String(format: "%.4g", value) }
    func percent(_ value: Double) -> String { String(format: "%.1f %%", value * 100) }
}
