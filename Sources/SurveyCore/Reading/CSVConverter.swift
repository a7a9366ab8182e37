/// Turns CSV as Excel saves it (commas, double quotes, `""` for a quote) into the tab-separated
/// text kyodo reads, a chunk at a time, keeping every line break where it was: the lines and
/// fields of the TSV are those of the CSV, so diagnostics name the CSV's own lines and cells.
///
/// It works on bytes, so UTF-8 and CP932 pass through unchanged (neither uses the bytes of a
/// comma, quote, tab or line break inside a character). A field holding a tab is quoted, as TSV
/// needs; a quoted field is already quoted the way TSV is.
public struct CSVConverter: Sendable {
  private enum State {
    case fieldStart
    case unquoted
    case quoted
    /// A quote inside a quoted field: the end of it, or the first of `""`.
    case quoteInQuoted
  }

  private var state = State.fieldStart
  /// The unquoted field being read, held until its end shows whether it holds a tab.
  private var field: [UInt8] = []

  public init() {}

  /// The TSV bytes of `chunk`; after the last chunk, call with `atEnd` to flush what is held.
  public mutating func convert(_ chunk: some Collection<UInt8>, atEnd: Bool = false) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(chunk.count + 16)
    for byte in chunk { step(byte, into: &output) }
    if atEnd, state == .unquoted { endField(into: &output) }
    return output
  }

  private mutating func step(_ byte: UInt8, into output: inout [UInt8]) {
    switch state {
    case .fieldStart where byte == UInt8(ascii: "\""):
      output.append(byte)
      state = .quoted
    case .fieldStart, .unquoted:
      if byte == UInt8(ascii: ",") || byte == 0x0A || byte == 0x0D {
        endField(into: &output)
        output.append(byte == UInt8(ascii: ",") ? 0x09 : byte)
        state = .fieldStart
      } else {
        field.append(byte)
        state = .unquoted
        // A field past a record's limit is handed on as it is: the reader then reports it.
        if field.count > TSVReader.recordLimit {
          output += field
          field.removeAll(keepingCapacity: true)
        }
      }
    case .quoted:
      output.append(byte)
      if byte == UInt8(ascii: "\"") { state = .quoteInQuoted }
    case .quoteInQuoted:
      if byte == UInt8(ascii: "\"") {
        output.append(byte)
        state = .quoted
      } else {
        // The field's closing quote was the last byte; text after it runs to the separator.
        state = .unquoted
        step(byte, into: &output)
      }
    }
  }

  private mutating func endField(into output: inout [UInt8]) {
    if field.contains(0x09) {
      output.append(UInt8(ascii: "\""))
      for byte in field {
        output.append(byte)
        if byte == UInt8(ascii: "\"") { output.append(byte) }
      }
      output.append(UInt8(ascii: "\""))
    } else {
      output += field
    }
    field.removeAll(keepingCapacity: true)
  }
}
