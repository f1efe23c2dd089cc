import ChapterMarkdown

/// The student edition's lab plan: every worksheet in book order with its time in the
/// Playground (``LabTime``), grouped into lab sessions of at most ``sessionMinutes`` — a new
/// session starts when the next worksheet would not fit — and the total.
struct LabPlanHTML {
    static let sessionMinutes = 90

    struct Sheet {
        var title: String
        var href: String
        var minutes: Int
    }

    let sheets: [Sheet]
    /// On the index a section heading; in the handout a plain title, so that the printed
    /// book's bookmarks and contents stay the chapters'.
    var heading = true

    var sessions: [[Sheet]] {
        var sessions: [[Sheet]] = []
        var current: [Sheet] = []
        var used = 0
        for sheet in sheets {
            if !current.isEmpty && used + sheet.minutes > Self.sessionMinutes {
                sessions.append(current)
                current = []
                used = 0
            }
            current.append(sheet)
            used += sheet.minutes
        }
        if !current.isEmpty { sessions.append(current) }
        return sessions
    }

    var totalMinutes: Int { sheets.map(\.minutes).reduce(0, +) }

    var html: String {
        guard !sheets.isEmpty else { return "" }
        let sessions = self.sessions
        var out = "<section class=\"lb-lab-plan\" aria-labelledby=\"lb-lab-plan-title\">\n"
        out +=
            heading
            ? "<h2 id=\"lb-lab-plan-title\">Lab plan</h2>\n"
            : "<p class=\"lb-lab-plan-title\" id=\"lb-lab-plan-title\"><strong>Lab plan</strong></p>\n"
        out +=
            "<p>\(sheets.count) worksheet\(sheets.count == 1 ? "" : "s"), about \(Self.duration(totalMinutes)) in the Playground in all, in \(sessions.count) session\(sessions.count == 1 ? "" : "s") of at most \(Self.sessionMinutes) minutes.</p>\n<ol class=\"lb-lab-sessions\">\n"
        for session in sessions {
            let minutes = session.map(\.minutes).reduce(0, +)
            out += "<li>Session: about \(Self.duration(minutes))<ul>\n"
            for sheet in session {
                out += "<li><a href=\"\(HTML.escape(sheet.href))\">\(HTML.escape(sheet.title))</a> — about \(sheet.minutes) min</li>\n"
            }
            out += "</ul></li>\n"
        }
        out += "</ol>\n</section>\n"
        return out
    }

    static func duration(_ minutes: Int) -> String {
        minutes < 60 ? "\(minutes) minutes" : "\(minutes / 60) h \(minutes % 60) min"
    }
}
