// swift-tools-version:6.0
// libFuzzer targets for Surgecast's parsers, one executable per parser. Built only by
// `make fuzz` / `scripts/fuzz.sh` with `-sanitize=fuzzer,address`; the main package never
// builds them. Each target's main calls libFuzzer's driver (FuzzSupport/FuzzDriver.swift),
// since SwiftPM gives executables their own entry point.
import PackageDescription

// gold (the default linker here) fails on ASan-instrumented Swift objects with an internal
// error in its DWARF reader; the toolchain's lld links them.
let lld: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"])]

let targets = [
  "fuzz-series-csv", "fuzz-events-csv", "fuzz-model-spec", "fuzz-model-file", "fuzz-durations",
  "fuzz-timestamps",
]

let package = Package(
  name: "SurgecastFuzz",
  dependencies: [.package(name: "Surgecast", path: "..")],
  targets: [
    .target(
      name: "FuzzSupport",
      dependencies: [.product(name: "SurgecastParsing", package: "Surgecast")]),
  ]
    + targets.map {
      .executableTarget(
        name: $0,
        dependencies: [
          "FuzzSupport", .product(name: "SurgecastParsing", package: "Surgecast"),
        ],
        linkerSettings: lld)
    },
  swiftLanguageModes: [.v6]
)
