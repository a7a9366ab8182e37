import Foundation

/// An .xlsx workbook (ECMA-376, Office Open XML): its sheets by name, and each sheet's rows.
///
/// Read with the project's own ZIP, DEFLATE and XML readers; a sheet is read a row at a time, so
/// its size does not bound what can be read. The shared strings are kept in memory up to
/// `SharedStrings.memoryLimit` bytes, the rest in a temporary file when a directory is given.
public final class Workbook {
  /// A sheet the workbook lists, in its tab order.
  public struct Sheet: Sendable, Equatable {
    public var name: String
    /// The sheet's part in the archive (`xl/worksheets/sheet1.xml`).
    var part: String
  }

  /// The workbook's name in diagnostics.
  public let file: String
  private let archive: ZipArchive
  public private(set) var sheets: [Sheet] = []
  private var stringsPart: String?
  private var strings: SharedStrings?
  private var stylesPart: String?
  private var styles: CellStyles?
  private var date1904 = false
  /// Where shared strings past those kept in memory go, if anywhere.
  private let spillDirectory: URL?

  /// The workbook at `url`, named `file` in diagnostics; `spillDirectory` is where its shared
  /// strings past `SharedStrings.memoryLimit` bytes go (without one, all are kept in memory).
  public init(url: URL, file: String, spillDirectory: URL? = nil) throws(SurveyError) {
    self.file = file
    self.spillDirectory = spillDirectory
    archive = try ZipArchive(url: url, file: file)
    let main =
      try relationships(of: "").first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
    let targets = try relationships(of: main)
    stringsPart = targets.first { $0.type.hasSuffix("/sharedStrings") }?.target
    stylesPart = targets.first { $0.type.hasSuffix("/styles") }?.target
    let scanner = try scanner(of: main)
    while try scanner.next() {
      if scanner.token == .start, scanner.isNamed("workbookPr"), let flag = try scanner.attribute("date1904")
      {
        date1904 = flag == Array("1".utf8) || flag == Array("true".utf8)
      }
      guard scanner.token == .start, scanner.isNamed("sheet"), let name = try scanner.attribute("name"),
        let id = try scanner.attribute("id"),
        let target = targets.first(where: { $0.id == String(decoding: id, as: UTF8.self) })
      else { continue }
      sheets.append(Sheet(name: String(decoding: name, as: UTF8.self), part: target.target))
    }
    guard !sheets.isEmpty else { throw archive.damaged("\(main) lists no sheets") }
  }

  /// The sheet named `name` (its tab's name), or the first sheet when `name` is nil.
  public func sheet(named name: String?) throws(SurveyError) -> Sheet {
    guard let name else { return sheets[0] }
    if let sheet = sheets.first(where: { $0.name == name }) { return sheet }
    throw SurveyError(
      Diagnostic(
        .error, file: file, found: "no sheet named \(name)",
        expected: "one of its sheets: \(sheets.map(\.name).joined(separator: ", "))"))
  }

  /// A reader of the sheet's rows.
  public func rows(of sheet: Sheet) throws(SurveyError) -> SheetReader {
    if strings == nil {
      strings =
        try stringsPart.map { part throws(SurveyError) in
          try SharedStrings(scanner: scanner(of: part), spillingInto: spillDirectory, file: file)
        }
        ?? SharedStrings()
    }
    if styles == nil {
      var read =
        try stylesPart.map { part throws(SurveyError) in try CellStyles(scanner: scanner(of: part)) }
        ?? CellStyles()
      read.date1904 = date1904
      styles = read
    }
    let place = "\(file):\(sheet.name)"
    // The sheet is inflated on a thread of its own while its XML is scanned.
    let reader = try contents(of: sheet.part)
    let ahead = ReadAhead { () throws(SurveyError) in try reader.next() }
    return SheetReader(
      scanner: scanner({ () throws(SurveyError) in try ahead.next() }, place: place),
      strings: strings ?? SharedStrings(), styles: styles ?? CellStyles(), place: place, workbook: file,
      readAhead: ahead)
  }

  private func contents(of part: String) throws(SurveyError) -> ZipMemberReader {
    guard let member = archive.member(named: part) else {
      throw archive.damaged("no \(part), which the workbook names")
    }
    return try archive.contents(of: member)
  }

  private func scanner(of part: String, place: String? = nil) throws(SurveyError) -> XMLScanner {
    let reader = try contents(of: part)
    return scanner({ () throws(SurveyError) in try reader.next() }, place: place ?? "\(file):\(part)")
  }

  private func scanner(_ source: @escaping () throws(SurveyError) -> [UInt8]?, place: String) -> XMLScanner {
    XMLScanner(source: source) { what in
      SurveyError(
        Diagnostic(
          .error, file: place, found: "malformed XML: \(what)", expected: "a workbook as Excel saves it"))
    }
  }

  /// The relationships of `part` (`""` for the package's own), their targets made paths in the archive.
  private func relationships(of part: String) throws(SurveyError) -> [(
    id: String, type: String, target: String
  )] {
    let directory = part.split(separator: "/").dropLast().joined(separator: "/")
    let file = part.split(separator: "/").last.map(String.init) ?? ""
    let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/\(file).rels"
    guard archive.member(named: relsPart) != nil else { return [] }
    let scanner = try scanner(of: relsPart)
    var found: [(id: String, type: String, target: String)] = []
    while try scanner.next() {
      guard scanner.token == .start, scanner.isNamed("Relationship"), let id = try scanner.attribute("Id"),
        let type = try scanner.attribute("Type"), let target = try scanner.attribute("Target")
      else { continue }
      let path = Self.resolve(String(decoding: target, as: UTF8.self), from: directory)
      found.append((String(decoding: id, as: UTF8.self), String(decoding: type, as: UTF8.self), path))
    }
    return found
  }

  /// A relationship's target as a path in the archive: absolute (`/xl/…`) or relative to `directory`.
  static func resolve(_ target: String, from directory: String) -> String {
    var parts = target.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
    for piece in target.split(separator: "/") {
      if piece == ".." {
        _ = parts.popLast()
      } else if piece != "." {
        parts.append(String(piece))
      }
    }
    return parts.joined(separator: "/")
  }
}
