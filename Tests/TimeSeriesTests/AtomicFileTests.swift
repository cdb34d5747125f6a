import Foundation
import TestSupport
import Testing

@testable import TimeSeries

@Suite("AtomicFile")
struct AtomicFileTests {
  func listing(_ dir: TemporaryDirectory) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
  }

  @Test func writesAndReplacesLeavingNoTemporaryFile() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let path = dir.path("out.json")
    try AtomicFile.write(Data("first".utf8), to: path)
    try AtomicFile.write(Data("second".utf8), to: path)
    #expect(FileManager.default.contents(atPath: path) == Data("second".utf8))
    #expect(try listing(dir) == ["out.json"])
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o644)
  }

  @Test func exclusiveCreateNeverReplaces() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let path = dir.path("v1.json")
    #expect(try AtomicFile.create(Data("first".utf8), exclusivelyAt: path))
    #expect(try !AtomicFile.create(Data("second".utf8), exclusivelyAt: path))
    #expect(FileManager.default.contents(atPath: path) == Data("first".utf8))
    #expect(try listing(dir) == ["v1.json"])
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o644)
  }

  @Test func failureLeavesTheOldFileAndNoTemporary() throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    // The destination is a non-empty directory: the rename must fail after the data is written.
    let blocked = dir.path("blocked")
    try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: false)
    try dir.write("blocked/keep.txt", "old")
    #expect(throws: AtomicFileError.self) {
      try AtomicFile.write(Data(repeating: 7, count: 1 << 20), to: blocked)
    }
    #expect(try listing(dir) == ["blocked"])
    #expect(FileManager.default.contents(atPath: dir.path("blocked/keep.txt")) == Data("old".utf8))
  }

  @Test func missingDirectoryIsAnError() {
    #expect(throws: AtomicFileError.self) {
      try AtomicFile.write(Data("x".utf8), to: "/nonexistent-surgecast-dir/out.csv")
    }
  }

  /// A reader polling while the file is rewritten never sees a partial file: every read is
  /// complete (1 MiB) and uniform (all one byte value).
  @Test func readersNeverSeeAPartialFile() async throws {
    let dir = try TemporaryDirectory()
    defer { dir.cleanUp() }
    let path = dir.path("big.bin")
    let size = 1 << 20
    try AtomicFile.write(Data(repeating: 0, count: size), to: path)
    let writer = Task.detached {
      for k in 1...20 { try AtomicFile.write(Data(repeating: UInt8(k), count: size), to: path) }
    }
    for _ in 0..<50 {
      guard let data = FileManager.default.contents(atPath: path) else {
        Issue.record("file vanished during a rewrite")
        break
      }
      #expect(data.count == size)
      #expect(data == Data(repeating: data.first ?? 0, count: size))
    }
    try await writer.value
    #expect(try listing(dir) == ["big.bin"])
  }
}
