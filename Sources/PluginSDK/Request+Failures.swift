import CalapiPluginAPI

extension Request {
    /// Runs a handler body that uses the database: a `DatabaseFailure` it throws goes to `answer`
    /// (which turns the client's mistakes into 4xx), anything else ends as CALAPI_FAIL for the host.
    public func answering(_ answer: (DatabaseFailure) -> Int32, _ body: () throws -> Int32) -> Int32 {
        do {
            return try body()
        } catch let failure as DatabaseFailure {
            return answer(failure)
        } catch {
            return CALAPI_FAIL
        }
    }
}
