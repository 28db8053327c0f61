/*
 * fuzz_compare.c
 *		libFuzzer target: the order and the hash of the operator classes
 *		(indicator_cmp.c), on the values the server would compare.
 *
 * The input is up to three parts separated by newlines.  Each part is read
 * as a literal and, separately, as a stored payload (as if from a corrupt
 * page, which ind_unpack would let through when it decodes).  A literal is
 * stored and read back before it is compared, because the server only ever
 * compares stored values.  Over all the values so made, the promises:
 *
 *	- the order is a total order: reflexive, antisymmetric and transitive,
 *	  with results -1, 0 and 1 only;
 *	- values that compare equal hash equal, for any seed;
 *	- values compare equal exactly when their canonical encodings are the
 *	  same bytes.  Stored values are canonical (decimals normalised, the
 *	  bounds at their shared scale), so equality is identity of the stored
 *	  value: what indicator_cmp() and the hash opclass assume.  Equal values
 *	  need not have had the same input bytes (a payload may spell a varint
 *	  with padding, or a range at a larger scale), only the same encoding;
 *	- a literal compares equal to its stored value, with the same hash.
 */
#include "postgres.h"

#include <stdlib.h>

#include "indicator_cmp.h"
#include "literal.h"
#include "storage.h"

#define MAX_PARTS	3
#define MAX_VALUES	(2 * MAX_PARTS)

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A value to compare: a decoded spec and its canonical encoding. */
typedef struct Value
{
	IndSpec		spec;			/* points into bytes, or into a part */
	unsigned char *bytes;
	int			len;
} Value;

static const uint64 seeds[] = {0, 1, 42, UINT64CONST(0x9e3779b97f4a7c15)};

/* The canonical encoding of spec, in v (allocated). */
static void
encode(const IndSpec *spec, Value *v)
{
	v->len = ind_encoded_size(spec);
	v->bytes = malloc(v->len);
	if (ind_encode(spec, v->bytes) != v->len)
		abort();				/* the size must be what encoding writes */
}

static bool
same_hashes(const IndSpec *a, const IndSpec *b)
{
	int			i;

	for (i = 0; i < (int) lengthof(seeds); i++)
		if (ind_spec_hash(a, seeds[i]) != ind_spec_hash(b, seeds[i]))
			return false;
	return true;
}

/*
 * A literal, as the server compares it: stored, then decoded in place from
 * its stored bytes.
 */
static bool
from_literal(const char *s, int len, Value *v)
{
	IndSpec		parsed;
	IndError	err;

	if (ind_parse_literal(s, len, &parsed, &err) != IND_OK)
		return false;
	encode(&parsed, v);
	if (!ind_decode(v->bytes, v->len, &v->spec))
		abort();				/* what input accepts must store */
	if (ind_spec_cmp(&parsed, &v->spec) != 0 || !same_hashes(&parsed, &v->spec))
		abort();				/* and storing must not change the value */
	return true;
}

/* Raw payload bytes, decoded where they lie; bytes holds their re-encoding. */
static bool
from_payload(const char *s, int len, Value *v)
{
	if (!ind_decode((const unsigned char *) s, len, &v->spec))
		return false;
	encode(&v->spec, v);
	return true;
}

static bool
same_bytes(const Value *a, const Value *b)
{
	return a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	int			len = (int) Min(size, 1 << 16);
	Value		v[MAX_VALUES];
	int			nv = 0;
	int			start = 0;
	int			nparts = 0;
	int			i,
				j,
				k;

	for (i = 0; i <= len && nparts < MAX_PARTS; i++)
	{
		if (i < len && s[i] != '\n')
			continue;
		/* the last part takes the rest, newlines and all */
		if (nparts == MAX_PARTS - 1)
			i = len;
		if (from_literal(s + start, i - start, &v[nv]))
			nv++;
		if (from_payload(s + start, i - start, &v[nv]))
			nv++;
		nparts++;
		start = i + 1;
	}

	for (i = 0; i < nv; i++)
	{
		if (ind_spec_cmp(&v[i].spec, &v[i].spec) != 0)
			abort();			/* reflexive */
		for (j = 0; j < nv; j++)
		{
			int			r = ind_spec_cmp(&v[i].spec, &v[j].spec);

			if (r < -1 || r > 1)
				abort();		/* -1, 0 or 1, as documented */
			if (r != -ind_spec_cmp(&v[j].spec, &v[i].spec))
				abort();		/* antisymmetric */
			if ((r == 0) != same_bytes(&v[i], &v[j]))
				abort();		/* equal exactly when the same stored value */
			if (r == 0 && !same_hashes(&v[i].spec, &v[j].spec))
				abort();		/* equal values hash equal */
			for (k = 0; k < nv; k++)
			{
				int			r2 = ind_spec_cmp(&v[j].spec, &v[k].spec);
				int			r3 = ind_spec_cmp(&v[i].spec, &v[k].spec);

				/*
				 * transitive: a <= b <= c gives a <= c (over all orders of
				 * the three, with antisymmetry, that makes < and = so too)
				 */
				if (r <= 0 && r2 <= 0 && r3 > 0)
					abort();
			}
		}
	}

	for (i = 0; i < nv; i++)
		free(v[i].bytes);
	return 0;
}
