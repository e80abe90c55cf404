// swift-tools-version:6.0
// calapi: Cal.com's REST API v1 served by a host that loads each resource family as a plugin.
// No package dependencies: the toolchain, libpq and libyaml only.
import PackageDescription

/// One dynamic library per resource family, built from `Plugins/<Family>` against the C header only.
let pluginFamilies = [
    "Users", "Teams", "Memberships", "EventTypes", "CustomInputs",
    "Schedules", "Availabilities", "SelectedCalendars", "DestinationCalendars",
    "Payments", "Attendees", "BookingReferences", "Bookings", "Availability", "Slots", "NoShow",
]

let package = Package(
    name: "calapi",
    products: [
        .executable(name: "calapi", targets: ["Host"]),
        // The Swift plugin SDK, for plugins built in their own package (examples/booking-ratings).
        .library(name: "PluginSDK", targets: ["PluginSDK"]),
    ] + pluginFamilies.map { .library(name: $0, type: .dynamic, targets: [$0]) },
    targets: [
        // Debian's libpq (PostgreSQL client): the database pool.
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // Debian's libyaml: config.yaml with line numbers in errors.
        .systemLibrary(name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // The plugin contract: one versioned C header, nothing else.
        .target(name: "PluginAPI", path: "Sources/PluginAPI"),
        // Swift conveniences over the C header, linked into each Swift plugin (never into the host).
        .target(name: "PluginSDK", dependencies: ["PluginAPI"], path: "Sources/PluginSDK"),
        // The `calapi` executable: HTTP server, config, database, auth, routing, validation, OpenAPI, loader.
        .executableTarget(name: "Host", dependencies: ["CLibPQ", "CYAML", "PluginAPI"], path: "Sources/Host"),
        // Fast tests of the host's parts (no database).
        .testTarget(name: "HostTests", dependencies: ["Host"], path: "Tests/HostTests"),
        // End-to-end tests: a real PostgreSQL, real calapi processes, real HTTP.
        .testTarget(name: "APITests", dependencies: ["Host"], path: "Tests/APITests"),
    ] + pluginFamilies.map {
        // Each plugin exports exactly the two C entry points (Plugins/exports.map), nothing Swift.
        .target(name: $0, dependencies: ["PluginSDK"], path: "Plugins/\($0)",
                linkerSettings: [.unsafeFlags(["-Xlinker", "--version-script=Plugins/exports.map"])])
    },
    // Threads, epoll and C callbacks are synchronised by hand; Swift 5 mode keeps that code plain.
    swiftLanguageModes: [.v5]
)
