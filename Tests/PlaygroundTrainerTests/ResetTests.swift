import Testing

@testable import PlaygroundTrainer

/// The reset button beyond the recorded traces: every initialisation and data set.
@Suite("Resets")
struct ResetTests {
    /// Reset r's network is the (r+1)-th network drawn from the stream that continues after
    /// the data: rebuilt here by hand from the semantics (seed, generate, shuffle, then one
    /// network after another), for every initialisation, including He's, whose draws per
    /// network vary.
    @Test(arguments: Initialization.allCases)
    func resetRIsTheNextNetworkFromTheContinuingStream(initialization: Initialization) {
        var c = TrainingConfiguration()
        c.dataset = .gauss
        c.hidden = [3]
        c.initialization = initialization
        c.epochs = 0
        var random = SeedRandom(seed: "9")
        var points = c.dataset.generate(noise: c.noise, random: &random)
        playgroundShuffle(&points, random: &random)
        for reset in 0...3 {
            let expected = c.initialParameters(random: &random)
            let result = Trainer(configuration: c).run(seed: "9", reset: reset)
            #expect(result.initial == expected, "reset \(reset)")
            #expect(result.reset == reset)
            let session = TrainingSession(configuration: c, seed: "9", reset: reset)
            #expect(session.data.train.map(\.generationIndex) == points.prefix(c.trainCount).map(\.generationIndex))
        }
    }

    @Test func identitiesLabelResets() {
        #expect(RunIdentity(seed: "2").description == "seed 2")
        #expect(RunIdentity(seed: "2", reset: 3).description == "seed 2, reset 3")
        #expect(RunIdentity.list(seeds: ["a"], resets: 2).map(\.reset) == [0, 1, 2])
    }
}
