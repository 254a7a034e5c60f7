/// Something registered on an ``EventLoop`` for one descriptor. Called on the loop's thread only.
public protocol EventLoopHandler: AnyObject {
    /// The descriptor became ready for `events`.
    func handle(_ events: IOEvents)
}
