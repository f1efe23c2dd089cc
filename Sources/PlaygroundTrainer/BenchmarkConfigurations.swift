/// The configurations the Playground's own speed was measured on (semantics §12.1).
public enum BenchmarkConfigurations {
    /// c: xor, [4], relu, lr 0.001.
    public static var c: TrainingConfiguration {
        var c = TrainingConfiguration()
        c.dataset = .xor
        c.hidden = [4]
        c.activation = .relu
        c.learningRate = 0.001
        return c
    }

    /// g: circle, [8], relu, lr 0.01, 10 % training data, noise 50, batch 30.
    public static var g: TrainingConfiguration {
        var c = TrainingConfiguration()
        c.dataset = .circle
        c.hidden = [8]
        c.activation = .relu
        c.learningRate = 0.01
        c.trainRatio = 10
        c.noise = 50
        c.batchSize = 30
        return c
    }

    /// h: spiral, all seven features, [8, 8, 5], tanh, L2 0.001, noise 10, lr 0.03.
    public static var h: TrainingConfiguration {
        var c = TrainingConfiguration()
        c.dataset = .spiral
        c.features = Feature.allCases
        c.hidden = [8, 8, 5]
        c.activation = .tanh
        c.regularization = .l2
        c.regularizationRate = 0.001
        c.noise = 10
        c.learningRate = 0.03
        return c
    }

    public static var all: [(id: String, label: String, configuration: TrainingConfiguration)] {
        [
            ("c", "xor [4] relu, lr 0.001", c),
            ("g", "circle [8] relu, 10 % train, noise 50, batch 30", g),
            ("h", "spiral, 7 features, [8,8,5] tanh, L2", h),
        ]
    }
}
