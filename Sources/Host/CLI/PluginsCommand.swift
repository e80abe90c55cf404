import CalapiPluginAPI
import Foundation

/// `calapi plugins`: what the configured plugin folder and files hold, how each plugin fares, and
/// which plugin (and version) serves each route.
enum PluginsCommand {
    static func run(_ options: Options) throws -> Int32 {
        try options.allow(["config"])
        let config = try CLI.loadConfig(options)
        let directory = ServedAPI.pluginDirectory(config)
        print("plugin folder: \(directory) (host plugin ABI \(CALAPI_ABI_MAJOR).\(CALAPI_ABI_MINOR))")
        PluginLimits.installed = config.pluginLimits
        let loader = PluginLoader(directory: directory, catalog: StatementCatalog())
        var loaded: [LoadedPlugin] = []
        var failures = 0
        for source in config.pluginSources {
            var origin = ""
            if case .file(let path) = source { origin = " from \(path)" }
            do {
                let plugin = try loader.load(source, alreadyLoaded: loaded)
                loaded.append(plugin)
                print("  \(source.fileName): \(plugin.name) \(plugin.version) (\(plugin.builtBy)), loads\(origin)")
                for (resource, ceiling) in plugin.ceilings.sorted(by: { $0.key < $1.key }) {
                    let enabled = config.resources[resource]?.methods ?? []
                    print("    \(resource): ceiling \(ceiling.names.joined(separator: ",")); enabled \(enabled.isEmpty ? "none" : enabled.joined(separator: ","))")
                    for route in plugin.routes where route.resource == resource {
                        let served = enabled.contains(route.method.names[0])
                        print("      \(route.method.names[0]) \(route.template)\(served ? "" : " (not enabled)")")
                    }
                }
            } catch {
                failures += 1
                print("  \(source.fileName): refused: \(error)")
            }
        }
        // Files present but not configured are listed, never loaded: the config is the allow-list.
        let configured = Set(config.pluginNames.map { PluginSource.family($0).fileName })
        let present = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for file in present.sorted() where file.hasPrefix("lib") && file.hasSuffix(".so") && !configured.contains(file) {
            print("  \(file): present, not listed in plugins.load (not loaded)")
        }
        return failures == 0 ? 0 : 1
    }
}
