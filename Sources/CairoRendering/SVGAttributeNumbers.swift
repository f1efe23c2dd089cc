/// Shortens what Cairo writes around the path data: colours as `rgb(96.078431%,57.647059%,13.333333%)`
/// become `#f59322` (the same 8-bit colour; Cairo's colours come from 8-bit values), and glyph
/// and image positions (`x="73.890625"`) are rounded to 1/100 px like the path data, and a style
/// with round joins loses its miter limit, which only miter joins use.
enum SVGAttributeNumbers {
    static let roundJoin = Array("stroke-linejoin:round;".utf8)
    static let miterLimit = Array("stroke-miterlimit:10;".utf8)
    static let style = Array(" style=\"".utf8)

    static let rgb = Array("rgb(".utf8)
    static let positions = [Array(" x=\"".utf8), Array(" y=\"".utf8)]

    static func shorten(_ svg: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(svg.count)
        var index = 0
        while index < svg.count {
            let byte = svg[index]
            if byte == rgb[0], starts(svg, at: index, with: rgb), let (hex, next) = hexColor(svg, at: index + rgb.count) {
                output.append(contentsOf: hex)
                index = next
                continue
            }
            if byte == UInt8(ascii: " "), starts(svg, at: index, with: style),
                let end = svg[(index + style.count)...].firstIndex(of: UInt8(ascii: "\""))
            {
                let body = Array(svg[(index + style.count)..<end])
                output.append(contentsOf: style)
                output.append(contentsOf: withoutMiterLimit(body))
                index = end
                continue
            }
            if byte == UInt8(ascii: " "), let marker = positions.first(where: { starts(svg, at: index, with: $0) }),
                let (value, next) = SVGPathData.number(in: svg[...], at: index + marker.count),
                next < svg.count, svg[next] == UInt8(ascii: "\"")
            {
                output.append(contentsOf: marker)
                var writer = SVGPathData.Writer()
                writer.append(value, separated: false)
                output.append(contentsOf: writer.output)
                index = next
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// The style without `stroke-miterlimit:10;` when its joins are round; colours shortened.
    static func withoutMiterLimit(_ body: [UInt8]) -> [UInt8] {
        let shortened = shorten(body)
        guard let join = firstIndex(of: roundJoin, in: shortened), join >= 0,
            let limit = firstIndex(of: miterLimit, in: shortened)
        else { return shortened }
        return Array(shortened[..<limit] + shortened[(limit + miterLimit.count)...])
    }

    static func firstIndex(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= marker.count else { return nil }
        return (0...(bytes.count - marker.count)).first { starts(bytes, at: $0, with: marker) }
    }

    static func starts(_ svg: [UInt8], at index: Int, with marker: [UInt8]) -> Bool {
        index + marker.count <= svg.count && svg[index..<(index + marker.count)].elementsEqual(marker)
    }

    /// `r%,g%,b%)` from `index` as `#rrggbb` and the index after the parenthesis.
    static func hexColor(_ svg: [UInt8], at start: Int) -> ([UInt8], Int)? {
        var index = start
        var hex: [UInt8] = [UInt8(ascii: "#")]
        let digits = Array("0123456789abcdef".utf8)
        for channel in 0..<3 {
            // Percent with up to six decimals, read exactly as an integer in millionths.
            var millionths = 0, fractionDigits = -1, any = false
            while index < svg.count {
                let byte = svg[index]
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    guard fractionDigits < 6 else { return nil }
                    millionths = millionths * 10 + Int(byte - UInt8(ascii: "0"))
                    if fractionDigits >= 0 { fractionDigits += 1 }
                    any = true
                } else if byte == UInt8(ascii: "."), fractionDigits < 0 {
                    fractionDigits = 0
                } else {
                    break
                }
                index += 1
            }
            guard any, index < svg.count, svg[index] == UInt8(ascii: "%") else { return nil }
            for _ in 0..<(6 - max(fractionDigits, 0)) { millionths *= 10 }
            // percent·10⁶ → 0…255: value = millionths / 10⁸ · 255, rounded.
            let value = (millionths * 255 + 50_000_000) / 100_000_000
            guard value <= 255 else { return nil }
            hex.append(digits[value / 16])
            hex.append(digits[value % 16])
            index += 1
            let expected = channel < 2 ? UInt8(ascii: ",") : UInt8(ascii: ")")
            guard index < svg.count, svg[index] == expected else { return nil }
            index += 1
        }
        return (hex, index)
    }
}
