/// What `calapi_build_info` reports.
enum BuildInfo {
    static let version = "1.0.0"
}
