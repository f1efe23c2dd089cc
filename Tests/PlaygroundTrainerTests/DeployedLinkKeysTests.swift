import Testing

@testable import PlaygroundTrainer

/// Every key the deployed Playground (`gh-pages` bundle.js, `State.PROPS` and the `_hide`
/// keys) reads from its link is accepted here with its type and its effect on training.
@Suite("Links: every key the deployed page reads")
struct DeployedLinkKeysTests {
    /// The deployed bundle's `State.PROPS`, in its order, read off bundle.js by hand.
    static let deployedStateKeys = [
        "activation", "regularization", "batchSize", "dataset", "regDataset", "learningRate",
        "regularizationRate", "noise", "networkShape", "seed", "showTestData", "discretize",
        "percTrainData", "x", "y", "xTimesY", "xSquared", "ySquared", "cosX", "sinX", "cosY", "sinY",
        "collectStats", "tutorial", "problem", "initZero", "hideText",
    ]

    /// A value for each key that differs from the default, and what it must do. Keys that
    /// change only the page must come back as a note instead.
    static let examples: [(pair: String, effect: @Sendable (PlaygroundLink.Reading) -> Bool)] = [
        ("activation=relu", { $0.configuration.activation == .relu }),
        ("regularization=L1", { $0.configuration.regularization == .l1 }),
        ("batchSize=25", { $0.configuration.batchSize == 25 }),
        ("dataset=spiral", { $0.configuration.dataset == .spiral }),
        ("regDataset=reg-gauss&problem=regression", { $0.configuration.dataset == .regGauss }),
        ("learningRate=0.3", { $0.configuration.learningRate == 0.3 }),
        ("regularizationRate=0.01", { $0.configuration.regularizationRate == 0.01 }),
        ("noise=80", { $0.configuration.noise == 80 }),
        ("networkShape=5,3,2", { $0.configuration.hidden == [5, 3, 2] }),
        ("seed=0.06680", { $0.configuration.seed == "0.06680" && $0.hasSeed }),
        ("showTestData=true", { $0.display.showTestData }),
        ("discretize=true", { $0.display.discretize }),
        ("percTrainData=95", { $0.configuration.trainRatio == 95 && $0.configuration.trainCount == 475 }),
        ("x=false", { $0.configuration.features == [.x2] }),
        ("y=false", { $0.configuration.features == [.x1] }),
        ("xTimesY=true", { $0.configuration.features.contains(.x1TimesX2) }),
        ("xSquared=true", { $0.configuration.features.contains(.x1Squared) }),
        ("ySquared=true", { $0.configuration.features.contains(.x2Squared) }),
        ("cosX=true", { $0.configuration.features == [.x1, .x2] && $0.notes.map(\.key) == ["cosX"] }),
        ("sinX=true", { $0.configuration.features.contains(.sinX1) }),
        ("cosY=true", { $0.configuration.features == [.x1, .x2] && $0.notes.map(\.key) == ["cosY"] }),
        ("sinY=true", { $0.configuration.features.contains(.sinX2) }),
        ("collectStats=true", { $0.notes.map(\.key) == ["collectStats"] }),
        ("tutorial=dropout", { $0.notes.map(\.key) == ["tutorial"] }),
        ("problem=regression", { $0.configuration.dataset == .regPlane }),
        ("initZero=true", { $0.configuration.initialization == .zero }),
        ("hideText=true", { $0.notes.map(\.key) == ["hideText"] }),
        ("x_hide=true", { $0.configuration.features == [.x2] && $0.hiddenFeatures == [.x1] && $0.notes.isEmpty }),
        ("noise_hide=true", { $0.configuration.noise == 0 && $0.notes.map(\.key) == ["noise_hide"] }),
    ]

    @Test func theReaderKnowsExactlyTheDeployedPagesKeysInItsOrder() {
        #expect(PlaygroundLink.deployedKeys.map(\.key) == Self.deployedStateKeys)
    }

    @Test func everyDeployedKeyHasAnExample() {
        let covered = Set(Self.examples.flatMap { $0.pair.split(separator: "&").map { String($0.split(separator: "=")[0]) } })
        #expect(covered.isSuperset(of: Self.deployedStateKeys))
    }

    @Test("each key is accepted with its effect", arguments: 0..<examples.count)
    func keyIsAcceptedWithItsEffect(index: Int) throws {
        let (pair, effect) = Self.examples[index]
        let reading = try PlaygroundLink.read("#seed=1&\(pair)")
        #expect(effect(reading), "\(pair)")
        #expect(reading.configuration.validate().isEmpty, "\(pair)")
    }

    @Test func aLinkThePlaygroundWroteHasNoNotes() throws {
        let c = TrainingConfiguration()
        #expect(try PlaygroundLink.read(PlaygroundLink.url(for: c)).notes.isEmpty)
    }

    @Test func pageOnlyAndUnknownKeysAreNotedOnceInLinkOrder() throws {
        let reading = try PlaygroundLink.read(
            "#hideText=true&colour=red&tutorial=x&cosX=true&learningRate=&seed=3&hideText=true&batchSize_hide=true&xSquared_hide=false")
        #expect(reading.notes.map(\.key) == ["hideText", "colour", "tutorial", "cosX", "learningRate", "batchSize_hide"])
        #expect(
            reading.notes[0].description
                == "playground link: hideText=true: changes only the page (it hides the explanatory text); training is the same")
    }

    @Test func aLinkWithoutSeedSaysWhichSeedIsUsed() throws {
        let notes = try PlaygroundLink.read("#activation=relu").notes
        #expect(notes.map(\.key) == ["seed"])
        #expect(notes[0].message.contains("seed 1"))
    }

    /// Numbers the page would misbehave on, or that would trap a conversion to an integer,
    /// are errors naming the link's key; none may crash.
    @Test(arguments: [
        ("batchSize=1e30", "batchSize", PlaygroundLink.ParseError.Problem.outOfRange),
        ("batchSize=1e999", "batchSize", .notANumber),
        ("batchSize=NaN", "batchSize", .notANumber),
        ("batchSize=-5", "batchSize", .outOfRange),
        ("batchSize=0", "batchSize", .outOfRange),
        ("batchSize=2.5", "batchSize", .notWhole),
        ("batchSize=9223372036854775808", "batchSize", .outOfRange),
        ("batchSize=300", "batchSize", .unusable),
        ("learningRate=NaN", "learningRate", .notANumber),
        ("learningRate=0", "learningRate", .outOfRange),
        ("learningRate=-0.1", "learningRate", .outOfRange),
        ("learningRate=1e999", "learningRate", .notANumber),
        ("regularizationRate=-1", "regularizationRate", .outOfRange),
        ("noise=NaN", "noise", .notANumber),
        ("noise=-1", "noise", .outOfRange),
        ("noise=1e30", "noise", .outOfRange),
        ("percTrainData=0", "percTrainData", .outOfRange),
        ("percTrainData=100", "percTrainData", .outOfRange),
        ("percTrainData=-10", "percTrainData", .outOfRange),
        ("percTrainData=0.1", "percTrainData", .unusable),
        ("percTrainData=abc", "percTrainData", .notANumber),
        ("networkShape", "networkShape", .missingValue),
        ("networkShape=4,", "networkShape", .outOfRange),
        ("networkShape=1.5", "networkShape", .notWhole),
        ("networkShape=1e30", "networkShape", .outOfRange),
        ("networkShape=a", "networkShape", .notANumber),
        ("x=false&y=false", "x", .unusable),
        ("x_hide=true&y_hide=true", "x_hide", .unusable),
    ])
    func refusesWithTheLinksKey(pair: String, key: String, problem: PlaygroundLink.ParseError.Problem) {
        let error = #expect(throws: PlaygroundLink.ParseError.self) { try PlaygroundLink.read("#seed=1&\(pair)") }
        #expect(error?.key == key)
        #expect(error?.problem == problem)
        #expect(error?.description.hasPrefix("playground link: \(key)=") == true)
    }

    @Test func valuesBeyondTheControlsAreAcceptedAndReported() throws {
        let c = try PlaygroundLink.read("#seed=1&noise=80&percTrainData=95&batchSize=64&learningRate=20").configuration
        #expect(c.validate().isEmpty)
        #expect(c.beyondPlaygroundControls().map(\.key) == ["noise", "train-ratio", "batch-size", "learning-rate"])
    }
}
