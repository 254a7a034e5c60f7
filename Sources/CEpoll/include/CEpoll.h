// Only what Glibc's Swift overlay does not expose: epoll and eventfd.
#ifndef CEPOLL_H
#define CEPOLL_H
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif
