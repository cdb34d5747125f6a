import Foundation
import ModelRegistry

/// Keeps the served snapshot current: a new model version in the registry, or a new schedule
/// interval, builds a new snapshot beside the old one and swaps it in atomically. Requests in
/// flight finish on the snapshot they started with, so a swap fails no request. A version that
/// cannot be read or forecast is reported on standard error and the old one stays in service.
struct ModelReloader: Sendable {
  let settings: ServerSettings
  let registry: ModelRegistry
  let current: Locked<ServedModel>
  let reloads = Locked(0)
  let failures = Locked(0)
  /// The live detector's latest state, applied to every snapshot (nil without a live source).
  let surge = Locked<SurgeStatus?>(nil)

  init(settings: ServerSettings, initial: ServedModel) {
    self.settings = settings
    registry = ModelRegistry(root: settings.registryRoot)
    current = Locked(initial)
  }

  static func wallClock() -> Int64 { Int64(Date().timeIntervalSince1970) }

  /// Loads the latest version of the served model.
  /// - Throws: `RegistryError`, `ModelFile`'s errors, the recommendation's errors.
  static func load(_ settings: ServerSettings) throws -> ServedModel {
    let stored = try ModelRegistry(root: settings.registryRoot).read(
      ModelReference(name: settings.modelName))
    return try ServedModel(stored: stored, settings: settings, wallClock: wallClock())
  }

  /// One check: swaps in a new snapshot when needed. Returns whether it swapped.
  @discardableResult
  func check() -> Bool {
    let served = current.get()
    let latest = registry.versions(of: settings.modelName).last
    let newVersion = latest.map { $0 != served.stored.version } ?? false
    guard newVersion || served.isStale(at: Self.wallClock(), settings: settings) else {
      return false
    }
    do {
      let fresh = try Self.load(settings)
      // The detector's state is read under the snapshot's lock, so that a state published
      // while the forecast was being made is not lost.
      try current.update { $0 = try fresh.with(surge: surge.get()) }
      reloads.update { $0 += 1 }
      return true
    } catch {
      failures.update { $0 += 1 }
      FileHandle.standardError.write(
        Data("surgecast: warning: keeping \(served.stored.label): \(error)\n".utf8))
      return false
    }
  }

  /// Serves the detector's new state from now on.
  /// - Throws: the encoder's errors (the old state stays in service).
  func publish(surge status: SurgeStatus?) throws {
    try current.update { served in
      served = try served.with(surge: status)
      surge.set(status)
    }
  }

  /// Checks every `reloadSeconds` until the task is cancelled.
  func run() async {
    while !Task.isCancelled {
      try? await Task.sleep(for: .milliseconds(Int(settings.reloadSeconds * 1000)))
      check()
    }
  }
}
