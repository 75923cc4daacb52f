#include <git2.h>
// zlib: GitStore inflates loose objects itself before libgit2 reads them (see LooseObjects.swift).
#include <zlib.h>
