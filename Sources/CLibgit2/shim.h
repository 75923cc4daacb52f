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

// An object database backend that holds at most one object: the bytes of a loose object GitStore has just read
// from that object's file and inflated completely (LooseObjects.swift), for the libgit2 read of that object that
// follows. libgit2 then takes them from here instead of opening, reading and inflating the same file a second time,
// and checks their hash against the id as it would the file's. Added to
// each handle's object database ahead of the loose and pack backends (a higher priority is asked first); it
// answers only for the object it holds, once, and "not found" (so the next backend is asked) otherwise.
#include <git2/sys/odb_backend.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  git_odb_backend parent;
  git_oid id;
  git_object_t type;
  void *data;  // NULL when nothing is held; else size + 1 bytes from git_odb_backend_data_alloc
  size_t size;
} sop_checked_backend;

static inline void sop_checked_release(sop_checked_backend *held) {
  if (held->data != NULL) git_odb_backend_data_free(&held->parent, held->data);
  held->data = NULL;
  held->size = 0;
}

// libgit2's read: hands over the held bytes (libgit2 frees them) when they are the object asked for.
static inline int sop_checked_read(
    void **data, size_t *size, git_object_t *type, git_odb_backend *backend, const git_oid *id) {
  sop_checked_backend *held = (sop_checked_backend *)backend;
  if (held->data == NULL || git_oid_cmp(&held->id, id) != 0) return GIT_ENOTFOUND;
  *data = held->data;
  *size = held->size;
  *type = held->type;
  held->data = NULL;
  held->size = 0;
  return 0;
}

// Headers and listings are left to the other backends, as if this one were not there: "not found" for a header
// (libgit2 would take a backend without `read_header` as "ask for the whole object", and name a missing object
// differently), and no objects to list (libgit2 calls `foreach` on every backend without looking for NULL).
static inline int sop_checked_read_header(size_t *size, git_object_t *type, git_odb_backend *backend, const git_oid *id) {
  (void)size;
  (void)type;
  (void)backend;
  (void)id;
  return GIT_ENOTFOUND;
}

static inline int sop_checked_foreach(git_odb_backend *backend, git_odb_foreach_cb callback, void *payload) {
  (void)backend;
  (void)callback;
  (void)payload;
  return 0;
}

static inline void sop_checked_free(git_odb_backend *backend) {
  sop_checked_release((sop_checked_backend *)backend);
  free(backend);
}

// Adds the backend to `odb`, which owns it from then on (freed with the odb). NULL when it could not be added.
static inline sop_checked_backend *sop_checked_backend_add(git_odb *odb, int priority) {
  sop_checked_backend *held = calloc(1, sizeof *held);
  if (held == NULL) return NULL;
  if (git_odb_init_backend(&held->parent, GIT_ODB_BACKEND_VERSION) < 0) {
    free(held);
    return NULL;
  }
  held->parent.read = sop_checked_read;
  held->parent.read_header = sop_checked_read_header;
  held->parent.foreach = sop_checked_foreach;
  held->parent.free = sop_checked_free;
  if (git_odb_add_backend(odb, &held->parent, priority) < 0) {
    free(held);
    return NULL;
  }
  return held;
}

// Holds a copy of `size` bytes of content of an object of `type` for the next read of `id`, dropping whatever was
// held before. libgit2 checks them as it checks every object any backend gives it: git's id of the bytes (the hash
// of "type size\0" and the content) must be `id`, or the read fails with "object hash mismatch" (strict hash
// verification, which GitStore turns on explicitly: sop_git_enable_strict_hash_verification). 1 when held, 0 when
// there was no memory (libgit2 then reads the object itself).
static inline int sop_checked_hold(
    sop_checked_backend *held, const git_oid *id, git_object_t type, const void *bytes, size_t size) {
  sop_checked_release(held);
  // NUL-terminated, as libgit2's own backends leave an object's data.
  char *copy = git_odb_backend_data_alloc(&held->parent, size + 1);
  if (copy == NULL) return 0;
  if (size > 0) memcpy(copy, bytes, size);
  copy[size] = 0;
  held->id = *id;
  held->type = type;
  held->data = copy;
  held->size = size;
  return 1;
}

// libgit2 hashes every object it reads and refuses one whose hash is not its id. On by default; GitStore turns it
// on explicitly, since the bytes sop_checked_backend hands over are checked there and nowhere else.
static inline int sop_git_enable_strict_hash_verification(void) {
  return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 1);
}
