// Placeholder until the socket layer lands.
enum SocketsPlaceholder {}
