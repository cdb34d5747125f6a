// LAPACKE (Debian liblapacke-dev) resolving to OpenBLAS (libopenblas-dev), plus CBLAS.
#ifndef SURGECAST_CLAPACKE_SHIM_H
#define SURGECAST_CLAPACKE_SHIM_H
#include <lapacke.h>
#include <cblas.h>
// OpenBLAS's thread control; declared here so that we need not include openblas_config.h.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
// Stops and joins OpenBLAS's worker threads (they are started again only if a call asks for
// more than one thread, which never happens once the count is 1).
int blas_thread_shutdown_(void);
#endif
