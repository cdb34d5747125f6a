/// Design columns whose values repeat with the row's class: the daily and weekly Fourier terms
/// of a traffic model are functions of the local time of day, the weekday and the kind of day,
/// so an hourly year has a few hundred distinct rows of them, not thousands.
///
/// Why: their part of XᵀWX is Σ_c W_c v_c v_cᵀ over the classes c (W_c the weights summed per
/// class, v_c the class's values), and their products with the other columns and with y are
/// per-class sums too. That replaces n·q² flops of `dsyrk` by C·q² plus one pass over the rows,
/// and NormalEquations uses it when given one. The class must determine the values exactly;
/// the accumulation checks it (one read of the block) and falls back to the row-by-row
/// products when a row disagrees with its class, so a wrong classification costs time, never
/// correctness.
public struct PeriodicBlock: Sendable, Equatable {
  /// The columns, contiguous in the design.
  public let columns: Range<Int>
  /// Class of each design row, 0..<classCount.
  public let rowClass: [Int32]
  public let classCount: Int

  /// - Precondition: every class is in 0..<classCount (a programming error otherwise).
  public init(columns: Range<Int>, rowClass: [Int32], classCount: Int) {
    precondition(rowClass.allSatisfy { $0 >= 0 && Int($0) < classCount }, "class out of range")
    self.columns = columns
    self.rowClass = rowClass
    self.classCount = classCount
  }
}
