import CalapiPluginAPI
import CLibPQ

/// calapi's release, printed by `calapi --version`; raise it with each release.
enum CalapiVersion {
    static let number = "0.9.0"

    /// `calapi 0.9.0 (plugin ABI 1.1, libpq 15.8)`.
    static var line: String {
        let libpq = Int(PQlibVersion())
        let libpqText = libpq >= 100_000 ? "\(libpq / 10_000).\(libpq % 10_000)" : "\(libpq / 10_000).\(libpq / 100 % 100).\(libpq % 100)"
        return "calapi \(number) (plugin ABI \(CALAPI_ABI_MAJOR).\(CALAPI_ABI_MINOR), libpq \(libpqText))"
    }
}
