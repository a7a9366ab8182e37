/// What a form is to the survey: the roster of responding units, or a form of other rows.
public enum FormRole: Sendable, Hashable {
  /// The overall form, one row per responding unit: the rows that make the organization, which
  /// every other form's rows are placed in.
  case roster
  /// A form whose rows (projects, entries …) belong to the roster's units.
  case rows
}
