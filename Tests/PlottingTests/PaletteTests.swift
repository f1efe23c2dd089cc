import Plotting
import Testing

@Suite struct PaletteTests {
    @Test(arguments: [
        (-1.0, 0), (-0.0323, 14), (-0.032, 15), (0.0, 15), (0.0322, 15), (0.0323, 16), (1.0, 30),
        (5.0, 30), (-5.0, 0),
    ])
    func shadeIndexFollowsD3Quantize(value: Double, expected: Int) {
        #expect(PlaygroundPalette.shadeIndex(for: value) == expected)
    }

    @Test func nonFiniteValuesDoNotCrash() {
        #expect(PlaygroundPalette.shadeIndex(for: .nan) == 15)
        #expect(PlaygroundPalette.shadeIndex(for: .infinity) == 30)
        #expect(PlaygroundPalette.shadeIndex(for: -.infinity) == 0)
    }

    @Test func paletteHas31ShadesFromOrangeToBlue() {
        #expect(PlaygroundPalette.heatMapShades.count == 31)
        #expect(PlaygroundPalette.heatMapShades.first == PlaygroundPalette.negative)
        #expect(PlaygroundPalette.heatMapShades[15] == PlaygroundPalette.neutral)
        #expect(PlaygroundPalette.heatMapShades.last == PlaygroundPalette.positive)
    }

    @Test(arguments: [
        (-0.5, 0xefbf87 as UInt32), (-0.25, 0xebd4b9), (0.25, 0xb0cde0), (0.5, 0x78b1d4),
        (-1, 0xf59322), (0, 0xe8eaeb), (1, 0x0877bd), (3, 0x0877bd),
    ])
    func continuousScaleMatchesReferenceExamples(value: Double, hex: UInt32) {
        #expect(PlaygroundPalette.continuousColor(for: value) == Color(hex: hex))
    }

    @Test func orangeAndBlueDifferInGreyscale() {
        let difference = PlaygroundPalette.negative.greyLevel - PlaygroundPalette.positive.greyLevel
        #expect(difference > 0.15)
    }

    @Test func compositeOverBackground() {
        let composite = Color(hex: 0x0877bd).withAlpha(160.0 / 255).composited(over: Color(hex: 0xf7f7f7)).rgba8
        // 8·160/255 + 247·95/255 ≈ 97.0
        #expect(composite.red == 97)
        #expect(composite.alpha == 255)
    }
}
