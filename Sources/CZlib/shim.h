#ifndef BACKCOACH_CZLIB_SHIM_H
#define BACKCOACH_CZLIB_SHIM_H

#include <zlib.h>

// zlib's init calls are macros, which Swift cannot call; these wrap them.
static inline int czlib_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
}

static inline int czlib_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -15);
}

#endif
