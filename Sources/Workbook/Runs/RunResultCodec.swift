import Foundation
import PlaygroundTrainer

/// How the cache keeps a run's full result: a small binary form, every number by its exact
/// bit pattern (little-endian), so it reads back bit for bit — NaN and infinities too.
///
/// Why not JSON: decoding a run of 68 KB of JSON with Foundation's `JSONDecoder` took about
/// 3.6 ms, and a build reads every run its figures and results need. That was a third of a
/// no-op build of the seed course, and most of adding a student to a roster. The downloads
/// keep their JSON (``ExperimentDownloads``); this form is the cache's own.
enum RunResultCodec {
    /// The first bytes of every encoded run; a new layout gets a new number.
    static let magic = Array("labbook-run 1\n".utf8)

    static func encode(_ run: RunResult) -> Data {
        var out = BinaryWriter()
        out.bytes += magic
        out.string(run.seed)
        out.integer(run.reset)
        out.integer(Self.statuses.firstIndex(of: run.status)!)
        out.doubles(run.trainLoss)
        out.doubles(run.testLoss)
        out.optional(run.trainAccuracy) { $0.doubles($1) }
        out.optional(run.testAccuracy) { $0.doubles($1) }
        out.optional(run.targetEpoch) { $0.integer($1) }
        out.optional(run.divergedAtEpoch) { $0.integer($1) }
        out.parameters(run.initial)
        out.parameters(run.final)
        out.optional(run.afterFirstEpoch) { $0.parameters($1) }
        for count in [run.draws.data, run.draws.shuffle, run.draws.weights, run.draws.weightsOffset] { out.integer(count) }
        return Data(out.bytes)
    }

    /// The run, or nil when the bytes are not one (another layout, cut short, trailing bytes).
    static func decode(_ data: Data) -> RunResult? {
        data.withUnsafeBytes { raw -> RunResult? in
            var reader = BinaryReader(raw)
            guard reader.take(magic.count).elementsEqual(magic) else { return nil }
            guard let seed = reader.string(), let reset = reader.integer(), let statusIndex = reader.integer(),
                Self.statuses.indices.contains(statusIndex), let trainLoss = reader.doubles(), let testLoss = reader.doubles(),
                let trainAccuracy = reader.optional({ $0.doubles() }), let testAccuracy = reader.optional({ $0.doubles() }),
                let targetEpoch = reader.optional({ $0.integer() }), let divergedAtEpoch = reader.optional({ $0.integer() }),
                let initial = reader.parameters(), let final = reader.parameters(),
                let afterFirstEpoch = reader.optional({ $0.parameters() }),
                let data = reader.integer(), let shuffle = reader.integer(), let weights = reader.integer(),
                let weightsOffset = reader.integer(), reader.isAtEnd
            else { return nil }
            return RunResult(
                seed: seed, reset: reset, status: Self.statuses[statusIndex], trainLoss: trainLoss, testLoss: testLoss,
                trainAccuracy: trainAccuracy, testAccuracy: testAccuracy, targetEpoch: targetEpoch,
                divergedAtEpoch: divergedAtEpoch, initial: initial, final: final, afterFirstEpoch: afterFirstEpoch,
                draws: DrawCounts(data: data, shuffle: shuffle, weights: weights, weightsOffset: weightsOffset))
        }
    }

    /// Statuses by their number in the encoding (append only).
    static let statuses: [RunStatus] = [.completed, .reachedTarget, .diverged]
}

/// Appends numbers, texts and arrays in ``RunResultCodec``'s layout.
private struct BinaryWriter {
    var bytes: [UInt8] = []

    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
    mutating func integer(_ value: Int) { word(UInt64(bitPattern: Int64(value))) }
    mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        integer(utf8.count)
        bytes += utf8
    }
    mutating func doubles(_ values: [Double]) {
        integer(values.count)
        bytes.reserveCapacity(bytes.count + 8 * values.count)
        for value in values { word(value.bitPattern) }
    }
    mutating func integers(_ values: [Int]) {
        integer(values.count)
        for value in values { integer(value) }
    }
    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        guard let value else { return integer(0) }
        integer(1)
        write(&self, value)
    }
    mutating func parameters(_ p: NetworkParameters) {
        integers(p.layerSizes)
        doubles(p.weights)
        doubles(p.biases)
        integers(p.deadLinks)
    }
}

/// Reads ``BinaryWriter``'s layout back; every read checks the bytes are there, so damage
/// gives nil, never a crash or a huge allocation.
private struct BinaryReader {
    let raw: UnsafeRawBufferPointer
    var offset = 0

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    var isAtEnd: Bool { offset == raw.count }

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer.SubSequence {
        let end = min(raw.count, offset + count)
        defer { offset = end }
        return raw[offset..<end]
    }
    mutating func word() -> UInt64? {
        guard raw.count - offset >= 8 else { return nil }
        defer { offset += 8 }
        return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    mutating func integer() -> Int? {
        word().map { Int(Int64(bitPattern: $0)) }
    }
    /// A count of items of `size` bytes each that the rest of the bytes can hold.
    mutating func count(of size: Int) -> Int? {
        guard let count = integer(), count >= 0, count <= (raw.count - offset) / size else { return nil }
        return count
    }
    mutating func string() -> String? {
        guard let count = count(of: 1) else { return nil }
        return String(validating: take(count), as: UTF8.self)
    }
    mutating func doubles() -> [Double]? {
        guard let count = count(of: 8) else { return nil }
        let start = offset
        offset += 8 * count
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                let bits = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8 * index, as: UInt64.self))
                buffer[index] = Double(bitPattern: bits)
            }
            initialized = count
        }
    }
    mutating func integers() -> [Int]? {
        guard let count = count(of: 8) else { return nil }
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = integer() else { return nil }
            values.append(value)
        }
        return values
    }
    /// `.some(nil)` for an absent value, `nil` for damage.
    mutating func optional<T>(_ read: (inout BinaryReader) -> T?) -> T?? {
        switch integer() {
        case 0: return .some(nil)
        case 1: return read(&self).map { .some($0) }
        default: return nil
        }
    }
    mutating func parameters() -> NetworkParameters? {
        guard let layerSizes = integers(), let weights = doubles(), let biases = doubles(), let deadLinks = integers() else { return nil }
        return NetworkParameters(layerSizes: layerSizes, weights: weights, biases: biases, deadLinks: deadLinks)
    }
}
