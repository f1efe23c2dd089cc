import Foundation

@testable import Workbook

/// Reads a built edition as a reader would and counts words that do not fit their numbers:
/// a unit printed twice ("35–112 epochs epochs", "epoch 184 epochs"), a range whose ends are
/// equal ("0.020 (0.020–0.020)"), alt texts over 250 characters or naming an experiment's
/// internal ID, and search snippets with raw TeX (`\(x_1\)`) in them.
public struct WordsScan: CustomStringConvertible {
    public var doubledUnits: [String] = []
    public var equalRanges: [String] = []
    public var longAltTexts: [String] = []
    public var altTextsWithIDs: [String] = []
    public var texInSearch: [String] = []
    public var altTexts = 0
    public var searchEntries = 0

    public var description: String {
        "\(doubledUnits.count) doubled units, \(equalRanges.count) equal-end ranges, \(longAltTexts.count) alt texts over 250 characters, \(altTextsWithIDs.count) naming an experiment ID (of \(altTexts) alt texts), \(texInSearch.count) search entries with raw TeX (of \(searchEntries))"
    }

    public var isClean: Bool {
        doubledUnits.isEmpty && equalRanges.isEmpty && longAltTexts.isEmpty && altTextsWithIDs.isEmpty && texInSearch.isEmpty
    }

    /// `folder`: a built edition; `pages`: its chapter pages; `ids`: every experiment and
    /// comparison ID of the book.
    public init(folder: URL, pages: [String], ids: [String]) throws {
        for page in pages {
            let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
            let text = SearchIndex.plainText(html[...])
            doubledUnits += Self.context(
                text.matches(of: #/\b(epochs?|seeds?|runs?) \1\b|\bepoch \d+ epochs\b|% ?%/#).map(\.range), in: text, page)
            equalRanges += Self.context(
                text.matches(of: #/(?:^|[^\d.–])(\d[\d.]*(?: %)?) \(\1–\1\)|(?:^|[^\d.–])(\d[\d.]*)–\2(?![\d.])/#).map(\.range),
                in: text, page)
            for alt in Self.altTexts(in: html) {
                altTexts += 1
                if alt.count > FigureDescription.altLimit { longAltTexts.append("\(page): \(alt.count): \(alt)") }
                for id in ids where Self.containsWord(id, in: alt) {
                    altTextsWithIDs.append("\(page): '\(id)' in \(alt)")
                }
            }
        }
        let index = try String(contentsOf: folder.appendingPathComponent(SearchIndex.fileName), encoding: .utf8)
        let start = index.firstIndex(of: "[") ?? index.startIndex
        let end = index.lastIndex(of: "]").map(index.index(after:)) ?? index.endIndex
        let json = index[start..<end]
        let entries = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]] ?? []
        searchEntries = entries.count
        for entry in entries {
            let text = (entry["section"] ?? "") + " " + (entry["text"] ?? "")
            if text.contains(#/\\[A-Za-z()\[\]]|[_^]\{/#) { texInSearch.append("\(entry["href"] ?? ""): \(text.prefix(120))") }
        }
    }

    /// Each match with the 40 characters before it, for the failure message.
    public static func context(_ ranges: [Range<String.Index>], in text: String, _ page: String) -> [String] {
        ranges.map { range in
            let start = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
            return "\(page): …\(text[start..<range.upperBound])"
        }
    }

    /// Every `alt="…"` of the page and every alt text of its epoch sliders' frames, unescaped.
    public static func altTexts(in html: String) -> [String] {
        var texts = html.matches(of: #/ alt="([^"]*)"/#).map { PlainText.unescaped(String($0.output.1)) }
        for frames in html.matches(of: #/data-frames="([^"]*)"/#) {
            let json = PlainText.unescaped(String(frames.output.1))
            let parsed = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[String: Any]] ?? []
            for frame in parsed { texts += ((frame["alts"] as? [String: String]) ?? [:]).values.sorted() }
        }
        return texts
    }

    public static func containsWord(_ word: String, in text: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            // "four-clusters.csv" names a file, not the experiment "four-clusters".
            let extensionAfter = after == "." && text[range.upperBound...].dropFirst().first?.isLetter == true
            func isPart(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } ?? false }
            if !isPart(before) && !isPart(after) && !extensionAfter { return true }
            rest = text[range.upperBound...]
        }
        return false
    }
}
