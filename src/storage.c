/*
 * storage.c
 *		Encoding and decoding the on-disk payload described in storage.h.
 *
 * Pure code.  ind_decode() checks the structure of every byte it reads, so
 * a corrupt or hostile payload yields false rather than a wild read.
 */
#include "postgres.h"

#include "storage.h"

#define HDR_NATURE_MASK		0x03
#define HDR_OP_SHIFT		2
#define HDR_OP_MASK		0x07
#define HDR_HAS_UNIT		0x20
#define HDR_RESERVED		0xC0

/* Zigzag maps small negative and positive mantissas to small codes. */
static inline uint64
zigzag(int64 v)
{
	return ((uint64) v << 1) ^ (uint64) (v >> 63);
}

static inline int64
unzigzag(uint64 u)
{
	return (int64) (u >> 1) ^ -(int64) (u & 1);
}

static int
varint_size(uint64 u)
{
	int			n = 1;

	while (u >= 0x80)
	{
		u >>= 7;
		n++;
	}
	return n;
}

static int
put_varint(unsigned char *out, uint64 u)
{
	int			n = 0;

	while (u >= 0x80)
	{
		out[n++] = (unsigned char) (u | 0x80);
		u >>= 7;
	}
	out[n++] = (unsigned char) u;
	return n;
}

/* Read a varint of at most 10 bytes; 0 when malformed or truncated. */
static int
get_varint(const unsigned char *p, int len, uint64 *u)
{
	uint64		v = 0;
	int			shift = 0;
	int			n = 0;

	while (n < len && n < 10)
	{
		unsigned char b = p[n++];

		v |= (uint64) (b & 0x7F) << shift;
		if ((b & 0x80) == 0)
		{
			*u = v;
			return n;
		}
		shift += 7;
	}
	return 0;
}

/*
 * The mantissas of a quantitative spec at their shared scale.  Both bounds
 * are valid 18-digit decimals, so rescaling to the larger scale cannot
 * overflow 64 bits (it may exceed 18 digits, which the varint carries fine).
 */
static int
shared_scale(const IndSpec *spec, int64 *lo, int64 *hi)
{
	int			scale = spec->lo.scale;
	int			i;

	if (spec->op == IND_OP_RANGE && spec->hi.scale > scale)
		scale = spec->hi.scale;
	*lo = spec->lo.mant;
	for (i = spec->lo.scale; i < scale; i++)
		*lo *= 10;
	*hi = 0;
	if (spec->op == IND_OP_RANGE)
	{
		*hi = spec->hi.mant;
		for (i = spec->hi.scale; i < scale; i++)
			*hi *= 10;
	}
	return scale;
}

int
ind_encoded_size(const IndSpec *spec)
{
	int64		lo,
				hi;

	if (spec->op == IND_OP_NONE)
		return 2 + spec->text_len;
	shared_scale(spec, &lo, &hi);
	return 3 + varint_size(zigzag(lo)) +
		(spec->op == IND_OP_RANGE ? varint_size(zigzag(hi)) : 0) +
		spec->unit_len;
}

/* Write the payload of spec into out (ind_encoded_size bytes); returns its size. */
int
ind_encode(const IndSpec *spec, unsigned char *out)
{
	int			n = 0;
	int64		lo,
				hi;

	out[n++] = IND_FORMAT_VERSION;
	out[n++] = (unsigned char) (spec->nature |
								(spec->op << HDR_OP_SHIFT) |
								(spec->unit_len > 0 ? HDR_HAS_UNIT : 0));
	if (spec->op == IND_OP_NONE)
	{
		if (spec->text_len > 0)
			memcpy(out + n, spec->text, spec->text_len);
		return n + spec->text_len;
	}
	out[n++] = (unsigned char) shared_scale(spec, &lo, &hi);
	n += put_varint(out + n, zigzag(lo));
	if (spec->op == IND_OP_RANGE)
		n += put_varint(out + n, zigzag(hi));
	if (spec->unit_len > 0)
		memcpy(out + n, spec->unit, spec->unit_len);
	return n + spec->unit_len;
}

/*
 * Fill spec from a payload; text and unit point into p.  Returns false when
 * the bytes are not a well-formed version-1 payload.
 */
bool
ind_decode(const unsigned char *p, int len, IndSpec *spec)
{
	int			pos = 2;
	int			scale;
	uint64		u;
	int			n;
	unsigned char hdr;

	if (len < 2 || p[0] != IND_FORMAT_VERSION)
		return false;
	hdr = p[1];
	if (hdr & HDR_RESERVED)
		return false;
	spec->nature = (IndNature) (hdr & HDR_NATURE_MASK);
	spec->op = (IndComparator) ((hdr >> HDR_OP_SHIFT) & HDR_OP_MASK);
	if (spec->nature == 0 || spec->op > IND_OP_MAX)
		return false;

	spec->unit = NULL;
	spec->unit_len = 0;
	spec->text = NULL;
	spec->text_len = 0;
	if (spec->op == IND_OP_NONE)
	{
		if (hdr & HDR_HAS_UNIT)
			return false;
		spec->text = (const char *) p + pos;
		spec->text_len = len - pos;
		return true;
	}

	if (pos >= len)
		return false;
	scale = p[pos++];
	if (scale > IND_DEC_MAX_SCALE)
		return false;
	n = get_varint(p + pos, len - pos, &u);
	if (n == 0)
		return false;
	pos += n;
	spec->lo.mant = unzigzag(u);
	spec->lo.scale = scale;
	if (spec->op == IND_OP_RANGE)
	{
		/* the bounds share a scale, so either may carry trailing zeros */
		n = get_varint(p + pos, len - pos, &u);
		if (n == 0)
			return false;
		pos += n;
		spec->hi.mant = unzigzag(u);
		spec->hi.scale = scale;
		spec->lo = ind_decimal_normalize(spec->lo);
		spec->hi = ind_decimal_normalize(spec->hi);
		if (!ind_decimal_valid(spec->hi))
			return false;
	}
	if (!ind_decimal_valid(spec->lo))
		return false;
	if (hdr & HDR_HAS_UNIT)
	{
		if (pos >= len || len - pos > IND_MAX_UNIT_BYTES)
			return false;
		spec->unit = (const char *) p + pos;
		spec->unit_len = len - pos;
	}
	else if (pos != len)
		return false;
	return true;
}
