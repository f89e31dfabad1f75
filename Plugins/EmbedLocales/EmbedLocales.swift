import Foundation
import PackagePlugin

/// Embeds the package's `locales/` directory into the target as generated Swift source, so
/// an installed `verbatim` binary needs no data files beside it.
@main
struct EmbedLocales: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let locales = context.package.directoryURL.appending(path: "locales")
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLocaleFiles.swift")
    var inputs: [URL] = []
    if let enumerator = FileManager.default.enumerator(
      at: locales, includingPropertiesForKeys: nil)
    {
      for case let url as URL in enumerator where url.pathExtension == "txt" {
        inputs.append(url)
      }
    }
    return [
      .buildCommand(
        displayName: "Embedding locales",
        executable: try context.tool(named: "embed-locales").url,
        arguments: [locales.path, output.path],
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
