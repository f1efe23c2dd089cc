import CairoRendering
import Foundation
import Plotting

/// One renderer for all tests (fonts load once per process).
let sharedRenderer: FigureRenderer = {
    do { return try FigureRenderer() } catch { fatalError("DejaVu fonts are needed for the rendering tests: \(error)") }
}()

/// The expected 8-bit colour with a tolerance check.
func isClose(_ pixel: (r: UInt8, g: UInt8, b: UInt8, a: UInt8), to color: Color, tolerance: Int = 3) -> Bool {
    let expected = color.rgba8
    return abs(Int(pixel.r) - Int(expected.red)) <= tolerance && abs(Int(pixel.g) - Int(expected.green)) <= tolerance
        && abs(Int(pixel.b) - Int(expected.blue)) <= tolerance
}

/// The device pixel under a canvas point in a PNG rendered at `scale`.
func pixel(_ image: PNGImage, at point: Point, scale: Double = 2) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
    image.pixel(x: Int((point.x * scale).rounded(.down)), y: Int((point.y * scale).rounded(.down)))
}

func temporaryFile(named name: String, contents: [UInt8]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plotting-tests-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(contents).write(to: url)
    return url
}

/// Runs a command and returns its standard output, or nil if it could not be started.
func runCommand(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = Pipe()
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
