/// Why the server could not start, worded for the operator, e.g.
/// "cannot listen on 127.0.0.1:3002: Address already in use".
struct HTTPServerError: Error, CustomStringConvertible {
    let message: String

    var description: String { message }
}
