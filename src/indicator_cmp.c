/*
 * indicator_cmp.c
 *		Three-way comparison and hashing of indicator specifications: the
 *		logic of the default btree and hash operator classes.
 *
 * Pure code: no fmgr, no memory allocation, no ereport.  Both functions
 * take decoded specs (ind_decode), as the operator class support functions
 * in indicator_ops.c hand them over.
 *
 * The order is total and deterministic: nature, then comparator, then unit
 * (bytewise), then the target numerically (lower bound, upper bound), then
 * the qualitative text (bytewise).  Every stored value is canonical (its
 * decimals normalised, see decimal.h), so two values are equal exactly when
 * all these fields are, and then their canonical encodings are identical
 * too.  The hash reads the same fields, so equal values hash equal.
 */
#include "postgres.h"

#include "common/hashfn.h"

#include "indicator_cmp.h"

/*
 * Bytewise order of two strings, shorter first on a common prefix.  An empty
 * unit or text may come with a NULL pointer, and memcmp() must not see one
 * even for length 0 (C leaves that undefined, and UBSan reports it).
 */
static int
compare_bytes(const char *a, int alen, const char *b, int blen)
{
	int			common = Min(alen, blen);

	if (common > 0)
	{
		int			r = memcmp(a, b, common);

		if (r != 0)
			return (r < 0) ? -1 : 1;
	}
	return (alen < blen) ? -1 : (alen > blen) ? 1 : 0;
}

/* Returns -1, 0 or 1 as a sorts before, with or after b. */
int
ind_spec_cmp(const IndSpec *a, const IndSpec *b)
{
	int			r;

	if (a->nature != b->nature)
		return (a->nature < b->nature) ? -1 : 1;
	if (a->op != b->op)
		return (a->op < b->op) ? -1 : 1;
	if (a->op == IND_OP_NONE)
		return compare_bytes(a->text, a->text_len, b->text, b->text_len);
	r = compare_bytes(a->unit, a->unit_len, b->unit, b->unit_len);
	if (r != 0)
		return r;
	r = ind_decimal_cmp(a->lo, b->lo);
	if (r != 0 || a->op != IND_OP_RANGE)
		return r;
	return ind_decimal_cmp(a->hi, b->hi);
}

/*
 * The bytes that identify a value for hashing: header fields, the bounds at
 * their own normalised scales (so the hash never depends on how a range was
 * stored) and the texts.  Built byte by byte, so identical on every platform.
 */
static int
hash_key(const IndSpec *s, unsigned char *key)
{
	int			n = 0;
	int			i;

	key[n++] = (unsigned char) s->nature;
	key[n++] = (unsigned char) s->op;
	if (s->op != IND_OP_NONE)
	{
		const IndDecimal *d[2] = {&s->lo, &s->hi};
		int			nd = (s->op == IND_OP_RANGE) ? 2 : 1;
		int			j;

		for (j = 0; j < nd; j++)
		{
			uint64		m = (uint64) d[j]->mant;

			for (i = 0; i < 8; i++)
				key[n++] = (unsigned char) (m >> (8 * i));
			key[n++] = (unsigned char) d[j]->scale;
		}
	}
	return n;
}

/*
 * Hash a byte string as little-endian 32-bit words with the server's integer
 * hash, which is defined on values rather than on memory layout: unlike
 * hash_any() over raw bytes, the result is the same on every architecture.
 */
static uint64
hash_bytes_portable(const unsigned char *p, int len, uint64 h, uint64 seed)
{
	int			i;

	for (i = 0; i < len; i += 4)
	{
		uint32		w = 0;
		int			j;

		for (j = 0; j < 4 && i + j < len; j++)
			w |= (uint32) p[i + j] << (8 * j);
		h = hash_combine64(h, hash_bytes_uint32_extended(w, seed));
	}
	/* the length separates "ab" + "" from "a" + "b" */
	return hash_combine64(h, hash_bytes_uint32_extended((uint32) len, seed));
}

/*
 * The 64-bit hash.  The values of this function are pinned by the
 * regression tests: hash indexes and hash partitions store them, so any
 * change breaks upgrades.
 */
uint64
ind_spec_hash(const IndSpec *spec, uint64 seed)
{
	unsigned char key[32];
	int			n = hash_key(spec, key);
	uint64		h = seed;

	h = hash_bytes_portable(key, n, h, seed);
	if (spec->op == IND_OP_NONE)
		return hash_bytes_portable((const unsigned char *) spec->text,
								   spec->text_len, h, seed);
	return hash_bytes_portable((const unsigned char *) spec->unit,
							   spec->unit_len, h, seed);
}
