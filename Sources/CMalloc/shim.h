// glibc's allocator controls (mallopt), which Swift's Glibc module does not export.
#ifndef SURGECAST_CMALLOC_SHIM_H
#define SURGECAST_CMALLOC_SHIM_H
#include <malloc.h>
#endif
