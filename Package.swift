// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every Swift target: Swift 6 language mode plus the upcoming features
/// that keep imports and existentials explicit.
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "Verbatim",
  products: [
    .library(name: "Verbatim", targets: ["Verbatim"]),
    .executable(name: "verbatim", targets: ["verbatim"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
  ],
  targets: [
    // The only code that includes ICU headers. Its public header uses plain C types, so it
    // never clashes with Foundation's private copy of ICU (see ARCHITECTURE.md).
    .target(
      name: "CICU",
      linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
    ),
    .target(name: "TextModel", swiftSettings: swiftSettings),
    .target(name: "ICU", dependencies: ["CICU", "TextModel"], swiftSettings: swiftSettings),
    .target(
      name: "Locales",
      swiftSettings: swiftSettings,
      plugins: ["EmbedLocales"]
    ),
    .target(
      name: "Normalization", dependencies: ["ICU", "Locales", "TextModel"],
      swiftSettings: swiftSettings),
    .target(
      name: "Transliteration", dependencies: ["ICU", "Locales", "TextModel"], swiftSettings: swiftSettings),
    .target(
      name: "Cleaning",
      dependencies: ["Dates", "LanguageDetection", "Locales", "Normalization", "TextModel"],
      swiftSettings: swiftSettings),
    .target(
      name: "Alignment", dependencies: ["Normalization", "TextModel", "Transliteration"],
      swiftSettings: swiftSettings),
    .target(
      name: "Store", dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: swiftSettings),
    .target(
      name: "Pipeline",
      dependencies: ["Alignment", "Cleaning", "Dates", "Normalization", "Store", "TextModel"],
      swiftSettings: swiftSettings),
    .target(name: "Dates", dependencies: ["TextModel", "Locales"], swiftSettings: swiftSettings),
    .target(name: "LanguageDetection", dependencies: ["TextModel", "Locales"], swiftSettings: swiftSettings),
    .target(
      name: "Verbatim",
      dependencies: [
        "TextModel", "ICU", "Locales", "Normalization", "Transliteration", "Dates", "LanguageDetection", "Cleaning", "Alignment", "Store", "Pipeline",
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "verbatim",
      dependencies: [
        "Verbatim",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),

    // Build-time embedding of locales/ into the Locales module.
    .executableTarget(name: "embed-locales", swiftSettings: swiftSettings),
    .plugin(name: "EmbedLocales", capability: .buildTool(), dependencies: ["embed-locales"]),

    .target(
      name: "_VerbatimTestSupport",
      dependencies: ["TextModel"],
      path: "Tests/_VerbatimTestSupport",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "TextModelTests",
      dependencies: ["TextModel", "_VerbatimTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ICUTests",
      dependencies: ["ICU", "_VerbatimTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "LocalesTests",
      dependencies: ["Locales", "_VerbatimTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "NormalizationTests",
      dependencies: ["Normalization", "_VerbatimTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "TransliterationTests",
      dependencies: ["Transliteration", "ICU", "Locales", "_VerbatimTestSupport"],
      exclude: ["Samples", "NameKeyPairs.tsv"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "LanguageDetectionTests",
      dependencies: ["LanguageDetection", "_VerbatimTestSupport"],
      exclude: ["labelled_lines.tsv", "corpus_labels.tsv"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "CleaningTests",
      dependencies: ["Cleaning", "_VerbatimTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "AlignmentTests",
      dependencies: ["Alignment", "Cleaning", "_VerbatimTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "PipelineTests",
      dependencies: [
        "Pipeline", "Store", "_VerbatimTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "DatesTests",
      dependencies: ["Dates", "_VerbatimTestSupport"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "VerbatimCLITests",
      dependencies: ["verbatim", "TextModel", "_VerbatimTestSupport"],
      swiftSettings: swiftSettings
    ),
  ]
)
