// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "kyodo",
  products: [
    .library(name: "SurveyCore", targets: ["SurveyCore"]),
    .executable(name: "kyodo", targets: ["kyodo"]),
  ],
  targets: [
    .target(name: "SurveyCore"),
    .executableTarget(name: "kyodo", dependencies: ["SurveyCore"], plugins: ["EmbedDataPlugin"]),
    // Embeds data/*.tsv in kyodo at build time (EmbeddedData.files), with the toolchain alone.
    .executableTarget(name: "EmbedData"),
    .plugin(name: "EmbedDataPlugin", capability: .buildTool(), dependencies: ["EmbedData"]),
    .testTarget(name: "SurveyCoreTests", dependencies: ["SurveyCore"], exclude: ["Fixtures"]),
    .testTarget(name: "KyodoTests", dependencies: ["kyodo"], exclude: ["Fixtures"]),
  ]
)
