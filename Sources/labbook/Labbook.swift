import ArgumentParser

@main
struct Labbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labbook",
        abstract: "Compile neural-network course chapters with live experiments into an HTML workbook.")
}
