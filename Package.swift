// swift-tools-version:6.0
// Surgecast: traffic forecasting and autoscaling recommendations.
//
// Modules follow one dependency arrow (see README "Architecture"):
//   CLAPACKE ← LinearAlgebra ← TimeSeries / HolidayCalendars ← Features ← Modeling
//   ← Evaluation / Forecasting ← Autoscaling ← Planning ← Reporting ← SurgecastCLI ← surgecast
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
  name: "Surgecast",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "surgecast", targets: ["surgecast"]),
    .executable(name: "surgecast-bench", targets: ["surgecast-bench"]),
    // For the fuzz package in Fuzz/, which builds the parsers with libFuzzer instrumentation.
    .library(name: "SurgecastParsing", targets: ["TimeSeries", "Modeling", "Forecasting"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // Only SurgecastServer (`surgecast serve`) uses it.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    // Only PrometheusSource uses it: HTTP for Prometheus and the webhook without
    // FoundationNetworking, whose libcurl cost every process 4.5 ms of loading.
    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
    // Only the PropertyTests target uses it.
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    // Only LinearAlgebra imports this module.
    .systemLibrary(name: "CLAPACKE", path: "Sources/CLAPACKE"),
    .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
    .target(name: "LinearAlgebra", dependencies: ["CLAPACKE"], swiftSettings: strict),
    .target(name: "TimeSeries", swiftSettings: strict),
    .target(name: "HolidayCalendars", dependencies: ["TimeSeries"], swiftSettings: strict),
    .target(
      name: "TrafficSynthesis", dependencies: ["TimeSeries", "HolidayCalendars"],
      swiftSettings: strict),
    .target(
      name: "Features", dependencies: ["TimeSeries", "HolidayCalendars", "LinearAlgebra"],
      swiftSettings: strict),
    .target(name: "Modeling", dependencies: ["Features", "LinearAlgebra"], swiftSettings: strict),
    .target(name: "Evaluation", dependencies: ["TimeSeries"], swiftSettings: strict),
    .target(name: "Forecasting", dependencies: ["Modeling", "Evaluation"], swiftSettings: strict),
    .target(name: "Autoscaling", dependencies: ["Forecasting"], swiftSettings: strict),
    .target(name: "SurgeDetection", dependencies: ["Autoscaling"], swiftSettings: strict),
    .target(
      name: "SurgecastServer",
      dependencies: [
        "SurgeDetection", "ModelRegistry", "PrometheusSource",
        .product(name: "Hummingbird", package: "hummingbird"),
      ],
      swiftSettings: strict),
    .target(name: "Planning", dependencies: ["Autoscaling"], swiftSettings: strict),
    .target(
      name: "Reporting", dependencies: ["Planning", "HolidayCalendars"], swiftSettings: strict),
    .target(
      name: "ModelRegistry", dependencies: ["Modeling", "TimeSeries"], swiftSettings: strict),
    .target(
      name: "PrometheusSource",
      dependencies: [
        "TimeSeries", .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: strict),
    .target(
      name: "SurgecastCLI",
      dependencies: [
        "Autoscaling", "SurgeDetection", "SurgecastServer", "TrafficSynthesis", "ModelRegistry",
        "PrometheusSource", "Planning", "Reporting", "CMalloc",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    .executableTarget(name: "surgecast", dependencies: ["SurgecastCLI"], swiftSettings: strict),
    .executableTarget(
      name: "surgecast-bench",
      dependencies: ["SurgecastCLI", "CLAPACKE", "ModelRegistry"],
      swiftSettings: strict),

    // Test-only: rewrites a file in a loop until the crash-safety test kills it.
    .executableTarget(
      name: "surgecast-crash-probe", dependencies: ["Autoscaling", "ModelRegistry"],
      path: "Tests/CrashProbe"),
    .target(name: "TestSupport", dependencies: ["TimeSeries"], path: "Tests/TestSupport"),
    .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "TestSupport"]),
    .testTarget(name: "TimeSeriesTests", dependencies: ["TimeSeries", "TestSupport"]),
    .testTarget(name: "HolidayCalendarsTests", dependencies: ["HolidayCalendars"]),
    .testTarget(
      name: "FeaturesTests",
      dependencies: ["Features", "HolidayCalendars", "LinearAlgebra", "TimeSeries"]),
    .testTarget(
      name: "TrafficSynthesisTests", dependencies: ["TrafficSynthesis", "TestSupport"]),
    .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "TestSupport"]),
    .testTarget(
      name: "ForecastingTests", dependencies: ["Forecasting", "TrafficSynthesis", "TestSupport"]),
    .testTarget(name: "AutoscalingTests", dependencies: ["Autoscaling", "TestSupport"]),
    .testTarget(
      name: "SurgeDetectionTests",
      dependencies: ["SurgeDetection", "TrafficSynthesis", "TestSupport"]),
    .testTarget(name: "PlanningTests", dependencies: ["Planning", "TestSupport"]),
    .testTarget(name: "ReportingTests", dependencies: ["Reporting", "TestSupport"]),
    .testTarget(
      name: "ModelRegistryTests", dependencies: ["ModelRegistry", "TrafficSynthesis", "TestSupport"]),
    .testTarget(name: "PrometheusSourceTests", dependencies: ["PrometheusSource", "TestSupport"]),
    .testTarget(
      name: "PropertyTests",
      dependencies: [
        "Autoscaling", "Forecasting", "TestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(
      name: "SurgecastCLITests", dependencies: ["SurgecastCLI", "TestSupport"],
      exclude: ["Snapshots"]),
  ],
  swiftLanguageModes: [.v6]
)
