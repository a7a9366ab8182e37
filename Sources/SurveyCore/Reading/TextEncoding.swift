/// The text encodings that spreadsheet exports arrive in, detected from the bytes themselves.
///
/// Japanese Excel saves "テキスト (タブ区切り)" in CP932, "Unicode テキスト" in UTF-16LE with a BOM,
/// and newer versions UTF-8 with a BOM.
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "UTF-8"
  case utf8WithBOM = "UTF-8 with BOM"
  case utf16LittleEndian = "UTF-16LE"
  case utf16BigEndian = "UTF-16BE"
  case cp932 = "CP932"
}
