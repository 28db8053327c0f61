/*
 * indicator_ops.c
 *		Comparison and hashing: the support of the default btree and hash
 *		operator classes.
 *
 * The order is total and deterministic: nature, then comparator, then unit
 * (bytewise), then the target numerically (lower bound, upper bound), then
 * the qualitative text (bytewise).  Every stored value is canonical, so two
 * values are equal exactly when all these fields are.
 */
#include "compat.h"

#include "common/hashfn.h"
#include "fmgr.h"

#include "indicator.h"

static int
compare_bytes(const char *a, int alen, const char *b, int blen)
{
	int			r = memcmp(a, b, Min(alen, blen));

	if (r != 0)
		return (r < 0) ? -1 : 1;
	return (alen < blen) ? -1 : (alen > blen) ? 1 : 0;
}

static int
spec_cmp(const IndSpec *a, const IndSpec *b)
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

static int
indicator_cmp_args(FunctionCallInfo fcinfo)
{
	Indicator  *a = PG_GETARG_INDICATOR_P(0);
	Indicator  *b = PG_GETARG_INDICATOR_P(1);
	IndSpec		sa,
				sb;
	int			r;

	ind_unpack(a, &sa);
	ind_unpack(b, &sb);
	r = spec_cmp(&sa, &sb);
	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return r;
}

PG_FUNCTION_INFO_V1(indicator_cmp);
Datum
indicator_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(indicator_cmp_args(fcinfo));
}

PG_FUNCTION_INFO_V1(indicator_eq);
Datum
indicator_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) == 0);
}

PG_FUNCTION_INFO_V1(indicator_ne);
Datum
indicator_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) != 0);
}

PG_FUNCTION_INFO_V1(indicator_lt);
Datum
indicator_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(indicator_le);
Datum
indicator_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(indicator_gt);
Datum
indicator_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(indicator_ge);
Datum
indicator_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(indicator_cmp_args(fcinfo) >= 0);
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
 * The 64-bit hash; the 32-bit one is its low half, so that seed 0 of the
 * extended hash agrees with the plain hash as the hash opclass expects.
 */
static uint64
spec_hash(const IndSpec *s, uint64 seed)
{
	unsigned char key[32];
	int			n = hash_key(s, key);
	uint64		h = seed;

	h = hash_bytes_portable(key, n, h, seed);
	if (s->op == IND_OP_NONE)
		return hash_bytes_portable((const unsigned char *) s->text, s->text_len, h, seed);
	return hash_bytes_portable((const unsigned char *) s->unit, s->unit_len, h, seed);
}

PG_FUNCTION_INFO_V1(indicator_hash);
Datum
indicator_hash(PG_FUNCTION_ARGS)
{
	Indicator  *v = PG_GETARG_INDICATOR_P(0);
	IndSpec		s;
	uint32		h;

	ind_unpack(v, &s);
	h = (uint32) spec_hash(&s, 0);
	PG_FREE_IF_COPY(v, 0);
	PG_RETURN_UINT32(h);
}

PG_FUNCTION_INFO_V1(indicator_hash_extended);
Datum
indicator_hash_extended(PG_FUNCTION_ARGS)
{
	Indicator  *v = PG_GETARG_INDICATOR_P(0);
	uint64		seed = PG_GETARG_INT64(1);
	IndSpec		s;
	uint64		h;

	ind_unpack(v, &s);
	h = spec_hash(&s, seed);
	PG_FREE_IF_COPY(v, 0);
	PG_RETURN_UINT64(h);
}
