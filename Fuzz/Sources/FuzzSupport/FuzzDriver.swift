import Foundation
import TimeSeries

/// libFuzzer's entry point for programs that have their own `main`
/// (https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer with this process's arguments, calling `callback` for every input.
///
/// The callback must not crash on any input; thrown errors are the expected way to refuse
/// input, so targets discard them with `try?`. A `@convention(c)` callback cannot capture
/// context; fixed inputs a target needs live in globals.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32)
  -> Never
{
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
}

/// The input as `Data` (copied, so the target may keep it).
public func fuzzData(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Data {
  guard let bytes, count > 0 else { return Data() }
  return Data(bytes: bytes, count: count)
}

/// The input split into a first byte that picks options and the rest, the file's content.
public func fuzzOptionsAndContent(_ bytes: UnsafePointer<UInt8>?, _ count: Int)
  -> (selector: UInt8, content: Data)
{
  let data = fuzzData(bytes, count)
  guard let first = data.first else { return (0, data) }
  return (first, data.dropFirst())
}

/// Zones that exercise the paths of the clock: no offset, a fixed offset, daylight saving.
public let fuzzTimeZones = ["UTC", "Asia/Seoul", "America/New_York"]

/// The clocks of `fuzzTimeZones`, loaded once (loading a zone per input would dominate a run).
public let fuzzClocks: [LocalClock] = fuzzTimeZones.compactMap { try? LocalClock(identifier: $0) }
