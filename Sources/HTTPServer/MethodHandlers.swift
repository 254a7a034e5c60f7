/// The handlers of one route by method, in registration order.
struct MethodHandlers: Sendable {
    /// A struct rather than a tuple: a closure kept in a tuple inside an `Array` is stored at the
    /// generic (opaque) abstraction, and reading it back built a reabstraction thunk, one heap
    /// allocation per request; a struct field keeps the closure as it is.
    struct Entry: Sendable {
        let method: HTTPMethod
        var handler: RequestHandler
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    var methods: [HTTPMethod] { entries.map(\.method) }

    subscript(method: HTTPMethod) -> RequestHandler? {
        get {
            for index in entries.indices where entries[index].method == method { return entries[index].handler }
            return nil
        }
        set {
            let index = entries.firstIndex { $0.method == method }
            switch (index, newValue) {
            case let (index?, handler?): entries[index].handler = handler
            case let (nil, handler?): entries.append(Entry(method: method, handler: handler))
            case let (index?, nil): entries.remove(at: index)
            case (nil, nil): break
            }
        }
    }
}
