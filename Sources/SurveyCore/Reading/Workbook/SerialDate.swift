/// A date and time of day as a workbook stores it: a serial number of days, from 1900-01-01 as
/// day 1 (with Lotus 1-2-3's 1900-02-29, day 60, which Excel keeps), or from 1904-01-01 as day 0
/// in a workbook saved with the 1904 date system; the fraction is the time of day.
struct SerialDate: Sendable, Equatable {
  var year: Int
  var month: Int
  var day: Int
  /// The whole days, for an elapsed time.
  var days: Int
  /// The time of day in seconds, rounded to the nearest.
  var seconds: Int

  /// The latest day Excel shows, 9999-12-31, in the 1900 system.
  static let lastSerial = 2_958_465

  /// The date `serial` stands for, or nil outside the days Excel shows (before its first day,
  /// after 9999-12-31, or not a number).
  init?(serial: Double, date1904: Bool) {
    guard serial.isFinite, serial >= 0, serial < Double(Self.lastSerial + 1) else { return nil }
    var whole = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(whole)) * 86_400).rounded())
    if seconds >= 86_400 {
      whole += 1
      seconds -= 86_400
    }
    self.days = whole
    self.seconds = seconds
    if date1904 {
      (year, month, day) = Self.civil(Self.daysTo1904 + whole)
    } else if whole == 60 {
      (year, month, day) = (1900, 2, 29)
    } else if whole == 0 {
      // Excel shows day 0 as 1900/1/0.
      (year, month, day) = (1900, 1, 0)
    } else {
      (year, month, day) = Self.civil(Self.daysTo1899December31 + whole - (whole > 60 ? 1 : 0))
    }
  }

  /// The date an ISO 8601 text (`2013-04-01`, `2013-04-01T09:30:00`) names, as a cell of type
  /// `d` holds it, or nil when it is not one.
  init?(iso text: String) {
    let halves = text.split(separator: "T", maxSplits: 1)
    let date = halves.first?.split(separator: "-").map { Int($0) } ?? []
    guard date.count == 3, let year = date[0], let month = date[1], let day = date[2],
      (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    (self.year, self.month, self.day) = (year, month, day)
    let clock = (halves.count > 1 ? halves[1].split(separator: ":") : []).map { Double($0) ?? 0 }
    let parts = clock + [0, 0, 0]
    seconds = Int((parts[0] * 3600 + parts[1] * 60 + parts[2]).rounded()) % 86_400
    days = 0
  }

  /// The text a cell of `format` shows.
  func text(as format: DateFormat) -> String {
    let date = "\(year)/\(month)/\(day)"
    switch format {
    case .date: return date
    case .dateTime(let withSeconds): return date + " " + clock(seconds: withSeconds)
    case .time(let withSeconds): return clock(seconds: withSeconds)
    case .elapsed(let withSeconds):
      return clock(seconds: withSeconds, hours: days * 24 + seconds / 3600)
    case .era(let named):
      guard let era = eraDate() else { return date }
      return named
        ? "\(era.era.name)\(era.number)年\(month)月\(day)日"
        : "\(era.era.abbreviation)\(era.number).\(month).\(day)"
    }
  }

  /// `9:05` or `9:05:07`, with `hours` in place of the hour of the day when given.
  private func clock(seconds withSeconds: Bool, hours: Int? = nil) -> String {
    func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let text = "\(hours ?? seconds / 3600):\(twoDigits(seconds / 60 % 60))"
    return withSeconds ? text + ":\(twoDigits(seconds % 60))" : text
  }

  /// The first days of the eras from 大正 on (明治 starts before any day Excel shows).
  private static let eraFirstDays: [(year: Int, month: Int, day: Int)] = [
    (1868, 1, 1), (1912, 7, 30), (1926, 12, 25), (1989, 1, 8), (2019, 5, 1),
  ]

  /// The era of the date and its year in the era.
  private func eraDate() -> (era: Era, number: Int)? {
    let index = Self.eraFirstDays.lastIndex { ($0.year, $0.month, $0.day) <= (year, month, day) }
    guard let index, index < Era.all.count else { return nil }
    let era = Era.all[index]
    return (era, year - era.firstYear + 1)
  }

  /// Days from 1970-01-01 to 1899-12-31 and to 1904-01-01.
  private static let daysTo1899December31 = -25_568
  private static let daysTo1904 = -24_107

  /// The proleptic Gregorian date `days` after 1970-01-01 (H. Hinnant's civil_from_days).
  private static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
