import Reporting
import Testing

/// Path data: gaps break lines and bands; steps hold each value until the next x.
@Suite struct PathTests {
  @Test func missingValuesBreakALine() {
    let d = Paths.line(xs: [0, 1, 2, 3, 4], ys: [5, 6, .nan, 7, 8])
    #expect(d == "M0 5L1 6M3 7L4 8")
  }

  @Test func bandGoesAlongTheUpperEdgeAndBackAlongTheLower() {
    let d = Paths.band(xs: [0, 10, 20], lower: [1, 2, 3], upper: [4, 5, 6.25])
    #expect(d == "M0 4L10 5L20 6.3L20 3L10 2L0 1Z")
  }

  @Test func stepsHoldUntilTheNextValue() {
    let d = Paths.steps(xs: [0, 10, 20], ys: [3, 5, 4], end: 30)
    #expect(d == "M0 3H10V5H20V4H30")
  }

  @Test func linearScaleMapsBothWays() {
    let y = LinearScale(domain: (0, 100), range: (300, 20))
    #expect(y(0) == 300)
    #expect(y(100) == 20)
    #expect(y(50) == 160)
  }
}
