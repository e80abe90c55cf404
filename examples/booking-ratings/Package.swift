// swift-tools-version:6.0
// A third-party calapi plugin in its own package: it depends on calapi's PluginSDK product only.
import Foundation
import PackageDescription

/// calapi's checkout: two folders up, unless CALAPI_SOURCE names another one (a copy of this folder).
let calapi = Context.environment["CALAPI_SOURCE"] ?? "../.."
/// SwiftPM names a path dependency after its folder.
let calapiPackage = URL(fileURLWithPath: calapi).standardizedFileURL.lastPathComponent

let package = Package(
    name: "BookingRatings",
    products: [
        // libBookingRatings.so: list its path under `plugins.files` in calapi's config.yaml.
        .library(name: "BookingRatings", type: .dynamic, targets: ["BookingRatings"])
    ],
    dependencies: [.package(path: calapi)],
    targets: [
        .target(name: "BookingRatings", dependencies: [.product(name: "PluginSDK", package: calapiPackage)],
                // Only the two C entry points are exported (exports.map), nothing Swift.
                linkerSettings: [.unsafeFlags(["-Xlinker", "--version-script=\(Context.packageDirectory)/exports.map"])])
    ],
    swiftLanguageModes: [.v5]
)
