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

    @Test func followsThePlaygroundsParsingRules() throws {
        let (c, display) = try PlaygroundLink.parse(
            "#activation=relu&batchSize=&networkShape=&seed=abc&showTestData=yes&noise=95&problem=regression&regDataset=reg-gauss&sinX=true&x=false&unknown=1")
        #expect(c.activation == .relu)
        #expect(c.batchSize == 10)  // empty value keeps the default
        #expect(c.hidden == [])  // except for networkShape, where empty means no layers
        #expect(c.seed == "abc")
        #expect(display.showTestData)  // anything but "false" is true
        #expect(c.noise == 50)  // values above 80 become 50
        #expect(c.dataset == .regGauss)
        #expect(c.features == [.x2, .sinX1])
    }

    @Test func rejectsValuesItCannotUseWithTheKeyAndTheValidOnes() {
        #expect(throws: PlaygroundLink.ParseError(key: "activation", value: "swish", valid: "relu, tanh, sigmoid, linear")) {
            try PlaygroundLink.parse("#activation=swish")
        }
    }
}
