// The system's zlib (zlib1g-dev), used for gzip response compression.
#include <zlib.h>
