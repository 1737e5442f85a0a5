// What the fuzz targets share: a check that stops the run with a message.
//
// libFuzzer treats an abort() as a crash and saves the input, so a broken
// invariant is reported exactly like an ASan finding, with its reason on
// stderr. assert() would vanish under NDEBUG, which the build type sets.
#ifndef NEWSIDX_FUZZ_CHECK_H_
#define NEWSIDX_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond, ...)                                              \
  do {                                                                     \
    if (!(cond)) {                                                         \
      std::fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__,      \
                   __LINE__, #cond);                                       \
      std::fprintf(stderr, __VA_ARGS__);                                   \
      std::fputc('\n', stderr);                                            \
      std::abort();                                                        \
    }                                                                      \
  } while (0)

#endif  // NEWSIDX_FUZZ_CHECK_H_
