// swift-tools-version:6.0
import PackageDescription

// The targets of Labbook that own C memory, and their tests, for `scripts/test`'s
// AddressSanitizer step: `swift test --package-path Sanitized --sanitize=address`.
// Sources/ and Tests/ here are symlinks to the main package's folders (SwiftPM refuses target
// paths outside a package's root), so this is the same code and the same tests; the
// declarations below must match ../Package.swift's for these targets. Building this package
// compiles only the chapter parser (with Yams and the ChapterStress generator its tests use)
// and Plotting with its Cairo backend, not Workbook, the CLI or the server.
let package = Package(
    name: "LabbookSanitized",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CCairo", pkgConfig: "cairo-ft", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        .target(name: "Plotting"),
        .target(name: "CairoRendering", dependencies: ["Plotting", "CCairo", "CPNG", "CDeflate"]),
        .target(name: "ChapterMarkdown", dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "ChapterStress", dependencies: ["ChapterMarkdown"]),

        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "CairoRendering"]),
        .testTarget(name: "ChapterMarkdownTests", dependencies: ["ChapterMarkdown", "ChapterStress"]),
    ],
    swiftLanguageModes: [.v6]
)
