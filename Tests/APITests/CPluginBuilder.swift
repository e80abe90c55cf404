import Foundation
import XCTest

/// Compiles plain-C test plugins with `cc` against the plugin header alone, as a plugin author would.
enum CPluginBuilder {
    /// The folder holding `calapi_plugin.h`.
    static let header = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/PluginAPI/include").path

    /// Writes `source` to `<folder>/<family>.c` and builds `<folder>/lib<family>.so`.
    static func build(_ family: String, _ source: String, in folder: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let cFile = folder.appendingPathComponent("\(family).c")
        try source.write(to: cFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cc")
        process.arguments = ["-shared", "-fPIC", "-fvisibility=hidden", "-Wall", "-I", header,
                             "-o", folder.appendingPathComponent("lib\(family).so").path, cFile.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "cc failed for \(family)", file: file, line: line)
    }

    /// A fresh temporary folder for plugins, holding a copy of the Users plugin (for `/me`).
    static func pluginFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calapi-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CalapiServer.binaryDirectory + "/libUsers.so",
                                         toPath: folder.appendingPathComponent("libUsers.so").path)
        return folder
    }
}
