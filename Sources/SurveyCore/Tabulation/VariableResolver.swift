/// Turns the names users give (`形態`, `部`, `a.7:class`, `設問２`) into variables over the rows
/// of the counted form, joining overall-form items through the unit.
struct VariableResolver {
  let survey: Survey
  /// The form whose rows are counted.
  let data: FormData
  private let names: [String: ItemName]

  /// Looks every name of a request up once and chooses the form whose rows are counted: the one
  /// project or entry form among the items named, or the overall form when all of them belong to
  /// it. Unknown names and items of two such forms are usage errors, found before any row is read.
  init(names texts: [String], in survey: Survey) throws(SurveyError) {
    var forms: [String] = []
    var names: [String: ItemName] = [:]
    for text in texts {
      let name = try ItemName(text, in: survey.codebook)
      let item = try name.item(preferring: forms.first)
      names[text] = name
      if !forms.contains(item.formID) { forms.append(item.formID) }
    }
    let rosterID = survey.roster?.form.id
    let counted = forms.filter { $0 != rosterID }
    if counted.count > 1 {
      throw SurveyError.usage(
        "items of \(counted.joined(separator: " and ")) cannot be crossed: only the overall form joins a project's unit",
        expected: "items of one questionnaire, or one questionnaire and the overall form")
    }
    guard let id = counted.first ?? forms.first, let data = survey.data(for: id) else {
      throw SurveyError.usage("no data for the items named")
    }
    self.survey = survey
    self.data = data
    self.names = names
  }

  /// The variable a name of the request means, an item of the counted form preferred.
  func variable(_ text: String) throws(SurveyError) -> Categorization {
    let name: ItemName
    if let known = names[text] { name = known } else { name = try ItemName(text, in: survey.codebook) }
    let item = try name.item(preferring: data.form.id)
    if item.formID == data.form.id {
      switch name.suffix {
      case "class": return try Categorization.amountClasses(item: item, in: data)
      case "era": return try Categorization.yearClasses(item: item, in: data, byDecade: false)
      case "decade": return try Categorization.yearClasses(item: item, in: data, byDecade: true)
      default: return try Categorization(item: item, in: data, organization: survey.organization)
      }
    }
    guard let roster = survey.roster, item.formID == roster.form.id, name.suffix == nil else {
      throw SurveyError.usage(
        "\(item.id) cannot be read for the rows of \(data.form.title)",
        expected: "an item of \(data.form.title) or of the overall form")
    }
    return try Categorization.joined(item: item, roster: roster, organization: survey.organization)
  }
}
