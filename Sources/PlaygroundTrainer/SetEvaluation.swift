extension EncodedExamples {
    /// Mean loss (without the regularization penalty) and, for classification, accuracy, of
    /// the network loaded in `engine`: the one loss evaluation of the trainer's epochs and of
    /// the loss landscape (``LossEvaluator``).
    func evaluate(on engine: LaneEngine, configuration: TrainingConfiguration) -> (loss: Double, accuracy: Double?) {
        guard count > 0 else { return (0, nil) }
        let capacity = LaneEngine.laneCapacity
        var total = 0.0
        var correct = 0
        let classification = !configuration.isRegression
        let crossEntropy = configuration.loss == .crossEntropy
        let decision = crossEntropy ? 0.5 : 0
        var start = 0
        while start < count {
            let lanes = min(capacity, count - start)
            load(into: engine, start: start, lanes: lanes)
            engine.forward(count: lanes)
            for e in 0..<lanes {
                let output = engine.output(lane: e)
                let label = labels[start + e]
                if crossEntropy {
                    total += binaryCrossEntropy(output: output, positive: label > 0)
                } else {
                    let difference = output - label
                    total += 0.5 * (difference * difference)
                }
                if classification && (output >= decision) == (label > 0) { correct += 1 }
            }
            start += lanes
        }
        let examples = Double(count)
        return (total / examples, classification ? Double(correct) / examples : nil)
    }
}
