import Foundation

@testable import Workbook

/// Finds a worksheet's numbers in the instructor edition and looks for them in a student
/// edition: the check that no answer leaks (pages, search index, downloads, the PDF's text).
/// Numbers are found in the source of results tables and keys, so this scans text on purpose:
/// a leak may sit in any file, not only in a page's elements.
public enum WorksheetLeaks {
    /// The numbers of the worksheets' results tables and keys in the instructor edition,
    /// without those a results experiment also shows.
    public static func worksheetNumbers(pages: [String], instructor: URL, worksheets: [String], results: [String]) throws -> Set<String> {
        let taught = try pages.map { try String(contentsOf: instructor.appendingPathComponent($0), encoding: .utf8) }.joined()
        let shared = results.compactMap { block($0, in: taught) }.map { resultNumbers(inTableOf: $0) }.reduce(Set(), { $0.union($1) })
        var numbers = Set<String>()
        for id in worksheets {
            guard let block = block(id, in: taught) else { continue }
            numbers.formUnion(resultNumbers(inTableOf: block))
            if let key = keyTable(in: block) { numbers.formUnion(resultNumbers(inTable: key)) }
        }
        return numbers.subtracting(shared)
    }

    /// "file: number" for every worksheet number found in the student edition's files (text
    /// files, and the text of its PDFs) that the instructor edition shows nowhere but in its
    /// worksheets — a three-decimal loss of a results run may equal one of a worksheet run by
    /// chance, and then it is no leak. Third-party assets (KaTeX) are not ours to scan.
    public static func leaks(of numbers: Set<String>, in student: URL, instructor: URL, worksheets: [String]) throws -> [String] {
        var background = Set<String>()
        try scan(instructor) { name, text in
            guard !worksheets.contains(where: { name.hasPrefix("/data/\($0)/") }) else { return }
            var rest = text
            for id in worksheets { if let b = block(id, in: rest) { rest = rest.replacingOccurrences(of: b, with: "") } }
            for number in numbers where contains(number, in: rest) { background.insert(number) }
        }
        var found: [String] = []
        try scan(student) { name, text in
            for number in numbers.subtracting(background) where contains(number, in: text) { found.append("\(name): \(number)") }
        }
        return found.sorted()
    }

    public static func scan(_ folder: URL, _ body: (String, String) throws -> Void) throws {
        let base = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            let name = String(url.standardizedFileURL.path.dropFirst(base.count))
            guard !name.hasPrefix("/assets/katex") else { continue }
            switch url.pathExtension {
            case "html", "js", "json", "csv", "txt", "svg", "css": try body(name, (try? String(contentsOf: url, encoding: .utf8)) ?? "")
            case "pdf": try body(name, try HandoutPrinting.run("/usr/bin/pdftotext", [url.path, "-"]))
            default: continue
            }
        }
    }

    /// The HTML of the experiment or comparison `id`, up to the next block.
    public static func block(_ id: String, in page: String) -> String? {
        guard let start = page.range(of: "\" id=\"\(id)\">"),
            page[..<start.lowerBound].suffix(80).contains("<div class=\"lb-experiment")
        else { return nil }
        let rest = page[start.upperBound...]
        let ends = ["<div class=\"lb-experiment", "<div class=\"lb-question", "</main>"].compactMap { rest.range(of: $0)?.lowerBound }
        return String(rest[..<(ends.min() ?? rest.endIndex)])
    }

    public static func table(in block: String) -> String? {
        guard let start = block.range(of: "<table"), let end = block.range(of: "</table>") else { return nil }
        return String(block[start.lowerBound..<end.upperBound])
    }

    /// The numbers in a results table's cells that only the runs can give: decimals (losses,
    /// accuracies) and epoch ranges.
    public static func resultNumbers(inTableOf block: String) -> Set<String> {
        table(in: block).map(resultNumbers(inTable:)) ?? []
    }

    /// The instructor's worksheet key (its per-run table) inside an experiment's block.
    public static func keyTable(in block: String) -> String? {
        guard let start = block.range(of: "lb-key-table") else { return nil }
        return table(
            in: String(block[start.lowerBound...]).replacingOccurrences(
                of: "lb-key-table", with: "<table lb-key-table", options: [], range: nil))
    }

    public static func resultNumbers(inTable table: String) -> Set<String> {
        guard let body = table.range(of: "<tbody>") else { return [] }
        let cells = table[body.upperBound...].components(separatedBy: "<td class=\"num").dropFirst()
            .map { $0.components(separatedBy: "</td>")[0] }
        var numbers = Set<String>()
        for cell in cells {
            for match in cell.matches(of: /\d+\.\d+|\d+–\d+/) { numbers.insert(String(match.output)) }
        }
        return numbers
    }

    /// Whether `number` occurs in `text` as a whole number (no digit or dot around it).
    public static func contains(_ number: String, in text: String) -> Bool {
        var rest = text[...]
        while let found = rest.range(of: number) {
            let before = found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : " "
            let after = found.upperBound < text.endIndex ? text[found.upperBound] : " "
            if !(before.isNumber || before == "." || after.isNumber
                || (after == "." && found.upperBound < text.index(before: text.endIndex)
                    && text[text.index(after: found.upperBound)].isNumber))
            {
                return true
            }
            rest = text[found.upperBound...]
        }
        return false
    }

}
