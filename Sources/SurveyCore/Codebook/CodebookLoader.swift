import Foundation

/// Reads a codebook from its TSV form (see `data/README.md` for the format).
///
/// Each non-blank line that does not start with `#` is a record whose first field names its kind:
/// `level`, `form`, `item`, `option`, `nonanswer`, `amount-unit` or `hearing`.
public enum CodebookLoader {
  /// Reads a codebook file, in any encoding kyodo reads.
  ///
  /// Its problems name the file by its path as given.
  public static func load(contentsOf url: URL) throws(SurveyError) -> Codebook {
    let file = url.relativePath
    let decoded = try TextDecoding.decode(try Survey.readFile(url), file: file)
    return try load(utf8: decoded.utf8, file: file)
  }

  public static func load(utf8 bytes: [UInt8], file: String) throws(SurveyError) -> Codebook {
    var reader = TSVReader(utf8: bytes, file: file)
    var draft = Draft(file: file)
    while let record = try reader.next() {
      draft.read(record)
    }
    draft.checkCompleteness()
    draft.checkLevels()
    try draft.log.throwIfErrors()
    var codebook = Codebook(
      forms: draft.forms, nonAnswers: draft.nonAnswers, amountUnits: draft.units, levels: draft.levelsRead)
    codebook.hearingFile = draft.hearing?.file
    return codebook
  }

  /// A codebook as read so far, record by record, with every problem found in it.
  private struct Draft {
    let file: String
    var log = DiagnosticLog()
    var forms: [Form] = []
    var nonAnswers: [String] = []
    var units: [AmountUnit] = []
    /// The hearing questions' file, and the line of its record.
    var hearing: (file: String, line: Int)?
    /// The `level` records read so far (none: the implicit levels).
    var levels: [Level] = []
    var itemLocation: [String: (form: Int, item: Int)] = [:]
    /// The roster form read so far, and the line of its record.
    var roster: (id: String, line: Int)?

    /// The row noun that marks the roster, the form that lists every responding unit.
    static let rosterRowNoun = "unit"
    /// The item flag that names the unit of bare amounts: `unit=千円`.
    static let unitFlag = "unit="
    /// The item flag of an answer spread over one column per option.
    static let columnsFlag = "columns"
    /// The item flags that take no value.
    static let itemFlags: Set<String> = ["fill-down", "breakdown", columnsFlag]
    /// The unit each item's flag names, and the line of the item, checked once units are known.
    var bareUnitLines: [String: (suffix: String, line: Int)] = [:]

    init(file: String) {
      self.file = file
    }

    /// Adds a record to the codebook, or its problem to the log; comments and blank lines add nothing.
    mutating func read(_ record: TSVRecord) {
      let kind = field(record, 0)
      if kind.hasPrefix("#") || (record.fields.allSatisfy { $0.trimmingSpaces.isEmpty }) { return }
      switch kind {
      case "level": readLevel(record)
      case "form": readForm(record)
      case "item": readItem(record)
      case "option": readOption(record)
      case "nonanswer": readNonAnswer(record)
      case "amount-unit": readAmountUnit(record)
      case "hearing": readHearing(record)
      default:
        fail(
          record, "record kind '\(kind)'",
          expected: "level, form, item, option, nonanswer, amount-unit or hearing")
      }
    }

    mutating func readForm(_ record: TSVRecord) {
      let id = field(record, 1)
      if id.isEmpty || id.contains(".") {
        fail(record, "form id '\(id)'", expected: "a non-empty id without dots")
      } else if forms.contains(where: { $0.id == id }) {
        fail(record, "a second form '\(id)'", expected: "each form once")
      } else {
        let rowNoun = field(record, 4)
        let role: FormRole = rowNoun == Self.rosterRowNoun ? .roster : .rows
        if role == .roster, let roster {
          fail(
            record, "a second roster form '\(id)' (row noun '\(rowNoun)')",
            expected: "one roster: form '\(roster.id)' on line \(roster.line) already lists the units")
        } else if role == .roster {
          roster = (id, record.line)
        }
        forms.append(
          Form(id: id, title: field(record, 2), file: field(record, 3), rowNoun: rowNoun, role: role))
      }
    }

    mutating func readItem(_ record: TSVRecord) {
      let id = field(record, 1)
      let formID = String(id.prefix { $0 != "." })
      guard let formIndex = forms.firstIndex(where: { $0.id == formID }) else {
        fail(record, "item '\(id)' of no declared form", expected: "a 'form \(formID)' record before it")
        return
      }
      guard itemLocation[id] == nil else {
        fail(record, "a second item '\(id)'", expected: "each item id once")
        return
      }
      guard let (itemKind, level) = kind(of: record) else { return }
      let flags = field(record, 6).split(separator: ",").map { $0.trimmingSpaces }
      let unitFlag = flags.first { $0.hasPrefix(Self.unitFlag) }.map {
        String($0.dropFirst(Self.unitFlag.count))
      }
      if let unknown = flags.first(where: {
        !Self.itemFlags.contains($0) && !$0.hasPrefix(Self.unitFlag)
      }) {
        fail(
          record, "item flag '\(unknown)'", expected: "fill-down, breakdown, columns, unit=SUFFIX or nothing")
      }
      let hasOptionColumns = flags.contains(Self.columnsFlag)
      if hasOptionColumns && itemKind != .single && itemKind != .multiple {
        fail(
          record, "the columns flag on \(itemKind.rawValue) item '\(id)'",
          expected: "columns only on single and multiple items")
      } else if hasOptionColumns && flags.contains("fill-down") {
        fail(record, "columns and fill-down on item '\(id)'", expected: "one of them")
      }
      if unitFlag != nil && itemKind != .amount {
        fail(
          record, "a unit flag on \(itemKind.rawValue) item '\(id)'", expected: "unit= only on amount items")
      }
      let header = field(record, 5)
      let item = Item(
        id: id, number: field(record, 2), title: field(record, 3), kind: itemKind,
        header: header.isEmpty ? field(record, 3) : header, fillsDown: flags.contains("fill-down"),
        isReportBreakdown: flags.contains("breakdown"), bareAmountUnit: unitFlag, level: level,
        hasOptionColumns: hasOptionColumns)
      if let unitFlag { bareUnitLines[id] = (unitFlag, record.line) }
      itemLocation[id] = (formIndex, forms[formIndex].items.count)
      forms[formIndex].items.append(item)
    }

    /// The levels of the codebook: those its records declare, or the implicit ones.
    var levelsRead: [Level] { levels.isEmpty ? Level.implicit : levels }

    /// Item kinds that no level may take as its id.
    static let reservedLevelIDs: Set<String> = [
      "identifier", "text", "single", "multiple", "amount", "year", "level",
    ]

    mutating func readLevel(_ record: TSVRecord) {
      let id = field(record, 1)
      let name = field(record, 2)
      let flags = field(record, 3).split(separator: ",").map { $0.trimmingSpaces }
      if !itemLocation.isEmpty {
        fail(record, "a level after items", expected: "every 'level' record before the first 'item'")
      } else if levels.count == Level.maximumDepth {
        fail(
          record, "a level deeper than \(Level.maximumDepth)",
          expected: "at most \(Level.maximumDepth) levels")
      } else if id.isEmpty || Self.reservedLevelIDs.contains(id)
        || !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        )
      {
        fail(record, "level id '\(id)'", expected: "a lower-case ASCII word that is not another item kind")
      } else if levels.contains(where: { $0.id == id }) {
        fail(record, "a second level '\(id)'", expected: "each level once")
      } else if name.isEmpty {
        fail(record, "level '\(id)' without a name", expected: "its name as printed, such as 課")
      } else if let unknown = flags.first(where: { !["answers", "subunits", "optional"].contains($0) }) {
        fail(record, "level flag '\(unknown)'", expected: "answers, subunits, optional or nothing")
      } else if flags.contains("answers"), let answering = levels.first(where: \.answers) {
        fail(
          record, "a second level answering the overall form ('\(id)')",
          expected: "one: level '\(answering.id)' answers it")
      } else {
        levels.append(
          Level(
            id: id, name: name, answers: flags.contains("answers"), hasSubunits: flags.contains("subunits"),
            isOptional: flags.contains("optional")))
      }
    }

    /// An item record's kind, and the level it names for a hierarchy item; nil (logged) when the
    /// kind is no item kind, or a level the codebook does not declare.
    mutating func kind(of record: TSVRecord) -> (ItemKind, Int?)? {
      let word = field(record, 4)
      if !levels.isEmpty, let level = levels.firstIndex(where: { $0.id == word }) {
        return (.level, level)
      }
      let levelIDs = levelsRead.map(\.id)
      guard let kind = ItemKind(rawValue: word), kind != .level, levels.isEmpty || !kind.isHierarchy else {
        let kinds = ItemKind.allCases.filter { !$0.isHierarchy }.map(\.rawValue)
        fail(record, "item kind '\(word)'", expected: "one of \((levelIDs + kinds).joined(separator: ", "))")
        return nil
      }
      return (kind, nil)
    }

    /// Logs what the declared levels lack: a level answering the overall form when there is one
    /// (and none when there is none), and the roster's items for it and every level above.
    mutating func checkLevels() {
      guard !levels.isEmpty else { return }
      let answering = levels.firstIndex { $0.answers }
      guard let rosterForm = forms.first(where: \.isRoster) else {
        if let answering {
          log.append(
            Diagnostic(
              .error, file: file,
              found: "level '\(levels[answering].id)' answers an overall form that the codebook lacks",
              expected: "a form whose rows are 'unit', or no level flagged 'answers'"))
        }
        return
      }
      guard let answering else {
        log.append(
          Diagnostic(
            .error, file: file, found: "an overall form '\(rosterForm.id)' that no level answers",
            expected: "one level flagged 'answers'"))
        return
      }
      for level in 0...answering where !rosterForm.items.contains(where: { $0.level == level }) {
        log.append(
          Diagnostic(
            .error, file: file, found: "no item of form '\(rosterForm.id)' for level '\(levels[level].id)'",
            expected: "an item for each level from the top down to the one that answers the overall form"))
      }
    }

    mutating func readHearing(_ record: TSVRecord) {
      let file = field(record, 1)
      if file.isEmpty {
        fail(record, "a hearing record without a file", expected: "the file of the hearing questions")
      } else if let hearing {
        fail(
          record, "a second hearing file '\(file)'",
          expected: "one: line \(hearing.line) names '\(hearing.file)'")
      } else {
        hearing = (file, record.line)
      }
    }

    mutating func readOption(_ record: TSVRecord) {
      let itemID = field(record, 1)
      guard let location = itemLocation[itemID] else {
        fail(
          record, "an option of unknown item '\(itemID)'", expected: "an 'item \(itemID)' record before it")
        return
      }
      guard let code = Int(field(record, 2)), (1...CircledNumber.maximum).contains(code) else {
        fail(
          record, "option code '\(field(record, 2))'",
          expected: "a number from 1 to \(CircledNumber.maximum)")
        return
      }
      guard let role = OptionRole(rawValue: field(record, 4)) else {
        let roles = OptionRole.allCases.map(\.rawValue).filter { !$0.isEmpty }.joined(separator: ", ")
        fail(record, "option role '\(field(record, 4))'", expected: "empty or one of \(roles)")
        return
      }
      let printed = field(record, 3)
      let label = printed == "?" ? "" : printed
      if printed.isEmpty {
        fail(record, "an empty label for code \(code)", expected: "the label as printed")
      }
      var item = forms[location.form].items[location.item]
      if !item.kind.isCoded {
        fail(
          record, "an option for \(item.kind.rawValue) item '\(itemID)'",
          expected: "options only on coded items")
      }
      if item.option(code: code) != nil {
        fail(record, "a second option \(code) for '\(itemID)'", expected: "each code once")
      }
      let variants = field(record, 5).split(separator: "|").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
      let column = field(record, 7)
      if !column.isEmpty && !item.hasOptionColumns {
        fail(
          record, "a column '\(column)' for option \(code) of '\(itemID)', an item without the columns flag",
          expected: "option columns only on an item flagged columns")
      }
      item.options.append(
        Option(
          code: code, label: label, role: role, variants: variants, fullLabel: field(record, 6),
          column: column))
      forms[location.form].items[location.item] = item
    }

    mutating func readNonAnswer(_ record: TSVRecord) {
      let text = field(record, 1)
      if text.isEmpty { fail(record, "an empty non-answer", expected: "a text such as 記入なし") }
      nonAnswers.append(text)
    }

    mutating func readAmountUnit(_ record: TSVRecord) {
      let suffix = field(record, 1)
      guard !suffix.isEmpty, let yen = Int(field(record, 2)), yen > 0 else {
        fail(
          record, "amount unit '\(suffix)' worth '\(field(record, 2))' yen",
          expected: "a suffix and a positive whole number of yen")
        return
      }
      let warning = field(record, 3)
      units.append(AmountUnit(suffix: suffix, yen: yen, warning: warning.isEmpty ? nil : warning))
    }

    /// Logs what the whole file lacks: forms, items of a form, options of a coded item, the figure
    /// code of an amount or year item, and units for amounts.
    mutating func checkCompleteness() {
      if forms.isEmpty {
        log.append(Diagnostic(.error, file: file, found: "no forms", expected: "at least one 'form' record"))
      }
      for form in forms where form.items.isEmpty {
        log.append(
          Diagnostic(
            .error, file: file, found: "form '\(form.id)' without items", expected: "its 'item' records"))
      }
      for item in forms.flatMap(\.items) where item.kind.isCoded && item.options.isEmpty {
        log.append(
          Diagnostic(
            .error, file: file, item: item.id, found: "a \(item.kind.rawValue) item without options",
            expected: "its 'option' records"))
      }
      for item in forms.flatMap(\.items) where item.kind == .amount || item.kind == .year {
        if !item.options.contains(where: { $0.role == .figure }) {
          log.append(
            Diagnostic(
              .error, file: file, item: item.id, found: "no option with role 'figure'",
              expected: "the code that carries the \(item.kind.rawValue)"))
        }
      }
      checkOptionColumns()
      resolveBareUnits()
      if units.isEmpty && forms.flatMap(\.items).contains(where: { $0.kind == .amount }) {
        log.append(
          Diagnostic(
            .error, file: file, found: "amount items but no 'amount-unit' records",
            expected: "at least one unit such as 千円"))
      }
    }

    /// Logs an option of a `columns` item without its column, and a column header that another
    /// column of the same form has too (an item's or an option's), since the export could not tell
    /// them apart.
    mutating func checkOptionColumns() {
      for form in forms {
        var headers: [String: String] = [:]
        for item in form.items where !item.hasOptionColumns {
          headers[TextNormalization.matchKey(item.header)] = "item '\(item.id)'"
        }
        for item in form.items where item.hasOptionColumns {
          for option in item.options {
            let name = "option \(option.code) of '\(item.id)'"
            guard !option.column.isEmpty else {
              log.append(
                Diagnostic(
                  .error, file: file, item: item.id, found: "\(name) without a column",
                  expected: "the header of its column in the option's eighth field (COLUMN)"))
              continue
            }
            let key = TextNormalization.matchKey(option.column)
            if let other = headers[key] {
              log.append(
                Diagnostic(
                  .error, file: file, item: item.id, found: "column '\(option.column)' of \(name)",
                  expected: "a header that \(other) does not have too"))
            }
            headers[key] = name
          }
        }
      }
    }

    /// Checks that each `unit=` flag names a declared unit, and gives an amount item without one
    /// the unit its header ends with in brackets (`事業費（千円）`), if any.
    mutating func resolveBareUnits() {
      for (id, flagged) in bareUnitLines.sorted(by: { $0.value.line < $1.value.line })
      where !units.contains(where: { $0.suffix == flagged.suffix }) {
        log.append(
          Diagnostic(
            .error, file: file, line: flagged.line, item: id,
            found: "unit=\(flagged.suffix), not a declared unit",
            expected: "one of the amount-unit records: " + units.map(\.suffix).joined(separator: ", ")))
      }
      for formIndex in forms.indices {
        for itemIndex in forms[formIndex].items.indices {
          let item = forms[formIndex].items[itemIndex]
          guard item.kind == .amount, item.bareAmountUnit == nil else { continue }
          forms[formIndex].items[itemIndex].bareAmountUnit = Self.bracketedUnit(item.header, units: units)
        }
      }
    }

    /// The declared unit a header ends with in brackets: `事業費（千円）` → `千円`.
    static func bracketedUnit(_ header: String, units: [AmountUnit]) -> String? {
      let split = CodedAnswer.split(header)
      guard let inner = split.note, header.hasSuffix(")") || header.hasSuffix("）") else { return nil }
      let key = TextNormalization.matchKey(inner)
      return units.first { $0.warning == nil && TextNormalization.matchKey($0.suffix) == key }?.suffix
    }

    private mutating func fail(_ record: TSVRecord, _ found: String, expected: String? = nil) {
      log.append(Diagnostic(.error, file: file, line: record.line, found: found, expected: expected))
    }

    private func field(_ record: TSVRecord, _ index: Int) -> String {
      index < record.fields.count ? record.fields[index].trimmingSpaces : ""
    }
  }
}
