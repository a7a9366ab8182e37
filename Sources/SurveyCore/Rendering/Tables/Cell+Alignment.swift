extension Cell {
  var isNumeric: Bool {
    switch self {
    case .count, .percent, .yen, .number, .year: true
    default: false
    }
  }

  var isText: Bool {
    switch self {
    case .text, .code: true
    default: false
    }
  }
}
