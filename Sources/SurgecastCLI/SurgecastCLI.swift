/// Entry point of the `surgecast` executable (kept in a library so that tests can drive it).
public enum SurgecastMain {
  public static func run() async {}
}
