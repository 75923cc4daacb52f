#include <git2.h>
// zlib: GitStore inflates loose objects itself before libgit2 reads them (see LooseObjects.swift).
#include <zlib.h>

// git_libgit2_opts is variadic, which Swift cannot call: a fixed-argument wrapper for the one option GitStore
// sets. libgit2 keeps parsed trees in its object cache only up to 4,096 bytes by default, so a folder of a few
// hundred documents was inflated, hashed and parsed again for every approval that looks a path up in it.
static inline int sop_git_set_cache_object_limit(git_object_t type, size_t size) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}
