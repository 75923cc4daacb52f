// Ed25519 verification with per-key tables of multiples, over BoringSSL's own field and group operations.
//
// Why: a status on a history of thousands of signed approvals verifies thousands of signatures by a handful
// of keys, and BoringSSL's ED25519_verify spends most of its time doubling: it decodes the key and walks 256
// bits of both scalars for every signature. With every multiple (j + 1) * 16^i * P of a point written down once,
// a scalar times that point is at most 64 additions (the signed radix-16 method of ref10's
// ge_scalarmult_base), so [s]B - [h]A costs about 128 additions and no doublings.
//
// What it answers is exactly ED25519_verify's answer (BoringSSL crypto/curve25519/curve25519.cc): the same
// checks in the same order (the top three bits of s clear, the key a valid encoding, s below the group order,
// h = SHA-512(R || A || M) mod L) and the same final comparison of the encoding of [s]B - [h]A with R, byte
// for byte. Point arithmetic is exact, so adding the same multiples in another order gives the same point and
// the same encoding. The differential tests and the Ed25519 fuzz harness hold it to ED25519_verify.
//
// The group and field operations are BoringSSL's (exported for its SPAKE2 code, with swift-crypto's symbol
// prefix); the structures below are its internal.h layouts for 64-bit limbs.

#include "CEd25519Tables.h"

#include <stdlib.h>
#include <string.h>

#if defined(__LP64__) || defined(_WIN64)
#define SOP_ED25519_LIMBS64 1

typedef struct { uint64_t v[5]; } fe;
typedef struct { uint64_t v[5]; } fe_loose;
typedef struct { fe X, Y, Z; } ge_p2;
typedef struct { fe X, Y, Z, T; } ge_p3;
typedef struct { fe_loose X, Y, Z, T; } ge_p1p1;
typedef struct { fe_loose YplusX, YminusX, Z, T2d; } ge_cached;

extern int CCryptoBoringSSL_x25519_ge_frombytes_vartime(ge_p3 *h, const uint8_t s[32]);
extern void CCryptoBoringSSL_x25519_ge_tobytes(uint8_t s[32], const ge_p2 *h);
extern void CCryptoBoringSSL_x25519_ge_p3_to_cached(ge_cached *r, const ge_p3 *p);
extern void CCryptoBoringSSL_x25519_ge_p1p1_to_p3(ge_p3 *r, const ge_p1p1 *p);
extern void CCryptoBoringSSL_x25519_ge_add(ge_p1p1 *r, const ge_p3 *p, const ge_cached *q);
extern void CCryptoBoringSSL_x25519_ge_sub(ge_p1p1 *r, const ge_p3 *p, const ge_cached *q);
extern void CCryptoBoringSSL_x25519_sc_reduce(uint8_t s[64]);
extern uint8_t *CCryptoBoringSSL_SHA512(const uint8_t *data, size_t len, uint8_t out[64]);

struct sop_ed25519_table {
  uint8_t encoding[32];
  ge_cached multiples[64][8];
};

static void add_to(ge_p3 *p, const ge_cached *q) {
  ge_p1p1 sum;
  CCryptoBoringSSL_x25519_ge_add(&sum, p, q);
  CCryptoBoringSSL_x25519_ge_p1p1_to_p3(p, &sum);
}

static void subtract_from(ge_p3 *p, const ge_cached *q) {
  ge_p1p1 difference;
  CCryptoBoringSSL_x25519_ge_sub(&difference, p, q);
  CCryptoBoringSSL_x25519_ge_p1p1_to_p3(p, &difference);
}

sop_ed25519_table *sop_ed25519_table_new(const uint8_t encoding[32]) {
  ge_p3 point;
  if (!CCryptoBoringSSL_x25519_ge_frombytes_vartime(&point, encoding)) return NULL;
  sop_ed25519_table *table = malloc(sizeof(sop_ed25519_table));
  if (table == NULL) return NULL;
  memcpy(table->encoding, encoding, 32);
  // point = 16^i * P on entry to row i; the row holds P .. 8P of it. The addition formula (RFC 8032 5.1.4,
  // BoringSSL's ge_add) is complete, so adding a point to itself doubles it.
  for (int i = 0; i < 64; i++) {
    ge_p3 multiple = point;
    CCryptoBoringSSL_x25519_ge_p3_to_cached(&table->multiples[i][0], &point);
    for (int j = 1; j < 8; j++) {
      add_to(&multiple, &table->multiples[i][0]);
      CCryptoBoringSSL_x25519_ge_p3_to_cached(&table->multiples[i][j], &multiple);
    }
    // 16 * point = 8 * point + 8 * point.
    add_to(&multiple, &table->multiples[i][7]);
    point = multiple;
  }
  return table;
}

void sop_ed25519_table_free(sop_ed25519_table *table) { free(table); }

// The neutral element (0, 1, 1, 0) in extended coordinates.
static ge_p3 identity(void) {
  ge_p3 point;
  memset(&point, 0, sizeof(point));
  point.Y.v[0] = 1;
  point.Z.v[0] = 1;
  return point;
}

// The 32-byte encoding of a point (its projective X, Y and Z; T is not needed).
static void encode(uint8_t out[32], const ge_p3 *point) {
  ge_p2 projective;
  projective.X = point->X;
  projective.Y = point->Y;
  projective.Z = point->Z;
  CCryptoBoringSSL_x25519_ge_tobytes(out, &projective);
}

// The 64 signed radix-16 digits of a 256-bit little-endian scalar whose top bit is clear, each in [-8, 8]
// (ref10's ge_scalarmult_base).
static void signed_digits(signed char e[64], const uint8_t a[32]) {
  for (int i = 0; i < 32; i++) {
    e[2 * i] = a[i] & 15;
    e[2 * i + 1] = (a[i] >> 4) & 15;
  }
  signed char carry = 0;
  for (int i = 0; i < 63; i++) {
    e[i] += carry;
    carry = (signed char)((e[i] + 8) >> 4);
    e[i] -= (signed char)(carry * 16);
  }
  e[63] += carry;
}

// p += digit * row (negate: p -= digit * row).
static void add_digit(ge_p3 *p, const ge_cached row[8], signed char digit, int negate) {
  if (digit == 0) return;
  int positive = digit > 0;
  const ge_cached *multiple = &row[(positive ? digit : -digit) - 1];
  if (positive != negate) {
    add_to(p, multiple);
  } else {
    subtract_from(p, multiple);
  }
}

int sop_ed25519_verify(const sop_ed25519_table *key_table, const sop_ed25519_table *base_table,
                       const uint8_t *message, size_t message_len, const uint8_t signature[64]) {
  // ED25519_verify's checks, in its order: the key table exists only for a valid encoding.
  if ((signature[63] & 224) != 0) return 0;
  // s below the group order L (RFC 8032 5.1.7), compared from the top 64-bit word down.
  static const uint64_t order[4] = {
      UINT64_C(0x5812631a5cf5d3ed), UINT64_C(0x14def9dea2f79cd6), 0, UINT64_C(0x1000000000000000)};
  const uint8_t *s = signature + 32;
  for (int i = 3;; i--) {
    uint64_t word = 0;
    for (int b = 7; b >= 0; b--) word = (word << 8) | s[i * 8 + b];
    if (word > order[i]) return 0;
    if (word < order[i]) break;
    if (i == 0) return 0;
  }

  // h = SHA-512(R || A || M) mod L.
  uint8_t stack[512];
  size_t total = 64 + message_len;
  if (total < message_len) return 0;
  uint8_t *input = total <= sizeof(stack) ? stack : malloc(total);
  if (input == NULL) return 0;
  memcpy(input, signature, 32);
  memcpy(input + 32, key_table->encoding, 32);
  if (message_len > 0) memcpy(input + 64, message, message_len);
  uint8_t h[64];
  CCryptoBoringSSL_SHA512(input, total, h);
  if (input != stack) free(input);
  CCryptoBoringSSL_x25519_sc_reduce(h);

  // [s]B - [h]A: h < L and s < L, so both top bits are clear, as signed_digits needs.
  signed char s_digits[64];
  signed char h_digits[64];
  signed_digits(s_digits, s);
  signed_digits(h_digits, h);
  ge_p3 sum = identity();
  for (int i = 0; i < 64; i++) {
    add_digit(&sum, base_table->multiples[i], s_digits[i], 0);
    add_digit(&sum, key_table->multiples[i], h_digits[i], 1);
  }
  uint8_t check[32];
  encode(check, &sum);
  // Public values only, so a plain comparison (ED25519_verify uses CRYPTO_memcmp).
  return memcmp(check, signature, 32) == 0;
}

int sop_ed25519_multiple(uint8_t out[32], const sop_ed25519_table *table, const uint8_t scalar[32]) {
  if ((scalar[31] & 128) != 0) return 0;
  signed char digits[64];
  signed_digits(digits, scalar);
  ge_p3 sum = identity();
  for (int i = 0; i < 64; i++) add_digit(&sum, table->multiples[i], digits[i], 0);
  encode(out, &sum);
  return 1;
}

int sop_ed25519_tables_available(void) { return 1; }

#else

sop_ed25519_table *sop_ed25519_table_new(const uint8_t encoding[32]) { (void)encoding; return NULL; }
void sop_ed25519_table_free(sop_ed25519_table *table) { (void)table; }
int sop_ed25519_verify(const sop_ed25519_table *key_table, const sop_ed25519_table *base_table,
                       const uint8_t *message, size_t message_len, const uint8_t signature[64]) {
  (void)key_table; (void)base_table; (void)message; (void)message_len; (void)signature;
  return 0;
}
int sop_ed25519_multiple(uint8_t out[32], const sop_ed25519_table *table, const uint8_t scalar[32]) {
  (void)out; (void)table; (void)scalar;
  return 0;
}
int sop_ed25519_tables_available(void) { return 0; }

#endif
