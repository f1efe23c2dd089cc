/// Large chapters of one kind each, for measuring how parsing time grows with size.
///
/// Each kind stresses one path that could be quadratic: many paragraphs, one huge paragraph
/// (math protection works per paragraph), dense math, roles in one block (role locations are
/// searched in the block's lines), and everything on one single line.
enum BenchChapter: String, CaseIterable {
    case prose, paragraph, math, roles, line

    /// A chapter of this kind of at least `bytes` UTF-8 bytes.
    func text(bytes: Int) -> String {
        var text = "---\ntitle: Bench\nchapter: 1\n---\n"
        text.reserveCapacity(bytes + 1024)
        var index = 0
        while text.utf8.count < bytes {
            text += piece(index)
            index += 1
        }
        return text
    }

    private func piece(_ i: Int) -> String {
        switch self {
        case .prose:
            (i % 20 == 0 ? "## Section \(i)\n\n" : "")
                + "Training *network \(i)* with **ReLU** converges, see [the notes](https://example.org/\(i))\n"
                + "and the table below; the loss $L_{\(i)}$ falls quickly at first and then slowly.\n\n"
        case .paragraph:
            "The loss $L_{\(i)} = \\frac{1}{2}(y - \\hat y)^2$ of \\(x^{\(i)}\\) falls **fast**, costs $5 and $6.\n"
        case .math:
            "Inline $a_{\(i)} * b_{\(i)}$ and\n\n$$\n\\sum_{k=1}^{\(i)} w_k x_k\n$$\n\n\\[ f'(x) = \(i) \\]\n\n"
        case .roles:
            "Run e\(i) took {value}`e\(i).epochs` epochs (see {ref}`e\(i)`), loss {value}`e\(i).test-loss`.\n"
        case .line:
            "Run e\(i) took {value}`e\(i).epochs` epochs and $x_{\(i)}$ with `code \(i)` here. "
        }
    }
}
