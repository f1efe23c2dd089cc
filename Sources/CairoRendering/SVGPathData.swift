/// Shortens the path data (`d="…"`) Cairo writes into SVG: Cairo prints every coordinate with
/// six decimals ("186.945312"), twice as many bytes as a figure needs. Coordinates are rounded
/// to 1/100 px (an error of at most 0.005 px, 0.02 px zoomed to 400 %), written without trailing
/// zeros or a leading zero, with only the separators the path grammar needs, each command in the
/// shorter of its absolute and relative forms; a line to the current point (a dot drawn with
/// round caps) becomes `h0`, a horizontal or vertical line `H x` or `V y`.
///
/// Only the absolute commands Cairo writes (M, L, C, Z) are rewritten; any other path data is
/// copied unchanged.
enum SVGPathData {
    static let attribute = Array(" d=\"".utf8)

    static func shorten(_ svg: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(svg.count)
        var index = 0
        let quote = UInt8(ascii: "\"")
        while index < svg.count {
            if svg[index] == attribute[0], index + attribute.count <= svg.count,
                svg[index..<(index + attribute.count)].elementsEqual(attribute),
                let end = svg[(index + attribute.count)...].firstIndex(of: quote)
            {
                output.append(contentsOf: attribute)
                let data = svg[(index + attribute.count)..<end]
                if let short = shortened(data) { output.append(contentsOf: short) } else { output.append(contentsOf: data) }
                output.append(quote)
                index = end + 1
            } else {
                output.append(svg[index])
                index += 1
            }
        }
        return output
    }

    /// The shortened path data, or `nil` if it holds anything but M, L, C, Z and numbers.
    static func shortened(_ data: ArraySlice<UInt8>) -> [UInt8]? {
        // Tokens: command letters and numbers in hundredths.
        var tokens: [(command: UInt8, numbers: [Int])] = []
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "\n"):
                index += 1
            case UInt8(ascii: "M"), UInt8(ascii: "L"), UInt8(ascii: "C"), UInt8(ascii: "Z"):
                tokens.append((byte, []))
                index += 1
            default:
                guard !tokens.isEmpty, let (value, next) = number(in: data, at: index) else { return nil }
                tokens[tokens.count - 1].numbers.append(value)
                index = next
            }
        }
        var writer = Writer()
        writer.output.reserveCapacity(data.count / 2)
        var current = (x: 0, y: 0), start = (x: 0, y: 0)
        for (command, numbers) in tokens {
            switch command {
            case UInt8(ascii: "Z"):
                guard numbers.isEmpty else { return nil }
                writer.command(UInt8(ascii: "Z"), [], relative: [])
                current = start
            case UInt8(ascii: "M"), UInt8(ascii: "L"):
                guard numbers.count % 2 == 0, !numbers.isEmpty else { return nil }
                for pair in stride(from: 0, to: numbers.count, by: 2) {
                    let point = (x: numbers[pair], y: numbers[pair + 1])
                    let delta = [point.x - current.x, point.y - current.y]
                    if command == UInt8(ascii: "M") && pair == 0 {
                        writer.command(UInt8(ascii: "M"), [point.x, point.y], relative: delta)
                        start = point
                    } else if point == current {
                        writer.command(UInt8(ascii: "H"), [point.x], relative: [0])
                    } else if point.y == current.y {
                        writer.command(UInt8(ascii: "H"), [point.x], relative: [delta[0]])
                    } else if point.x == current.x {
                        writer.command(UInt8(ascii: "V"), [point.y], relative: [delta[1]])
                    } else {
                        writer.command(UInt8(ascii: "L"), [point.x, point.y], relative: delta)
                    }
                    current = point
                }
            default:  // C
                guard numbers.count % 6 == 0, !numbers.isEmpty else { return nil }
                for curve in stride(from: 0, to: numbers.count, by: 6) {
                    let absolute = Array(numbers[curve..<(curve + 6)])
                    let relative = absolute.enumerated().map { $0.element - ($0.offset % 2 == 0 ? current.x : current.y) }
                    writer.command(UInt8(ascii: "C"), absolute, relative: relative)
                    current = (absolute[4], absolute[5])
                }
            }
        }
        return writer.output
    }

    /// Writes commands in the shorter of their absolute and relative forms, leaving out a
    /// repeated command letter and every separator the grammar does not need.
    struct Writer {
        var output: [UInt8] = []
        private var lastCommand: UInt8 = 0
        private var lastNumberHasPoint = false

        mutating func command(_ letter: UInt8, _ absolute: [Int], relative: [Int]) {
            let absoluteText = Self.numbers(absolute), relativeText = Self.numbers(relative)
            let useRelative = letter != UInt8(ascii: "Z") && relativeText.count < absoluteText.count
            let chosenLetter = useRelative ? letter + 32 : letter  // lower case: relative
            let chosen = useRelative ? relative : absolute
            // A repeated letter may be left out, except after a move (more pairs mean line-to).
            if chosenLetter != lastCommand || letter == UInt8(ascii: "M") || letter == UInt8(ascii: "Z") {
                output.append(chosenLetter)
                lastNumberHasPoint = false
                lastCommand = chosenLetter
                for (offset, value) in chosen.enumerated() { append(value, separated: offset > 0) }
            } else {
                for value in chosen { append(value, separated: true) }
            }
        }

        private static func numbers(_ values: [Int]) -> [UInt8] {
            var writer = Writer()
            for (offset, value) in values.enumerated() { writer.append(value, separated: offset > 0) }
            return writer.output
        }

        /// Hundredths as a short decimal ("-1.5", "12", ".05"); a space before it only where it
        /// would otherwise run into the number before.
        mutating func append(_ hundredths: Int, separated: Bool) {
            let negative = hundredths < 0
            let magnitude = abs(hundredths)
            let whole = magnitude / 100, fraction = magnitude % 100
            let startsWithPoint = whole == 0 && fraction != 0
            if negative {
                output.append(UInt8(ascii: "-"))
            } else if separated && !(startsWithPoint && lastNumberHasPoint) {
                output.append(UInt8(ascii: " "))
            }
            if !startsWithPoint { output.append(contentsOf: Array(String(whole).utf8)) }
            lastNumberHasPoint = fraction != 0
            guard fraction != 0 else { return }
            output.append(UInt8(ascii: "."))
            output.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { output.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
    }

    /// A decimal number (optional sign, digits, optional fraction) as hundredths, rounded half
    /// away from zero, and the index after it.
    static func number(in data: ArraySlice<UInt8>, at start: Int) -> (Int, Int)? {
        var index = start
        var negative = false
        if index < data.endIndex, data[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var whole = 0, digits = 0
        while index < data.endIndex, let digit = digitValue(data[index]) {
            guard whole < 100_000_000_000 else { return nil }
            whole = whole * 10 + digit
            digits += 1
            index += 1
        }
        var fraction = 0, fractionDigits = 0, roundUp = false
        if index < data.endIndex, data[index] == UInt8(ascii: ".") {
            index += 1
            while index < data.endIndex, let digit = digitValue(data[index]) {
                if fractionDigits < 2 {
                    fraction = fraction * 10 + digit
                } else if fractionDigits == 2 {
                    roundUp = digit >= 5
                }
                fractionDigits += 1
                digits += 1
                index += 1
            }
        }
        guard digits > 0 else { return nil }
        if index < data.endIndex, data[index] == UInt8(ascii: "e") || data[index] == UInt8(ascii: "E") { return nil }
        while fractionDigits < 2 { fraction *= 10; fractionDigits += 1 }
        let magnitude = whole * 100 + fraction + (roundUp ? 1 : 0)
        return (negative ? -magnitude : magnitude, index)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
