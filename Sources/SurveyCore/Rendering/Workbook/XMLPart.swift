/// The fixed pieces of the XML parts of a workbook.
enum XMLPart {
  static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
  static let worksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

  /// `[Content_Types].xml` for a workbook of `sheets` sheets.
  static func contentTypes(sheets: Int) -> String {
    let overrides = (1...max(1, sheets)).map {
      "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"\(worksheetType)\"/>"
    }
    return header
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" "
      + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      + "<Override PartName=\"/xl/styles.xml\" "
      + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
      + overrides.joined() + "</Types>"
  }

  /// `_rels/.rels`: the package's main part is the workbook.
  static let rootRelationships =
    header + "<Relationships xmlns=\"\(packageRelationships)\">"
    + "<Relationship Id=\"rId1\" Type=\"\(relationshipsNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "</Relationships>"

  /// `xl/workbook.xml` and `xl/_rels/workbook.xml.rels` for sheets of these names, in order.
  static func workbook(sheetNames: [String]) -> (workbook: String, relationships: String) {
    let sheets = sheetNames.enumerated().map { index, name in
      "<sheet name=\"\(SpreadsheetText.escaped(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }
    let targets = sheetNames.indices.map { index in
      "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipsNamespace)/worksheet\" "
        + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }
    let styles =
      "<Relationship Id=\"rId\(sheetNames.count + 1)\" Type=\"\(relationshipsNamespace)/styles\" Target=\"styles.xml\"/>"
    return (
      header + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
        + "<sheets>\(sheets.joined())</sheets></workbook>",
      header + "<Relationships xmlns=\"\(packageRelationships)\">\(targets.joined())\(styles)</Relationships>"
    )
  }
}
