/// Generates hostile-but-plausible chapters for fuzzing ``ChapterSource/parse``.
///
/// A chapter is built from the constructs the parser treats specially — front matter, fences
/// and directives, roles, every math delimiter, tables, headings, raw HTML, links with odd
/// schemes, YAML with anchors — and then mutated at the byte level (cut, duplicate, splice,
/// invalid UTF-8, CR/CRLF, BOM, NUL and control characters), because the interesting bugs sit
/// where constructs are broken off or interleaved. Everything follows from the seed.
struct ChapterGenerator {
    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// One chapter: well-formed pieces, then 0–6 byte-level mutations.
    mutating func chapter() -> String {
        var text = random.chance(60) ? frontMatter() : ""
        for _ in 0..<Int.random(in: 1...12, using: &random) { text += block() + "\n" }
        var bytes = Array(text.utf8)
        for _ in 0..<Int.random(in: 0...6, using: &random) { mutate(&bytes) }
        if random.chance(5) { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        // Invalid UTF-8 is replaced by U+FFFD, exactly as a chapter file would be decoded.
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Blocks

    mutating func block() -> String {
        switch Int.random(in: 0..<11, using: &random) {
        case 0: heading()
        case 1: directive()
        case 2: table()
        case 3: htmlBlock()
        case 4: list()
        case 5: quote()
        case 6: codeFence()
        case 7: "$$\n" + tex() + "\n" + (random.chance(80) ? "$$\n" : "")
        case 8: "[\(word())]: \(destination())\n"
        case 9: "[^\(word())]: " + inline() + "\n"
        default: paragraph()
        }
    }

    mutating func frontMatter() -> String {
        var lines = ["---"]
        lines.append("title: " + random.pick(["Intro", "\"quoted: title\"", "*alias", "&a x", "[1, 2]", inline()]))
        if random.chance(50) { lines.append("chapter: " + random.pick(["3", "x", "-1", "99999999999999999999999"])) }
        if random.chance(30) { lines += yamlExtras() }
        if random.chance(90) { lines.append(random.pick(["---", "...", "--- "])) }
        return lines.joined(separator: "\n") + "\n"
    }

    mutating func heading() -> String {
        random.pick(["#", "##", "###", "######", "#######"]) + " " + inline() + random.pick(["", " ##", " {#id}"]) + "\n"
            + (random.chance(10) ? "===\n" : "")
    }

    mutating func paragraph() -> String {
        (0..<Int.random(in: 1...4, using: &random)).map { _ in inline() }.joined(separator: random.pick(["\n", "  \n", "\\\n"]))
            + "\n"
    }

    mutating func directive() -> String {
        let fence = random.pick(["```", "````", "~~~", "``"])
        let name = random.pick(["experiment", "activations", "dataset", "question", "experimnt", "", "experiment"])
        let open = random.pick(["{\(name)}", "{ \(name) }", "{\(name)", "{\(name)}}"])
        let argument = random.pick(["", " e1", " ../../x", " a b", " \(word())"])
        var body: [String] = []
        for _ in 0..<Int.random(in: 0...5, using: &random) { body.append(yamlLine()) }
        if random.chance(20) { body += yamlExtras() }
        let close = random.chance(85) ? fence : random.pick(["", "``", "~~~~"])
        let indent = random.pick(["", "", " ", "   ", "> ", "- "])
        return ([fence + open + argument] + body + [close]).map { indent + $0 }.joined(separator: "\n") + "\n"
    }

    mutating func codeFence() -> String {
        let fence = random.pick(["```", "~~~"])
        return fence + random.pick(["", "swift", "{", "math"]) + "\n" + inline() + "\n$x$ `a` {value}`x`\n"
            + (random.chance(80) ? fence + "\n" : "")
    }

    mutating func table() -> String {
        let columns = Int.random(in: 1...4, using: &random)
        var lines = ["| " + (0..<columns).map { _ in cell() }.joined(separator: " | ") + " |"]
        lines.append("|" + (0..<columns).map { _ in random.pick(["---", ":--", "--:", ":-:"]) }.joined(separator: "|") + "|")
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            lines.append("| " + (0..<columns).map { _ in cell() }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    mutating func cell() -> String {
        random.pick([word(), role(), "$a|b$", "`x|y`", "<script>x</script>", "<b onclick=\"f()\">b</b>", "\\|", inline()])
    }

    mutating func htmlBlock() -> String {
        random.pick([
            "<div class=\"callout\">\n" + inline() + "\n</div>\n",
            "<script>alert(1)</script>\n",
            "<div\n",
            "<div title=\"\n\n" + inline() + "\n",
            "<!-- comment\n" + inline() + "\n-->\n",
            "<iframe src=\"x\"></iframe>\n",
            "<a href=\"javascript:alert(1)\">x</a>\n",
            "<img src=x onerror=alert(1)>\n",
            "<table><tr><td>\n\n" + inline() + "\n\n</td></tr></table>\n",
            "<pre>\n$x$\n</pre>\n",
        ])
    }

    mutating func list() -> String {
        (0..<Int.random(in: 1...3, using: &random)).map { _ in
            random.pick(["- ", "* ", "1. ", "  - ", "- [ ] "]) + inline()
        }.joined(separator: "\n") + "\n"
    }

    mutating func quote() -> String {
        "> " + inline() + "\n> $$\n> " + tex() + "\n> $$\n"
    }

    // MARK: - Inlines

    mutating func inline() -> String {
        (0..<Int.random(in: 1...6, using: &random)).map { _ in inlinePiece() }.joined(separator: " ")
    }

    mutating func inlinePiece() -> String {
        switch Int.random(in: 0..<14, using: &random) {
        case 0: "$" + tex() + "$"
        case 1: "\\(" + tex() + "\\)"
        case 2: "\\[" + tex() + "\\]"
        case 3: "$$" + tex() + "$$"
        case 4: role()
        case 5: "[" + word() + "](" + destination() + ")"
        case 6: "![" + word() + "](" + destination() + ")"
        case 7: "<" + destination() + ">"
        case 8: random.pick(["<b>", "</b>", "<span onmouseover=x>", "<script>", "<iframe>", "<a href='vbscript:x'>", "<!-- c -->"])
        case 9: random.pick(["`code`", "``a`b``", "`", "```", "*em*", "**strong**", "~~del~~", "_a_", "\\$", "$5 and $6"])
        case 10: "[" + word() + "][" + random.pick(["", word()]) + "]"
        case 11: random.pick(["&amp;", "&#x73;", "&#0;", "&nbsp;", "\u{0}", "\u{1}", "\u{7F}", "\u{FEFF}", "\u{202E}", "😀", "é"])
        case 12: "[^" + word() + "]"
        default: word()
        }
    }

    mutating func role() -> String {
        let name = random.pick(["value", "ref", "valeu", "x", "value", "ref"])
        return "{\(name)}" + random.pick(["`a.epochs`", "`\(word())`", "``a`b``", "`", "` `", "`$x$`"])
    }

    mutating func destination() -> String {
        random.pick([
            "https://example.org/x", "#section", "other.md", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
            "java&#x73;cript:alert(1)", "&#14;javascript:x", "vbscript:msgbox", "data:text/html,<b>",
            "data:image/png;base64,AAAA", " javascript:x", "<javascript:x>", "mailto:a@b.c", "", "a b",
            "java\\script:x",
        ])
    }

    mutating func tex() -> String {
        random.pick(["x", "a_1 * b_2", "\\frac{1}{2}", "f'(x)", "x\ny", "<b>", "a & b", "", " ", "\\$", "$", "x_{\n> y}"])
    }

    mutating func word() -> String {
        random.pick(["loss", "epoch", "XOR", "LBKX", "LBKXM0Z", "LBKXH0Z", "ReLU", "a", "{", "}", "|", "*", "_", "<", ">"])
    }

    // MARK: - YAML

    mutating func yamlLine() -> String {
        random.pick([
            "dataset: xor", "epochs: 3", "hidden: [4, 2]", "seeds: 1e30", "caption: \"a: b\"", "vary:",
            "  learning-rate: [0.1, 0.3]", "- x", "key: |", "  text", "epochs: 3\nepochs: 4", ": x", "\"", "\t",
            "a: &x [1, 2]", "b: *x", "c: *undefined", "? [a]\n: b", "!!binary x", "{a: 1", "%YAML 1.2",
        ])
    }

    mutating func yamlExtras() -> [String] {
        random.pick([
            ["a: &a [x, x]", "b: &b [*a, *a]", "c: [*b, *b]"],
            ["base: &base {epochs: 3}", "other:", "  <<: *base"],
            ["text: |", "  *not an alias*", "  & not an anchor"],
            ["list:", "  - &i item", "  - *i"],
        ])
    }

    // MARK: - Mutations

    mutating func mutate(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        let at = Int.random(in: 0..<bytes.count, using: &random)
        let length = min(Int.random(in: 1...40, using: &random), bytes.count - at)
        switch Int.random(in: 0..<8, using: &random) {
        case 0: bytes.removeSubrange(at..<(at + length))
        case 1: bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
        case 2: bytes.insert(contentsOf: Array(block().utf8), at: at)
        case 3: bytes.insert(contentsOf: Array(inlinePiece().utf8), at: at)
        case 4: bytes.insert(random.pick([0xFF, 0xC0, 0x80, 0xED, 0xF4, 0x00, 0x0D, 0x0B, 0x0C]), at: at)
        case 5: bytes = Array(String(decoding: bytes, as: UTF8.self).replacing("\n", with: random.pick(["\r\n", "\r"])).utf8)
        case 6: bytes[at] = UInt8.random(in: 0...255, using: &random)
        default:
            let other = Int.random(in: 0..<bytes.count, using: &random)
            bytes.swapAt(at, other)
        }
    }
}
