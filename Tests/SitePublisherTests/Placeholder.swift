// The site publisher lands in a later commit.
