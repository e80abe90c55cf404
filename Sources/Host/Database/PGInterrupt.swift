/// Lets a statement in flight be cancelled from outside: `PGConnection` waits on `descriptor`
/// besides its socket, and when it becomes readable asks `shouldCancel()`; on true it sends
/// PostgreSQL a cancel request for the running statement. The connection's own thread does all of
/// this, so a cancel can never hit a later statement.
protocol PGInterrupt: AnyObject {
    /// A descriptor that becomes readable when a cancel may be wanted.
    var descriptor: Int32 { get }
    /// Called on the connection's thread once `descriptor` is readable; consumes the wake-up and
    /// answers whether the statement running now must stop.
    func shouldCancel() -> Bool
}
