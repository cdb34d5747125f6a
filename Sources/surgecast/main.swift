// The `surgecast` executable: everything lives in SurgecastCLI so that it is testable.
import SurgecastCLI

await SurgecastMain.run()
