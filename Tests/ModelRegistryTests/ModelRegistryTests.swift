import Foundation
import Modeling
import TestSupport
import Testing
import TimeSeries

@testable import ModelRegistry

/// The committed default model, read once.
enum CommittedModel {
  static let path = ProjectPaths.root.appendingPathComponent("Models/traffic-1h/v1.json").path
  static let model: FittedModel = {
    guard let model = try? ModelFile.read(path: path) else { fatalError("cannot read \(path)") }
    return model
  }()
}

@Suite("ModelRegistry")
struct ModelRegistryTests {
  @Test func referencesParseNameAndVersion() throws {
    #expect(try ModelReference(parsing: "web") == ModelReference(name: "web"))
    #expect(try ModelReference(parsing: "web@3") == ModelReference(name: "web", version: 3))
    #expect(try ModelReference(parsing: "web@v12") == ModelReference(name: "web", version: 12))
    #expect(try ModelReference(parsing: "web@latest") == ModelReference(name: "web"))
    #expect(throws: RegistryError.invalidReference("web@0")) {
      try ModelReference(parsing: "web@0")
    }
    #expect(throws: RegistryError.invalidReference("web@x")) {
      try ModelReference(parsing: "web@x")
    }
    #expect(throws: RegistryError.invalidName("../web")) { try ModelReference(parsing: "../web") }
  }

  @Test func namesKeepToAPortableAlphabet() {
    #expect(ModelName.isValid("traffic-1h"))
    #expect(ModelName.isValid("web.api_eu"))
    for bad in ["", ".", "..", ".hidden", "-x", "a/b", "a b", "é"] {
      #expect(!ModelName.isValid(bad), "\(bad)")
    }
    #expect(ModelName.forSeries("api{region=\"eu\"}") == "api_region__eu__")
    #expect(ModelName.forSeries(".x") == "_.x")
    #expect(ModelName.isValid(ModelName.forSeries("")))
  }

  @Test func versionFilesAreRecognisedStrictly() {
    #expect(ModelRegistry.version(ofFile: "v1.json") == 1)
    #expect(ModelRegistry.version(ofFile: "v12.json") == 12)
    for other in ["v01.json", "v.json", "v1.metrics.json", ".v1.json.tmp-abc", "x1.json", "v1.js"] {
      #expect(ModelRegistry.version(ofFile: other) == nil, "\(other)")
    }
  }

  @Test func publishNumbersVersionsAndReadsThemBack() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let registry = ModelRegistry(root: dir.path("registry"))
    #expect(registry.names().isEmpty)
    let model = CommittedModel.model
    #expect(try registry.publish(model, as: "web") == 1)
    #expect(try registry.publish(model, as: "web", metrics: ["mase": 0.5]) == 2)
    #expect(registry.versions(of: "web") == [1, 2])
    #expect(registry.names() == ["web"])
    let latest = try registry.read(ModelReference(name: "web"))
    #expect(latest.version == 2 && latest.metrics == ["mase": 0.5] && latest.model == model)
    #expect(try registry.read(ModelReference(name: "web", version: 1)).metrics == nil)
    // The stored file is exactly what `fit --out` writes.
    let bytes = FileManager.default.contents(atPath: registry.path(of: "web", version: 1))
    #expect(bytes == (try ModelFile.encode(model)))
    // Nothing but versions and metrics in the model's folder: no temporary left behind.
    let files = try FileManager.default.contentsOfDirectory(atPath: registry.folder(of: "web"))
    #expect(files.sorted() == ["v1.json", "v2.json", "v2.metrics.json"])
  }

  @Test func unknownNamesAndVersionsAreReported() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let registry = ModelRegistry(root: dir.path("registry"))
    #expect(throws: RegistryError.unknownModel(name: "web", registry: registry.root)) {
      try registry.read(ModelReference(name: "web"))
    }
    try registry.publish(CommittedModel.model, as: "web")
    #expect(throws: RegistryError.unknownVersion(name: "web", version: 4, available: [1])) {
      try registry.read(ModelReference(name: "web", version: 4))
    }
    #expect(throws: RegistryError.invalidName("a/b")) {
      try registry.publish(CommittedModel.model, as: "a/b")
    }
  }

  @Test func concurrentPublishersNeverShareAVersion() async throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let registry = ModelRegistry(root: dir.path("registry"))
    let model = CommittedModel.model
    let versions = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<16 { group.addTask { try registry.publish(model, as: "race") } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(versions.sorted() == Array(1...16))
    for version in 1...16 {
      #expect(try registry.read(ModelReference(name: "race", version: version)).model == model)
    }
  }

  @Test func existingVersionsAreNeverOverwritten() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let registry = ModelRegistry(root: dir.path("registry"))
    try registry.publish(CommittedModel.model, as: "web")
    // Whatever sits at v2 (here not even a model) stays as it is.
    try Data("{}".utf8).write(to: URL(fileURLWithPath: registry.path(of: "web", version: 2)))
    #expect(try registry.publish(CommittedModel.model, as: "web") == 3)
    let kept = FileManager.default.contents(atPath: registry.path(of: "web", version: 2))
    #expect(kept == Data("{}".utf8))
  }
}
