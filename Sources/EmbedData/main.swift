import Foundation

// Writes a Swift file that holds files' bytes, base64-encoded (a string literal compiles in
// moments where an array of as many numbers takes a minute): `EmbedData OUTPUT FILE...`.
// Run by the EmbedDataPlugin at build time, so that kyodo carries the bundled survey of data/.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
  FileHandle.standardError.write(Data("usage: EmbedData OUTPUT FILE...\n".utf8))
  exit(64)
}
var source = """
  // Written by the EmbedData tool at build time from data/; not kept in git.
  import Foundation

  /// The bundled survey's files (data/*.tsv) as they were when kyodo was built, base64-encoded.
  enum EmbeddedData {
    static let files: [String: String] = [

  """
for path in arguments.dropFirst() {
  guard let bytes = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("EmbedData: cannot read \(path)\n".utf8))
    exit(66)
  }
  let name = URL(fileURLWithPath: path).lastPathComponent
  source += "    \"\(name)\": \"\(bytes.base64EncodedString())\",\n"
}
source += "  ]\n}\n"
do {
  try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
  FileHandle.standardError.write(Data("EmbedData: cannot write \(output): \(error)\n".utf8))
  exit(73)
}
