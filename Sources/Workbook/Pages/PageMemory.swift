import Foundation

/// What the page writer computed in earlier builds of a long-lived process (`labbook serve`),
/// kept for the next, so that a prose edit of one chapter renders that chapter again and
/// reuses the rest:
///
/// - each chapter body (the page's and the handout's), by its inputs (``ChapterBodyInputs``):
///   reused only for an equal chapter whose inputs outside it are equal too;
/// - each page's part of the search index, by the page it was computed from (``SearchIndex``).
///
/// An entry is used only for inputs equal in every value the result is made from, so it can
/// never be stale. Each site written keeps only the bodies it used or made, and a page's search
/// part replaces the one before at its address, so the memory holds about one book's pages
/// whatever the number of edits.
public final class PageMemory: Sendable {
    private let searchParts = Locked<[String: (page: SearchIndex.Page, json: String)]>([:])
    private let bodies = Locked(Bodies())

    struct Bodies {
        var previous: [ChapterBodyInputs.Chapter: (book: ChapterBodyInputs.Book, html: String)] = [:]
        var current: [ChapterBodyInputs.Chapter: (book: ChapterBodyInputs.Book, html: String)] = [:]
    }

    public init() {}

    /// How many chapter bodies the last site reused and rendered (for tests and the trace).
    let bodyCounts = Locked((reused: 0, rendered: 0))

    func searchJSON(for page: SearchIndex.Page) -> String? {
        guard let known = searchParts.get()[page.href], known.page == page else { return nil }
        return known.json
    }

    func rememberSearchJSON(_ json: String, for page: SearchIndex.Page) {
        searchParts.update { $0[page.href] = (page, json) }
    }

    /// Starts a site.
    func beginSite() {
        bodies.update { $0.current = [:] }
        bodyCounts.set((0, 0))
    }

    /// The body for `chapter` with `book` outside it, remembered or made by `render` (and
    /// remembered).
    func body(_ chapter: ChapterBodyInputs.Chapter, book: ChapterBodyInputs.Book, render: () -> String) -> String {
        if let known = bodies.update({ state -> String? in
            guard let known = state.current[chapter] ?? state.previous[chapter], known.book == book else { return nil }
            state.current[chapter] = known
            return known.html
        }) {
            bodyCounts.update { $0.reused += 1 }
            return known
        }
        let html = render()
        bodies.update { $0.current[chapter] = (book, html) }
        bodyCounts.update { $0.rendered += 1 }
        return html
    }

    /// Ends a site that was written whole: what it used is what the next one may reuse.
    func finishSite() {
        bodies.update { state in
            state.previous = state.current
            state.current = [:]
        }
    }
}
