/// Cairo 1.16 writes embedded images as plain `<image>` elements, and SVG viewers smooth
/// images when they scale them up, which would blur a 100 × 100 heat map into a gradient.
/// This marks every image to be scaled without smoothing, as the Playground draws its canvas:
/// the SVG 1.1 hint `image-rendering="optimizeSpeed"` and the CSS value `pixelated` that
/// Chromium and Firefox honour.
enum SVGCrispImages {
    static let marker = Array("<image ".utf8)
    static let replacement = Array(
        "<image image-rendering=\"optimizeSpeed\" style=\"image-rendering:crisp-edges;image-rendering:pixelated\" ".utf8)

    static func mark(_ svg: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(svg.count + 256)
        var index = 0
        while index < svg.count {
            if svg[index] == marker[0], index + marker.count <= svg.count,
                svg[index..<(index + marker.count)].elementsEqual(marker)
            {
                output.append(contentsOf: replacement)
                index += marker.count
            } else {
                output.append(svg[index])
                index += 1
            }
        }
        return output
    }
}
