import Foundation

/// What an export file is, told from its first bytes: text (TSV, in any encoding kyodo reads),
/// CSV (commas, not tabs, between the header's cells), or a spreadsheet application's own file.
public enum ExportKind: Sendable, Equatable {
  case text
  case csv
  /// An Office Open XML workbook (.xlsx): a ZIP archive.
  case workbook
  /// An OpenDocument spreadsheet (.ods): a ZIP archive whose first member says so.
  case openDocument
  /// An OLE2 compound file: an Excel 97–2003 workbook (.xls), or a workbook encrypted by a password.
  case compoundFile

  private static let compoundMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
  private static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

  /// The kind of a file whose first bytes (64 KB or all of a smaller file) are `head`.
  public init(head: [UInt8]) {
    if head.starts(with: Self.compoundMagic) {
      self = .compoundFile
    } else if head.starts(with: Self.zipMagic) {
      let openDocument = Array("mimetypeapplication/vnd.oasis.opendocument.spreadsheet".utf8)
      self =
        head.count >= 30 + openDocument.count
          && head[30..<(30 + openDocument.count)].elementsEqual(openDocument)
        ? .openDocument : .workbook
    } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
      self = .text
    } else {
      self = Self.separatesWithCommas(head) ? .csv : .text
    }
  }

  /// The cells of the first record of the CSV file at `path` (a regular file), counted by its
  /// tabs and by its commas outside quotes; nil when it is no CSV file kyodo can read.
  public static func csvHeaderCells(atPath path: String) -> (tabs: Int, commas: Int)? {
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      let handle = FileHandle(forReadingAtPath: path)
    else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: 1 << 16) else { return nil }
    let head = [UInt8](data)
    guard ExportKind(head: head) == .csv else { return nil }
    var quoted = false
    var cells = (tabs: 1, commas: 1)
    for byte in head {
      switch byte {
      case UInt8(ascii: "\""): quoted.toggle()
      case UInt8(ascii: "\t"): if !quoted { cells.tabs += 1 }
      case UInt8(ascii: ","): if !quoted { cells.commas += 1 }
      case 0x0A, 0x0D: if !quoted { return cells }
      default: break
      }
    }
    return cells
  }

  /// Whether the first record has commas outside quotes and no tabs.
  private static func separatesWithCommas(_ head: [UInt8]) -> Bool {
    var quoted = false
    var commas = 0
    for byte in head {
      switch byte {
      case UInt8(ascii: "\""): quoted.toggle()
      case UInt8(ascii: "\t") where !quoted: return false
      case UInt8(ascii: ","): if !quoted { commas += 1 }
      case 0x0A, 0x0D: if !quoted { return commas > 0 }
      default: break
      }
    }
    return commas > 0
  }
}
