import PackagePlugin

/// Turns the workbook's web assets (`Pages/Assets/*.css`, `*.js` of the target) into Swift
/// string constants at build time, so the CSS and JavaScript live in files that CSS and
/// JavaScript tools can read (`scripts/lint-web`) while `labbook` stays one self-contained
/// binary (no resource bundle to lose when it is copied to a cluster node or `/usr/local/bin`).
///
/// Why not SwiftPM's `.embedInCode`: it writes a `[UInt8]` array literal, which costs the
/// release build about 13 CPU-seconds for 64 KB; a raw string literal costs nothing.
@main
struct EmbedWebAssets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "Pages/Assets")
        let names = ["labbook.css", "reading.css", "labbook-editions.css", "reading.js", "labbook.js"]
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "WebAssetFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the workbook's CSS and JavaScript",
                executable: try context.tool(named: "EmbedWebAssetsTool").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
