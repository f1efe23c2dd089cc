import Testing

@testable import PlaygroundTrainer

@Suite("Seeded random numbers (seedrandom 2.4.4 ARC4)")
struct SeedRandomTests {
    @Test(
        "the first four draws match seedrandom's for a string seed",
        arguments: [
            ("1", [0.2694488477791326, 0.43440878183925163, 0.8740779300873869, 0.24815964810523447]),
            ("2", [0.7153687886990808, 0.37545237420266026, 0.2937349359786217, 0.8842253749113533]),
            ("42", [0.00701751618236155, 0.17185490054868188, 0.967001069269818, 0.4077816952668805]),
            ("0.12345", [0.9152007406557323, 0.4702753218035592, 0.2736265229359467, 0.4061024686767439]),
            ("hello.", [0.9282578795792454, 0.3752569768646784, 0.7316977468919549, 0.23707962084956113]),
        ])
    func vectors(seed: String, expected: [Double]) {
        var random = SeedRandom(seed: seed)
        let draws = (0..<4).map { _ in random.next() }
        #expect(draws.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test func drawsStayInTheUnitInterval() {
        var random = SeedRandom(seed: "range")
        for _ in 0..<10_000 {
            let u = random.next()
            #expect(u >= 0 && u < 1)
        }
        #expect(random.drawCount == 10_000)
    }

    @Test func anEmptySeedIsAValidKey() {
        var a = SeedRandom(seed: "")
        var b = SeedRandom(seed: "")
        #expect(a.next() == b.next())
    }
}
