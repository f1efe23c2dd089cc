import CairoRendering
import Plotting
import Testing

/// Issue 9 items 3 and 5: overlays, results against a setting, grids and metric grids.
@Suite struct SweepChartTests {
    let metrics = sharedRenderer.fontMetrics

    @Test func seriesDifferInColourAndInDash() {
        let count = SeriesPalette.colors.count
        #expect(Set(SeriesPalette.colors).count == count)
        #expect(Set(SeriesPalette.dashes).count == SeriesPalette.dashes.count && SeriesPalette.dashes.count >= count)
        // Every colour shows on white: none lighter than 80 % grey.
        #expect(SeriesPalette.colors.allSatisfy { $0.greyLevel < 0.8 })
    }

    @Test func overlayDrawsEverySeedOfEverySeriesWithOneBoldRunEach() {
        let chart = SampleFigures.overlay()
        let check = LabelCheck(chart)
        let curves = check.canvas.commands.compactMap { command -> StrokeStyle? in
            // Long paths that are not the axes (frame and ticks are one path of the frame colour).
            if case .stroke(let path, let style) = command, path.elements.count > 8, style.color != chart.theme.frameColor {
                return style
            } else {
                return nil
            }
        }
        let seeds = chart.series.map(\.runs.count).reduce(0, +)
        #expect(curves.count == seeds)
        for index in chart.series.indices {
            let own = curves.filter { $0.color.withAlpha(1) == SeriesPalette.color(index) }
            #expect(own.count == chart.series[index].runs.count)
            #expect(own.filter { $0.width > 2 }.count == 1)
            #expect(own.allSatisfy { $0.dash.isEmpty == SeriesPalette.dashes[index].isEmpty })
        }
        let withTraining = LabelCheck(SampleFigures.overlay(curves: .trainingAndTest))
        let strokes = withTraining.canvas.commands.filter {
            if case .stroke(let path, let style) = $0 {
                return path.elements.count > 8 && style.color != chart.theme.frameColor
            } else {
                return false
            }
        }
        #expect(strokes.count == 2 * seeds)
    }

    @Test func numericSettingsOnALogAxisAreEvenlySpacedByDecadeSteps() {
        let chart = SampleFigures.resultNumeric()
        let geometry = chart.geometry(measuring: metrics)
        let xs = (0..<4).map { chart.canvasX(setting: $0, series: 0, geometry: geometry)! }
        // 0.001 → 0.01 spans as much as 0.003 → 0.03.
        #expect(abs((xs[2] - xs[0]) - (xs[3] - xs[1])) < 0.01)
        #expect(xs[0] > geometry.plotRect.minX && xs[3] < geometry.plotRect.maxX)
        let texts = LabelCheck(chart).canvas.texts
        #expect(texts.contains("0.001") && texts.contains("0.03"))
    }

    @Test func censoredRunsAreOpenTrianglesInTheNotReachedRow() {
        let chart = SampleFigures.resultNumeric()
        let check = LabelCheck(chart)
        let plot = chart.geometry(measuring: metrics).plotRect
        #expect(check.canvas.texts.contains("not reached"))
        #expect(check.canvas.texts.contains("3/5") && check.canvas.texts.contains("1/5"))
        let triangles = check.canvas.commands.compactMap { command -> Path? in
            guard case .stroke(let path, _) = command, path.elements.count == 4, path.elements.last == .close else { return nil }
            return path
        }
        // Two settings with censored runs, plus the legend's samples (open, and filled for a
        // median that was not reached).
        #expect(triangles.count == 4)
        let inRow = triangles.filter { path in
            path.elements.allSatisfy { if case .line(let p) = $0 { return p.y < plot.minY } else { return true } }
        }
        #expect(inRow.count == 4)
        #expect(check.canvas.texts.contains { $0.contains("seeds not reached") })
        #expect(check.canvas.texts.contains("median not reached"))
    }

    @Test func mediansAreDotsJoinedByALineAndRangesAreWhiskers() {
        let chart = SampleFigures.resultNumeric()
        let geometry = chart.geometry(measuring: metrics)
        let check = LabelCheck(chart)
        let dots = check.canvas.commands.compactMap { command -> Point? in
            guard case .fill(let path, let color) = command, color == Color(hex: 0x0072b2), path.elements.count == 6,
                case .move(let start) = path.elements[0]
            else { return nil }
            return Point(x: start.x - 4, y: start.y)  // circles start at their rightmost point
        }
        // Three medians reached, plus the legend's sample dot.
        #expect(dots.count == 4)
        for result in chart.series[0].results {
            guard let median = result.median else { continue }
            let expected = Point(
                x: chart.canvasX(setting: result.setting, series: 0, geometry: geometry)!,
                y: geometry.canvasY(median))
            #expect(
                dots.contains { abs($0.x - expected.x) < 0.01 && abs($0.y - expected.y) < 0.01 },
                "no dot at \(expected) for setting \(result.setting)")
        }
        let whiskers = check.canvas.commands.filter {
            if case .stroke(let path, let style) = $0 { return style.width == 1.5 && path.elements.count == 2 } else { return false }
        }
        // Each of the four ranges: a vertical line and two caps.
        #expect(whiskers.count == 12)
    }

    @Test func categoriesAreEvenlySpacedAndLabelled() {
        let chart = SampleFigures.resultCategorical()
        let geometry = chart.geometry(measuring: metrics)
        let xs = (0..<3).map { chart.canvasX(setting: $0, series: 1, geometry: geometry)! }
        #expect(abs((xs[1] - xs[0]) - (xs[2] - xs[1])) < 0.01)
        let texts = LabelCheck(chart).canvas.texts
        for name in ["relu", "sigmoid", "tanh", "hidden = [3,3]"] { #expect(texts.contains(name)) }
        // Series sit side by side, not on top of each other.
        #expect(chart.canvasX(setting: 0, series: 0, geometry: geometry)! < xs[0])
    }

    @Test func gridHeadersSitLeftOfRowsAndAboveColumns() {
        let grid = SampleFigures.sweepGrid()
        let check = LabelCheck(grid)
        let cells = grid.cellRects(measuring: metrics)
        #expect(cells.count == 9 && grid.columns == 3)
        for (column, header) in SampleFigures.hiddenLayers.enumerated() {
            let box = check.canvas.placedTexts.first { $0.text == "hidden = \(header)" }!.box
            #expect(box.maxY <= cells[column].minY && abs(box.midX - cells[column].midX) < 1)
        }
        for (row, activation) in SampleFigures.activations.enumerated() {
            let box = check.canvas.placedTexts.first { $0.text == "activation = \(activation)" }!.box
            #expect(box.maxX <= cells[row * 3].minX && abs(box.midY - cells[row * 3].midY) < 1)
            #expect(box.height > box.width, "row headers read upwards")
        }
        // Panels keep their natural size.
        #expect(cells.allSatisfy { $0.width >= 229 && $0.height >= 189 })
    }

    @Test func metricGridNumbersContrastWithTheirCells() {
        let grid = SampleFigures.metricGrid()
        let check = LabelCheck(grid)
        var checked = 0
        for command in check.canvas.commands {
            guard case .text(let text, let at, let style, _, _) = command,
                let cell = grid.cells.flatMap({ $0 }).first(where: { $0.label == text && $0.value != nil })
            else { continue }
            let fill = grid.fill(for: cell.value)
            #expect(SequentialPalette.contrast(style.color, fill) >= 4.5, "“\(text)” at \(at)")
            checked += 1
        }
        #expect(checked == 8)
        #expect(check.canvas.texts.contains("not reached"))
        // Lower is darker: 150 epochs darker than 1290.
        #expect(grid.fill(for: 150).greyLevel < grid.fill(for: 1290).greyLevel)
        #expect(check.canvas.texts.contains("median epochs to test loss ≤ 0.02 (5 seeds)"))
    }
}
