import CalapiPluginAPI
import Glibc

/// Loads plugin files, in the order PostgreSQL's loader checks extension libraries: resolve the
/// name inside the plugin folder only, stat and dedupe, refuse writable-by-others files,
/// `dlopen(RTLD_NOW | RTLD_LOCAL)`, check the magic block before any plugin code with side effects
/// runs, then call the versioned init and validate what it registered. Handles are never closed
/// (unloading Swift code is unsafe), so a refused file stays mapped but unused.
struct PluginLoader {
    let directory: String
    let catalog: StatementCatalog

    /// Loads one plugin. Throws PluginLoadError naming the file.
    func load(_ source: PluginSource, alreadyLoaded: [LoadedPlugin]) throws -> LoadedPlugin {
        let file = source.fileName
        if case .family(let family) = source,
           family.isEmpty || !family.utf8.allSatisfy({ $0 == 95 || ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) {
            throw PluginLoadError(file: file, problem: "invalid plugin name \"\(family)\"")
        }
        let path = source.path(in: directory)
        var info = stat()
        guard stat(path, &info) == 0 else {
            if case .file = source { throw PluginLoadError(file: file, problem: "no such file: \(path)", hint: "Build the plugin or fix plugins.files") }
            throw PluginLoadError(file: file, problem: "no such file in \(directory)",
                                  hint: "Build the plugins with `swift build` or set plugins.directory")
        }
        guard info.st_mode & (S_IWGRP | S_IWOTH) == 0 else {
            throw PluginLoadError(file: file, problem: "the file is writable by group or others", hint: "chmod go-w \(path)")
        }
        if let twin = alreadyLoaded.first(where: { $0.file == path || PluginLoader.sameFile($0.file, info) }) {
            throw PluginLoadError(file: file, problem: "the same file is already loaded as plugin \"\(twin.name)\"")
        }
        if let problem = PluginImageCheck.problem(inFileAt: path) {
            throw PluginLoadError(file: file, problem: problem)
        }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw PluginLoadError(file: file, problem: "dlopen failed: \(String(cString: dlerror()))")
        }
        let magic = try PluginMagicCheck.read(handle: handle, file: file)
        if let twin = alreadyLoaded.first(where: { $0.name == magic.name }) {
            throw PluginLoadError(file: file, problem: "a plugin named \"\(magic.name)\" is already loaded from \(twin.file)")
        }
        guard let initSymbol = dlsym(handle, "calapi_plugin_init_v\(CALAPI_ABI_MAJOR)") else {
            throw PluginLoadError(file: file, problem: "missing entry symbol calapi_plugin_init_v\(CALAPI_ABI_MAJOR)",
                                  hint: "The plugin was built for another ABI generation; rebuild it against Sources/PluginAPI")
        }
        let initialize = unsafeBitCast(initSymbol, to: calapi_plugin_init_v1_fn.self)

        var componentOwners: [String: String] = [:]
        for component in OpenAPIBuilder.hostComponents { componentOwners[component.name] = "calapi itself" }
        for plugin in alreadyLoaded {
            for component in plugin.componentSchemas { componentOwners[component.name] = "plugin \"\(plugin.name)\"" }
        }
        let registration = Registration(pluginName: magic.name, pluginVersion: magic.version, file: path, catalog: catalog,
                                        componentOwners: componentOwners)
        let result = Registrar.withRegistrar(for: registration) { initialize(HostTable.shared, $0) }
        registration.finish()
        if let problem = registration.problem {
            throw PluginLoadError(file: file, problem: "registration refused: \(problem)")
        }
        guard result == CALAPI_OK else {
            throw PluginLoadError(file: file, problem: "init failed: \(registration.initError ?? "the plugin gave no reason")")
        }
        registration.commitStatements()
        return LoadedPlugin(name: magic.name, version: magic.version, builtBy: magic.builtBy, file: path,
                            ceilings: registration.ceilings, routes: registration.routes,
                            componentSchemas: registration.componentSchemas)
    }

    private static func sameFile(_ path: String, _ info: stat) -> Bool {
        var other = stat()
        return stat(path, &other) == 0 && other.st_dev == info.st_dev && other.st_ino == info.st_ino
    }
}
