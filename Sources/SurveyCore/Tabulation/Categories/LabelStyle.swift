/// How labels are printed: code and short label (the default), code and full label, or code only.
public enum LabelStyle: String, Sendable, CaseIterable {
  case short
  case full
  case code
}
