// The part of the fuzz target that runs `kyodo check`'s validation (see FuzzReading.swift).

/// Runs the checker twice: with the input as the overall form's export, and with the input as the
/// first project form's export behind a two-unit roster (small, so that the fuzzer stays fast).
enum FuzzChecks {
  static func run(
    _ input: [UInt8], setup: (codebook: Codebook, headers: [String: [UInt8]], exports: [String: [UInt8]])
  ) {
    let codebook = setup.codebook
    guard let roster = codebook.forms.first(where: { $0.isRoster }),
      let project = codebook.forms.first(where: { !$0.isRoster })
    else { return }
    _ = Checker.check(
      codebook: codebook, sources: [roster.id: ExportSource(bytes: input, file: "fuzz.tsv")],
      referenceYear: 2025)
    let units = Array("企画財政部\t企画政策課\t\t①現在実施\t\t\n市民部\tコミュニティ文化課\t\t②現在＋将来\t\t\n".utf8)
    let sources = [
      roster.id: ExportSource(bytes: (setup.headers[roster.id] ?? []) + units, file: roster.file),
      project.id: ExportSource(bytes: input, file: "fuzz.tsv"),
    ]
    _ = Checker.check(codebook: codebook, sources: sources, referenceYear: 2025)
  }
}
