// Only what Glibc's Swift overlay does not expose well: epoll, eventfd and accept4.
// `struct epoll_event` is packed on x86_64, which Swift imports awkwardly, so the
// event loop talks to epoll through these small unpacked wrappers.
#ifndef CEPOLL_H
#define CEPOLL_H
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

/// One ready descriptor: the epoll event mask and the descriptor it was registered for.
typedef struct {
    uint32_t events;
    int32_t fd;
} cepoll_ready;

static const uint32_t CEPOLL_IN = EPOLLIN;
static const uint32_t CEPOLL_OUT = EPOLLOUT;
static const uint32_t CEPOLL_ERR = EPOLLERR;
static const uint32_t CEPOLL_HUP = EPOLLHUP;
static const uint32_t CEPOLL_RDHUP = EPOLLRDHUP;

/// epoll_ctl with the descriptor itself as the event's user data.
int cepoll_ctl(int epfd, int op, int fd, uint32_t events);

/// epoll_wait into an unpacked array; returns the count, or -1 with errno set.
int cepoll_wait(int epfd, cepoll_ready *ready, int capacity, int timeout_ms);

/// accept4(2) with SOCK_NONBLOCK | SOCK_CLOEXEC (a GNU extension Swift's Glibc module hides).
int cepoll_accept(int fd, struct sockaddr *address, socklen_t *length);

#endif
