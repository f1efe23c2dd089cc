import Foundation
import Testing

@testable import PlaygroundTrainer

/// The generators beyond the Playground's: moons and checkerboard. Each is a pure function of
/// the seed's ARC4 stream, so a seed fixes the data as it does on a Playground page.
@Suite("Teaching generators")
struct TeachingGeneratorTests {
    static func points(_ dataset: Dataset, seed: String = "1", noise: Double = 0, cells: Int = 4) -> [DataPoint] {
        var random = SeedRandom(seed: seed)
        return dataset.generate(noise: noise, cells: cells, random: &random)
    }

    static func distance(_ p: DataPoint, _ cx: Double, _ cy: Double) -> Double {
        ((p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy)).squareRoot()
    }

    @Test("the same seed gives the same points, another seed others", arguments: [Dataset.moons, .checkerboard])
    func deterministicForASeed(dataset: Dataset) {
        let first = Self.points(dataset, seed: "7", noise: 10)
        #expect(first == Self.points(dataset, seed: "7", noise: 10))
        #expect(first != Self.points(dataset, seed: "8", noise: 10))
        #expect(first.count == 500)
    }

    @Test func moonsLieOnTwoHalfCirclesOfRadiusThree() {
        let points = Self.points(.moons)
        let upper = points.filter { $0.label == 1 }
        let lower = points.filter { $0.label == -1 }
        #expect(upper.count == 250 && lower.count == 250)
        // Upper moon: centre (−1.5, −0.75), upper half; lower moon: centre (1.5, 0.75), lower half.
        #expect(upper.allSatisfy { abs(Self.distance($0, -1.5, -0.75) - 3) < 1e-9 && $0.y >= -0.75 - 1e-9 })
        #expect(lower.allSatisfy { abs(Self.distance($0, 1.5, 0.75) - 3) < 1e-9 && $0.y <= 0.75 + 1e-9 })
    }

    @Test func knownPointsOfTheMoonsHaveTheirMoonsClass() {
        let points = Self.points(.moons)
        func nearest(_ x: Double, _ y: Double) -> DataPoint {
            points.min { Self.distance($0, x, y) < Self.distance($1, x, y) }!
        }
        #expect(nearest(-1.5, 2.25).label == 1)  // top of the upper moon
        #expect(nearest(1.5, -2.25).label == -1)  // bottom of the lower moon
        #expect(nearest(-4.5, -0.75).label == 1)  // left tip of the upper moon
        #expect(nearest(4.5, 0.75).label == -1)  // right tip of the lower moon
        // The tips reach into the other moon's bay: no vertical or horizontal line separates them.
        #expect(points.contains { $0.label == -1 && $0.x < 0 } && points.contains { $0.label == 1 && $0.x > 0 })
    }

    @Test func noiseMovesMoonPointsButNeverRelabelsThem() {
        let clean = Self.points(.moons, noise: 0)
        let noisy = Self.points(.moons, noise: 20)
        #expect(zip(clean, noisy).allSatisfy { $0.label == $1.label })
        // Each coordinate moves by at most 3 · 0.2 = 0.6.
        let offsets = noisy.map { abs(Self.distance($0, $0.label == 1 ? -1.5 : 1.5, $0.label == 1 ? -0.75 : 0.75) - 3) }
        #expect(offsets.max()! <= 0.6 * 2.0.squareRoot() + 1e-9)
        #expect(offsets.max()! > 0.3)
    }

    @Test("every checkerboard point has the class of its square", arguments: [2, 4, 7])
    func checkerboardSquares(cells: Int) {
        let side = 10 / Double(cells)
        for p in Self.points(.checkerboard, cells: cells) {
            let column = Int(((p.x + 5) / side).rounded(.down))
            let row = Int(((p.y + 5) / side).rounded(.down))
            #expect(p.label == ((column + row).isMultiple(of: 2) ? 1 : -1))
        }
    }

    @Test func knownSquaresOfTheCheckerboard() {
        let points = Self.points(.checkerboard, cells: 4)  // squares of side 2.5
        let lowerLeft = points.filter { $0.x < -2.5 && $0.y < -2.5 }
        let rightOfIt = points.filter { (-2.5..<0).contains($0.x) && $0.y < -2.5 }
        let upperRight = points.filter { $0.x >= 2.5 && $0.y >= 2.5 }
        #expect(!lowerLeft.isEmpty && lowerLeft.allSatisfy { $0.label == 1 })
        #expect(!rightOfIt.isEmpty && rightOfIt.allSatisfy { $0.label == -1 })
        #expect(!upperRight.isEmpty && upperRight.allSatisfy { $0.label == 1 })
        #expect(points.allSatisfy { abs($0.x) <= 5 && abs($0.y) <= 5 })
    }

    @Test func twoCellsAreTheXORQuadrants() {
        #expect(Self.points(.checkerboard, cells: 2).allSatisfy { ($0.x * $0.y >= 0) == ($0.label == 1) })
    }

    @Test func checkerboardNoiseRelabelsOnlyNearTheEdges() {
        let clean = Self.points(.checkerboard, noise: 0)
        let noisy = Self.points(.checkerboard, noise: 10)
        #expect(zip(clean, noisy).allSatisfy { $0.x == $1.x && $0.y == $1.y })
        let flipped = zip(clean, noisy).filter { $0.label != $1.label }.map(\.0)
        #expect(!flipped.isEmpty)
        // Noise 10 moves the labelled position by at most 0.5 in each direction.
        func edgeDistance(_ v: Double) -> Double {
            let s = (v + 5).truncatingRemainder(dividingBy: 2.5)
            return min(s, 2.5 - s)
        }
        #expect(flipped.allSatisfy { min(edgeDistance($0.x), edgeDistance($0.y)) <= 0.5 + 1e-9 })
    }

    @Test func theStreamContinuesToTheWeightsAsOnAPlaygroundPage() {
        var c = TrainingConfiguration()
        c.dataset = .checkerboard
        c.cells = 4
        let (data, random, draws, shuffle) = c.makeDataCountingDraws(seed: "3")
        #expect(draws == 2000)  // four draws a point, like the Playground's XOR
        #expect(shuffle == 500)
        #expect(data.train.count == 250 && data.test.count == 250)
        #expect(random.drawCount == 2500)
    }

    @Test func newDataSetsHaveNoPlaygroundLinkAndALinkReadsBackToThePlaygrounds() throws {
        var c = TrainingConfiguration()
        c.dataset = .moons
        #expect(!c.isShowableInPlayground)
        #expect(c.datasetOutsidePlayground == "the Playground cannot generate this data set (moons)")
        // A link read on top of moons knows only the Playground's data sets.
        let reading = try PlaygroundLink.read("#seed=2&networkShape=3", base: c)
        #expect(reading.configuration.dataset == .circle && reading.configuration.cells == nil)
    }

    @Test func aConfigurationCannotNameACellCountForAnotherDataSet() {
        var c = TrainingConfiguration()
        c.dataset = .moons
        c.cells = 4
        #expect(c.validate().map(\.key) == ["cells"])
        c.dataset = .checkerboard
        #expect(c.validate().isEmpty)
        c.cells = 13
        #expect(c.validate().map(\.key) == ["cells"])
    }
}
