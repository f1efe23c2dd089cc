// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way:
//   PlaygroundTrainer (pure Swift + Glibc)      Plotting (pure Swift)     ChapterMarkdown (cmark-gfm, Yams)
//            \                                    |                          /
//             \                           CairoRendering (Cairo)            /
//              \______________________________ Workbook (the compiler) ____/
//                                                 |
//                                        LivePreview (FlyingSocks)
//                                                 |
//   labbook (thin CLI): Workbook, LivePreview, and for `train`, `bench` and figures also
//   PlaygroundTrainer, Plotting and CairoRendering directly.
//   ChapterStress (bench and fuzz the chapter parser): ChapterMarkdown only.
// Inside Workbook the folders follow the pipeline: Support → Analysis → Runs → Results →
// Figures → Pages → Compilation (README, "Layout").
let package = Package(
    name: "Labbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "labbook", targets: ["labbook"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Non-blocking BSD sockets with an epoll/kqueue loop for Swift concurrency (its FlyingSocks
        // library; no SwiftNIO). `labbook serve` puts its own bounded HTTP/1.1 layer on top.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // MARK: System libraries
        .systemLibrary(name: "CCairo", pkgConfig: "cairo-ft", providers: [.apt(["libcairo2-dev"])]),
        // Reads PNGs back (tests, `PNGImage`); figures are written by `PNGEncoder` with libdeflate.
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),

        // MARK: Libraries
        .target(name: "PlaygroundTrainer"),
        .target(name: "Plotting"),
        // QR codes for printed worksheets (libqrencode); knows nothing of pages.
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        .target(name: "CairoRendering", dependencies: ["Plotting", "CCairo", "CPNG", "CDeflate"]),
        .target(name: "ChapterMarkdown", dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "Workbook",
            dependencies: ["PlaygroundTrainer", "Plotting", "CairoRendering", "ChapterMarkdown", "QRCode", "CDeflate"],
            exclude: ["Pages/Assets"],
            plugins: ["EmbedWebAssets"]),
        // The workbook's CSS and JavaScript are files (Pages/Assets, linted by scripts/lint-web);
        // this plugin turns them into string constants so `labbook` needs no resource bundle.
        .plugin(name: "EmbedWebAssets", capability: .buildTool(), dependencies: ["EmbedWebAssetsTool"]),
        .executableTarget(name: "EmbedWebAssetsTool"),

        .target(
            name: "LivePreview",
            dependencies: ["Workbook", .product(name: "FlyingSocks", package: "FlyingFox")]),

        // MARK: Command line
        .executableTarget(
            name: "labbook",
            dependencies: [
                "Workbook", "PlaygroundTrainer", "Plotting", "CairoRendering", "LivePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Measures the chapter parser on 1–10 MB chapters and fuzzes it with generated chapters.
        .executableTarget(name: "ChapterStress", dependencies: ["ChapterMarkdown"]),

        // MARK: Tests
        .testTarget(name: "PlaygroundTrainerTests", dependencies: ["PlaygroundTrainer"]),
        .testTarget(
            name: "PlottingTests", dependencies: ["Plotting", "CairoRendering"],
            swiftSettings: unoptimizedTestCode),
        .testTarget(
            name: "ChapterMarkdownTests", dependencies: ["ChapterMarkdown", "ChapterStress"],
            swiftSettings: unoptimizedTestCode),
        // What the three test targets below share: fixture books, the `labbook` process runner,
        // the seed course built once per test process, pages parsed into element trees.
        .target(
            name: "LabbookTestSupport", dependencies: ["Workbook", "ChapterMarkdown"],
            path: "Tests/LabbookTestSupport", swiftSettings: unoptimizedTestCode),
        // The compiler as a library: analysis, figures, pages, builds of small fixture books.
        .testTarget(
            name: "WorkbookTests", dependencies: ["Workbook", "LabbookTestSupport"],
            exclude: ["Fixtures"], swiftSettings: unoptimizedTestCode),
        // What a user does: the `labbook` executable run as a process, the seed course built
        // and checked page by page, rosters, exports, Slurm.
        .testTarget(
            name: "EndToEndTests", dependencies: ["Workbook", "labbook", "LabbookTestSupport"],
            swiftSettings: unoptimizedTestCode),
        // Pages in headless Chromium: axe-core, layout at phone and desktop widths, sliders,
        // the printed handout.
        .testTarget(
            name: "BrowserTests", dependencies: ["Workbook", "labbook", "LabbookTestSupport"],
            swiftSettings: unoptimizedTestCode),
    ],
    swiftLanguageModes: [.v6]
)

// `scripts/test` runs the tests in release mode so that the code under test (the trainer
// replaying full Playground runs, the builds of whole courses) is optimized. The test code
// itself only calls it and compares results, so these test targets skip the optimizer, which
// would spend minutes of a CI run on them; PlaygroundTrainerTests, whose own loops compare
// every weight of every epoch of the reference traces, stays optimized.
var unoptimizedTestCode: [SwiftSetting] { [.unsafeFlags(["-Onone"], .when(configuration: .release))] }
