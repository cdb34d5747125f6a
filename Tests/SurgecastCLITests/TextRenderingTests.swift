import Testing

@testable import SurgecastCLI

/// The small formatting pieces of text output.
@Suite("text rendering")
struct TextRenderingTests {
  @Test(arguments: [
    (0, "0"), (7, "7"), (999, "999"), (1_000, "1,000"), (353_500, "353,500"),
    (1_234_567, "1,234,567"), (-4_200, "-4,200"),
  ])
  func countsHaveThousandsSeparators(_ value: Int, _ expected: String) {
    #expect(NumberFormatting.count(value) == expected)
  }

  @Test(arguments: [
    (605.0, "605"), (7.5, "7.5"), (8.519590316, "8.52"), (8.5196, "8.52"), (0.0005, "0.001"),
    (-3.0, "-3"), (12.846746888829, "12.847"),
  ])
  func valuesAreShort(_ value: Double, _ expected: String) {
    #expect(NumberFormatting.value(value) == expected)
  }

  @Test func missingValuesAreADash() {
    #expect(NumberFormatting.value(nil) == "-")
    #expect(NumberFormatting.value(.nan) == "-")
  }

  @Test func percentHasTwoDecimals() {
    #expect(NumberFormatting.percent(0.019906) == "1.99%")
    #expect(NumberFormatting.percent(0) == "0.00%")
  }

  @Test func tableAlignsTextLeftAndNumbersRight() {
    var table = TextTable([("name", .left), ("count", .right)])
    table.append(["a", "1"])
    table.append(["longer", "1,000"])
    #expect(
      table.rendered() == """
        name    count
        a           1
        longer  1,000

        """)
  }

  @Test func tableTrimsTrailingSpacesAndPadsShortRows() {
    var table = TextTable([("a", .left), ("b", .left)])
    table.append(["xyz"])
    #expect(table.rendered() == "a    b\nxyz\n")
  }
}
