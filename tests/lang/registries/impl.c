/*
 * The one translation unit that holds the header's functions: compiled
 * with -DHEADER='"x.h"' and the header's X_IMPLEMENTATION defined.
 */
#include HEADER
