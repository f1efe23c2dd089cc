import Testing

@testable import PlaygroundTrainer

@Suite("Playground links")
struct PlaygroundLinkTests {
    @Test("writing a trace's configuration gives the hash the Playground wrote", arguments: ChromiumTraceTests.names)
    func writesTheTraceHash(name: String) throws {
        let trace = try TraceFiles.load(name, engine: "chromium156")
        #expect(PlaygroundLink.hash(for: trace.configuration) == trace.urlHash)
    }

    @Test("reading the trace's hash gives back its configuration", arguments: ChromiumTraceTests.names)
    func readsTheTraceHash(name: String) throws {
        let trace = try TraceFiles.load(name, engine: "chromium156")
        var (parsed, display) = try PlaygroundLink.parse(PlaygroundLink.site + trace.urlHash)
        parsed.epochs = trace.configuration.epochs
        #expect(parsed == trace.configuration)
        #expect(display == PlaygroundLink.DisplayOptions())
    }

    @Test func numbersAreWrittenAsJavaScriptDoes() {
        #expect(javaScriptNumberString(0.001) == "0.001")
        #expect(javaScriptNumberString(0.00001) == "0.00001")
        #expect(javaScriptNumberString(0.0000001) == "1e-7")
        #expect(javaScriptNumberString(10) == "10")
        #expect(javaScriptNumberString(0.03) == "0.03")
        #expect(javaScriptNumberString(1.5e21) == "1.5e+21")
        #expect(javaScriptNumberString(123456789012) == "123456789012")
        #expect(javaScriptNumberString(-2.5) == "-2.5")
    }

    @Test func followsTheDeployedPagesParsingRules() throws {
        let (c, display) = try PlaygroundLink.parse(
            "#activation=relu&batchSize=&networkShape=&seed=abc&showTestData=yes&noise=95&problem=regression&regDataset=reg-gauss&sinX=true&x=false&unknown=1"
        )
        #expect(c.activation == .relu)
        #expect(c.batchSize == 10)  // empty value keeps the default
        #expect(c.hidden == [])  // except for networkShape, where empty means no layers
        #expect(c.seed == "abc")
        #expect(display.showTestData)  // anything but "false" is true
        #expect(c.noise == 95)  // the deployed page has no clamp (the repository's source would give 50)
        #expect(c.dataset == .regGauss)
        #expect(c.features == [.x2, .sinX1])
    }

    @Test func aValueEndsAtASecondEqualsSignAndTheLastRepeatWins() throws {
        let c = try PlaygroundLink.parse("#seed=a=b&batchSize=abc&batchSize=5").0
        #expect(c.seed == "a")
        #expect(c.batchSize == 5)
    }

    @Test func theSeedIsWhatTheBrowsersLocationHashGives() throws {
        // Spaces and non-ASCII characters are percent-encoded by the address bar; tabs vanish.
        #expect(try PlaygroundLink.parse("#seed=a b\té").0.seed == "a%20b%C3%A9")
        #expect(try PlaygroundLink.parse("https://playground.tensorflow.org/#seed=7#x").0.seed == "7#x")
    }

    @Test func numbersAreReadByJavaScriptsRules() throws {
        #expect(try PlaygroundLink.parse("#learningRate=.5").0.learningRate == 0.5)
        #expect(try PlaygroundLink.parse("#batchSize=0x10").0.batchSize == 16)
        #expect(try PlaygroundLink.parse("#batchSize=2e1").0.batchSize == 20)
        #expect(try PlaygroundLink.parse("#networkShape=3,0x2").0.hidden == [3, 2])
        // The address bar turns a space into %20, which is not a number to JavaScript.
        #expect(throws: PlaygroundLink.ParseError.self) { try PlaygroundLink.parse("#learningRate= .5") }
    }

    @Test func rejectsNamesThePlaygroundWouldIgnoreWithTheKeyAndTheValidOnes() {
        for (link, key) in [
            ("#activation=swish", "activation"), ("#regularization=l1", "regularization"),
            ("#dataset=toString", "dataset"), ("#problem=Regression", "problem"),
        ] {
            let error = #expect(throws: PlaygroundLink.ParseError.self) { try PlaygroundLink.parse(link) }
            #expect(error?.key == key)
            #expect(error?.problem == .unknownValue)
            #expect(error?.description.contains("valid: ") == true)
        }
    }
}
