#ifndef SOP_CED25519_TABLES_H
#define SOP_CED25519_TABLES_H

#include <stddef.h>
#include <stdint.h>

/// Every multiple of one ed25519 point that the verifier adds: (j + 1) * 16^i * P for i < 64 and j < 8, so a
/// scalar times P is at most 64 additions and no doublings. About 80 KB.
typedef struct sop_ed25519_table sop_ed25519_table;

/// The table of the point a 32-byte encoding names, or NULL when the encoding is not a curve point (the same
/// test as BoringSSL's ED25519_verify) or memory ran out.
sop_ed25519_table *sop_ed25519_table_new(const uint8_t encoding[32]);

/// Frees a table from sop_ed25519_table_new (NULL is allowed).
void sop_ed25519_table_free(sop_ed25519_table *table);

/// 1 when `signature` is a valid ed25519 signature of `message` by the key of `key_table`, otherwise 0: the
/// same answer as BoringSSL's ED25519_verify (RFC 8032's cofactorless check of the encoding of
/// [s]B - [h]A against R, s below the group order), computed with `key_table` and `base_table` (the table of
/// the base point). Variable time: it handles only public values.
int sop_ed25519_verify(const sop_ed25519_table *key_table, const sop_ed25519_table *base_table,
                       const uint8_t *message, size_t message_len, const uint8_t signature[64]);

/// Writes the encoding of scalar * P (P the table's point) to `out` and returns 1; 0 when the scalar's top bit
/// is set. For the tests, which craft signatures with it.
int sop_ed25519_multiple(uint8_t out[32], const sop_ed25519_table *table, const uint8_t scalar[32]);

/// 1 when the C side can be used on this platform (64-bit limbs, as BoringSSL's field code uses there).
int sop_ed25519_tables_available(void);

#endif
