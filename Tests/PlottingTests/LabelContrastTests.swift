import Plotting
import Testing

/// Text in a figure is read as small text, so it keeps WCAG AA's 4.5:1 against the figure's
/// background — greyed labels included (a switched-off input's name was #999, 2.8:1).
@Suite struct LabelContrastTests {
    @Test func everyLabelOfANetworkWithSwitchedOffInputsKeeps4Point5To1() {
        let diagram = SampleFigures.network()
        #expect(diagram.layers[0].nodes.contains { !$0.isEnabled }, "the sample has switched-off inputs")
        var canvas = RecordingCanvas(size: diagram.size)
        diagram.draw(on: &canvas)
        var texts: [String] = []
        for case .text(let text, _, let style, _, _) in canvas.commands {
            texts.append(text)
            #expect(SequentialPalette.contrast(style.color, diagram.theme.background) >= 4.5, "“\(text)” in \(style.color)")
        }
        #expect(texts.contains("sin(X₁)"), "the switched-off inputs' names are drawn: \(texts)")
    }
}
