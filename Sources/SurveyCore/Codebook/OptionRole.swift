/// What a code means beyond its label, for items whose answer may carry a figure.
public enum OptionRole: String, Sendable, CaseIterable {
  /// An ordinary choice.
  case plain = ""
  /// その他: may carry a text in brackets.
  case other
  /// The code is followed by the respondent's own text instead of its label (a plan's name).
  case text
  /// The code that carries the figure (an amount or a year).
  case figure
  /// The figure does not exist (無し).
  case none
  /// The figure is not known (不明).
  case unknown
  /// The figure cannot be computed (算定不能).
  case uncomputable
}
