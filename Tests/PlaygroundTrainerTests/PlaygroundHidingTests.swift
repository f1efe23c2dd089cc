import Testing

@testable import PlaygroundTrainer

/// Lesson-shaped links: `playground-hide` writes the Playground's own `<control>_hide=true` keys
/// and `hideText`, and such a link still reproduces the run.
@Suite("Hidden controls in links")
struct PlaygroundHidingTests {
    static func configuration() -> TrainingConfiguration {
        var c = TrainingConfiguration()
        c.dataset = .spiral
        c.features = [.x1, .x2, .sinX1]
        c.hidden = [6, 3]
        c.activation = .relu
        c.learningRate = 0.01
        c.regularization = .l2
        c.regularizationRate = 0.001
        c.noise = 15
        c.trainRatio = 60
        c.batchSize = 7
        c.seed = "lesson"
        return c
    }

    @Test func aLinkWithHiddenControlsParsesBackToTheSameConfiguration() throws {
        let hiding = PlaygroundHiding(controls: [.regularizationRate, .learningRate, .regularization], text: true)
        let display = PlaygroundLink.DisplayOptions(showTestData: true, hiding: hiding)
        let url = PlaygroundLink.url(for: Self.configuration(), display: display)
        #expect(url.hasSuffix("&hideText=true&learningRate_hide=true&regularization_hide=true&regularizationRate_hide=true"))
        let reading = try PlaygroundLink.read(url)
        var expected = Self.configuration()
        expected.epochs = reading.configuration.epochs  // not part of a link
        #expect(reading.configuration == expected)
        #expect(reading.display == display)
        // Hiding changes only the page: each key is a note, never a change of training.
        #expect(reading.notes.map(\.key) == ["hideText", "learningRate_hide", "regularization_hide", "regularizationRate_hide"])
    }

    @Test func withoutHidingTheLinkIsAsBefore() {
        let url = PlaygroundLink.url(for: Self.configuration())
        #expect(url.hasSuffix("&initZero=false&hideText=false"))
        #expect(!url.contains("_hide"))
    }

    @Test func presetsStandForTheirControlsInThePlaygroundsOrder() throws {
        let hiding = try PlaygroundHiding.parse(["noise", "data", "text"]).get()
        #expect(hiding.controls == [.problem, .dataset, .percTrainData, .noise])
        #expect(hiding.text)
        let setup = try PlaygroundHiding.parse(["setup"]).get()
        #expect(!setup.controls.contains(.playButton) && !setup.controls.contains(.resetButton))
        #expect(setup.controls.count == 10)
        #expect(throws: PlaygroundHiding.UnknownName.self) { try PlaygroundHiding.parse(["learningrate"]).get() }
    }

    @Test func everyControlNameIsOneTheDeployedPageHides() {
        // The deployed page's HIDABLE_CONTROLS, as its hide-controls panel lists them.
        let deployed = [
            "showTestData", "discretize", "playButton", "stepButton", "resetButton", "learningRate", "activation",
            "regularization", "regularizationRate", "problem", "dataset", "percTrainData", "noise", "batchSize",
            "numHiddenLayers",
        ]
        #expect(PlaygroundControl.allCases.map(\.rawValue) == deployed)
    }
}
