/// How a cell with a date or time number format shows its number (a serial day count), as a
/// Japanese Excel shows it: the number format's own layout is not followed, only its kind.
///
/// A date is shown `2013/4/1` (built-in format 14 in Japanese Excel), whatever its format's order,
/// so that a start year reads the same from any format; a format with era codes (`ggge`) shows
/// the era, `平成25年4月1日` (`ggg`) or `H25.4.1` (`g`, `gg`); a time is `9:30` or `9:30:15`, on the
/// 24-hour clock; an elapsed time (`[h]:mm`) counts its hours past 24.
enum DateFormat: Sendable, Equatable {
  case date
  case dateTime(seconds: Bool)
  case time(seconds: Bool)
  case elapsed(seconds: Bool)
  /// A date in its era: the era's name (`平成`) when `named`, else its letter (`H`).
  case era(named: Bool)

  /// The kind of a built-in format (ECMA-376 Part 1, 18.8.30, and the East Asian ids Japanese
  /// Excel gives 27–36 and 50–58), or nil for a format that is no date or time.
  static func builtIn(_ id: Int) -> DateFormat? {
    switch id {
    case 14...17, 30, 31, 34, 35, 52, 53, 55, 56: .date
    case 18, 20, 32: .time(seconds: false)
    case 19, 21, 33, 45, 47: .time(seconds: true)
    case 22: .dateTime(seconds: false)
    case 46: .elapsed(seconds: true)
    case 27, 36, 50, 57: .era(named: false)
    case 28, 29, 51, 54, 58: .era(named: true)
    default: nil
    }
  }

  /// The kind of a custom format code (`yyyy"年"m"月"`, `[$-411]ggge"年"`, `h:mm`), or nil when
  /// its first section has no date or time code outside quotes, escapes and brackets.
  init?(code: String) {
    let letters = Self.codeLetters(code)
    let has = { (letter: Character) in letters.contains(letter) }
    let hasTime = has("h") || has("s") || letters.contains("[")
    if has("g") {
      self = .era(named: letters.filter { $0 == "g" }.count >= 3)
    } else if has("y") || has("d") || has("e") || (has("m") && !hasTime) {
      self = hasTime ? .dateTime(seconds: has("s")) : .date
    } else if letters.contains("[") {
      self = .elapsed(seconds: has("s"))
    } else if hasTime {
      self = .time(seconds: has("s"))
    } else {
      return nil
    }
  }

  /// The date and time codes of the format's first section, lowercased: what is quoted, escaped
  /// (`\x`, `_x`, `*x`) or bracketed is left out, except an elapsed-time bracket (`[h]`), given as
  /// `[`; `General`, `AM/PM`, `A/P` and the exponent of `0.0E+00` are left out too.
  private static func codeLetters(_ code: String) -> [Character] {
    var letters: [Character] = []
    var characters = Array(code.lowercased())[...]
    scanning: while let character = characters.first {
      for word in ["general", "am/pm", "a/p", "e+", "e-"] where characters.starts(with: word) {
        characters = characters.dropFirst(word.count)
        continue scanning
      }
      characters = characters.dropFirst()
      switch character {
      case ";": break scanning
      case "\"":
        characters = characters.drop { $0 != "\"" }.dropFirst()
      case "\\", "_", "*":
        characters = characters.dropFirst()
      case "[":
        let inside = characters.prefix { $0 != "]" }
        characters = characters.dropFirst(inside.count + 1)
        if !inside.isEmpty, inside.allSatisfy({ $0 == "h" || $0 == "m" || $0 == "s" }) {
          letters.append("[")
          letters.append(contentsOf: inside.prefix(1))
        }
      case "y", "m", "d", "h", "s", "g", "e":
        letters.append(character)
      default:
        break
      }
    }
    return letters
  }
}
