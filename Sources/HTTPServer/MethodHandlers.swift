/// The handlers of one route by method, in registration order.
struct MethodHandlers: Sendable {
    private(set) var entries: [(method: HTTPMethod, handler: RequestHandler)] = []

    var isEmpty: Bool { entries.isEmpty }
    var methods: [HTTPMethod] { entries.map(\.method) }

    subscript(method: HTTPMethod) -> RequestHandler? {
        get { entries.first { $0.method == method }?.handler }
        set {
            let index = entries.firstIndex { $0.method == method }
            switch (index, newValue) {
            case let (index?, handler?): entries[index].handler = handler
            case let (nil, handler?): entries.append((method, handler))
            case let (index?, nil): entries.remove(at: index)
            case (nil, nil): break
            }
        }
    }
}
