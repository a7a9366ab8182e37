import Foundation
import PackagePlugin

/// Embeds the package's data/*.tsv in the target it is applied to, at build time, as
/// `EmbeddedData.files`: a binary built from a clone runs after the clone is gone.
@main
struct EmbedDataPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let data = context.package.directoryURL.appending(path: "data")
    let files = try FileManager.default.contentsOfDirectory(at: data, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "tsv" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedData.swift")
    return [
      .buildCommand(
        displayName: "Embedding the bundled survey (data/*.tsv) in kyodo",
        executable: try context.tool(named: "EmbedData").url,
        arguments: [output.path] + files.map(\.path), inputFiles: files, outputFiles: [output])
    ]
  }
}
