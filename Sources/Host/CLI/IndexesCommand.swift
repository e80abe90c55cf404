/// `calapi indexes [--apply] [--config FILE]`: prints the indexes calapi's statements would use on
/// Cal.com's schema (`SuggestedIndex`), each with what it serves and whether the database has it;
/// with `--apply`, creates the missing ones with `CREATE INDEX CONCURRENTLY` (as the tables' owner).
/// Without `--apply` it changes nothing.
enum IndexesCommand {
    static func run(_ options: Options) throws -> Int32 {
        try options.allow(["config", "apply"])
        guard options.words.isEmpty else { throw CLI.UsageError(message: "indexes takes no words, only --apply and --config FILE") }
        let apply = options.flag("apply")
        let config = try CLI.loadConfig(options)
        let database = try DatabaseTarget(config: config)
        defer { database.release() }
        let connection = try database.connect()
        defer { connection.close() }
        print("-- Indexes calapi's statements would use on Cal.com's schema (docs/operations.md, \"Performance\").")
        print(apply ? "-- Creating the missing ones, one at a time, without blocking writes." :
                      "-- Nothing is changed: run the statements below as the tables' owner, or calapi indexes --apply.")
        for index in SuggestedIndex.all {
            print("\n-- \(index.purpose)")
            switch try index.state(on: connection) {
            case .present(let name):
                print("-- present (\(name)): \(index.createSQL);")
                continue
            case .invalid:
                print("-- \(index.name) exists but is invalid (an interrupted build): it is dropped and built again")
                if apply { _ = try connection.simpleQuery("DROP INDEX CONCURRENTLY IF EXISTS \"\(index.name)\"") }
            case .missing:
                break
            }
            print("\(index.createSQL);")
            if apply {
                _ = try connection.simpleQuery(index.createSQL)
                print("-- created")
            }
        }
        return 0
    }
}
