import Foundation
import LabbookTestSupport
import Testing

@testable import Workbook

/// A browser that hangs must not hang `labbook build --pdf`: each printing has a time limit,
/// past which the process is stopped and the error says what to do.
@Suite struct PrintingTimeLimitTests {
    @Test func aToolThatEndsInTimeGivesItsStatus() throws {
        #expect(try TimedProcess.run("/bin/sh", ["-c", "exit 3"], limit: 30) == .exited(status: 3))
    }

    /// One that ignores SIGTERM is killed after the grace period.
    @Test func aToolPastItsLimitIsStopped() throws {
        let start = Date()
        #expect(try TimedProcess.run("/bin/sh", ["-c", "trap '' TERM; sleep 30"], limit: 0.5, grace: 0.5) == .timedOut)
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func aHangingBrowserIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-hang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<!doctype html>\n<p>handout</p>\n".utf8).write(to: folder.appendingPathComponent("handout.html"))
        let browser = folder.appendingPathComponent("hanging-browser")
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: browser)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)

        let start = Date()
        let error = #expect(throws: HandoutPrinting.Failure.self) {
            try HandoutPrinting(output: folder, browser: browser.path, timeLimit: 1).print()
        }
        #expect(Date().timeIntervalSince(start) < 20)  // the limit and at most two grace periods, under load
        let message = try #require(error).description
        #expect(message.contains("did not finish printing handout.html within 1 s and was stopped"), "\(message)")
        #expect(message.contains("print it from a browser"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("handout.pdf").path))
    }
}
