import Foundation

/// Files the tests keep for people to look at (`.build/artefacts/`, git-ignored with `.build/`):
/// the docs page's screenshots and the report of answers that do not match the document.
enum Artefacts {
    static var folder: URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/artefacts")
    }

    /// Writes `data` to `name` in the folder and returns the file's path.
    @discardableResult
    static func write(_ data: Data, to name: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try data.write(to: file)
        return file.path
    }
}
