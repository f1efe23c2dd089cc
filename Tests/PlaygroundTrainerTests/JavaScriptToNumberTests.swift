import Testing

@testable import PlaygroundTrainer

/// `javaScriptToNumber` gives what `+text` gives in JavaScript (values checked in node).
@Suite("JavaScript's +value")
struct JavaScriptToNumberTests {
    @Test(arguments: [
        ("5", 5.0), (" 5\n", 5), ("", 0), ("  ", 0), ("-2.5", -2.5), ("+3", 3), (".5", 0.5), ("5.", 5),
        ("1e3", 1000), ("1E-2", 0.01), ("0x1A", 26), ("0o17", 15), ("0b101", 5), ("0.03", 0.03),
        ("1e30", 1e30), ("Infinity", .infinity), ("-Infinity", -.infinity), ("1e999", .infinity),
        ("-1e999", -.infinity), ("1e-999", 0),
    ])
    func numbers(text: String, expected: Double) {
        #expect(javaScriptToNumber(text) == expected)
    }

    @Test(arguments: ["NaN", "nan", "inf", "infinity", "5px", "1,5", ".", "e5", "1e", "-0x10", "0x", "0xG", "--1", "1 2", "0x1p3", "%205"])
    func notNumbers(text: String) {
        #expect(javaScriptToNumber(text).isNaN)
    }
}
