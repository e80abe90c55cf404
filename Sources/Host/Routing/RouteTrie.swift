/// Maps request paths to the routes mounted on them. Built once at start-up, then read-only, so
/// any number of threads may call `match` at the same time without locks.
///
/// Literal segments win over parameters (`/users/me` before `/users/{userId}`), as in OpenAPI.
final class RouteTrie {
    /// What is mounted on one path template: one route per served method.
    final class Entry {
        let template: PathTemplate
        private(set) var routes: [UInt32: Route] = [:]
        private(set) var allowed: MethodSet = []
        /// The resource of the routes here (the first one's), for metrics and logs.
        private(set) var resource = ""

        init(template: PathTemplate) { self.template = template }

        func route(for method: MethodSet) -> Route? { routes[method.rawValue] }

        fileprivate func add(_ route: Route) {
            routes[route.method.rawValue] = route
            allowed.insert(route.method)
            if resource.isEmpty { resource = route.resource }
        }
    }

    private final class Node {
        var literals: [String: Node] = [:]
        var parameter: (name: String, node: Node)?
        var entry: Entry?
    }

    private let root = Node()

    /// Mounts a route. Returns the route already mounted on the same method and template, if any,
    /// so the caller can name both plugins.
    @discardableResult
    func insert(_ route: Route) -> Route? {
        var node = root
        for segment in route.template.segments {
            switch segment {
            case .literal(let text):
                if let next = node.literals[text] {
                    node = next
                } else {
                    let next = Node()
                    node.literals[text] = next
                    node = next
                }
            case .parameter(let name):
                if let existing = node.parameter {
                    node = existing.node
                } else {
                    let next = Node()
                    node.parameter = (name, next)
                    node = next
                }
            }
        }
        let entry = node.entry ?? Entry(template: route.template)
        node.entry = entry
        if let clash = entry.route(for: route.method) { return clash }
        entry.add(route)
        return nil
    }

    /// Finds the entry for already-split, percent-decoded path segments and returns the values
    /// of its parameters in template order.
    func match(_ segments: [Substring]) -> (entry: Entry, parameters: [String])? {
        var parameters: [String] = []
        parameters.reserveCapacity(2)
        return walk(root, segments[...], &parameters).map { ($0, parameters) }
    }

    private func walk(_ node: Node, _ rest: ArraySlice<Substring>, _ parameters: inout [String]) -> Entry? {
        guard let head = rest.first else { return node.entry }
        let tail = rest.dropFirst()
        if let next = node.literals[String(head)], let found = walk(next, tail, &parameters) {
            return found
        }
        if let (_, next) = node.parameter {
            parameters.append(String(head))
            if let found = walk(next, tail, &parameters) { return found }
            parameters.removeLast()
        }
        return nil
    }
}
