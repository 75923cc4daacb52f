#include <git2.h>
// zlib: GitStore inflates loose objects itself before libgit2 reads them (see LooseObjects.swift).
#include <zlib.h>

// git_libgit2_opts is variadic, which Swift cannot call: fixed-argument wrappers for the options GitStore uses.
// libgit2 keeps parsed trees in its object cache only up to 4,096 bytes by default, so a folder of a few
// hundred documents was inflated, hashed and parsed again for every approval that looks a path up in it.
static inline int sop_git_set_cache_object_limit(git_object_t type, size_t size) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}

// The total size of the objects libgit2's caches hold across all handles (256 MB by default). History diffs
// read each commit and folder tree once or twice and never again; a bound keeps them from filling memory.
static inline int sop_git_set_cache_max_size(ssize_t size) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, size);
}

// The bound above as it is now (GIT_OPT_GET_CACHED_MEMORY also gives the current total, not needed here).
static inline ssize_t sop_git_cache_max_size(void) {
  ssize_t current = 0, allowed = 0;
  git_libgit2_opts(GIT_OPT_GET_CACHED_MEMORY, &current, &allowed);
  return allowed;
}

// Pack windows: how large each mapped window of a pack file is, and how much libgit2 keeps mapped in all before
// it unmaps the least recently used window.
static inline int sop_git_set_mwindow_size(size_t size) {
  return git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, size);
}

static inline int sop_git_set_mwindow_mapped_limit(size_t size) {
  return git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, size);
}

static inline size_t sop_git_mwindow_mapped_limit(void) {
  size_t limit = 0;
  git_libgit2_opts(GIT_OPT_GET_MWINDOW_MAPPED_LIMIT, &limit);
  return limit;
}
