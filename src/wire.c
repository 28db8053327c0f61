/*
 * wire.c
 *		Reading the wire formats of indicator and scorecard_state.
 *
 * indicator, version 1 (integers in network byte order):
 *		int8 version, int8 nature, int8 comparator, then either
 *		int64 mantissa + int16 scale (twice for a range) + int32 length + unit,
 *		or, for a text target, int32 length + text.
 * scorecard_state: int32 version, the counters as int64, the sums as pairs
 * of int64 (high, low).
 *
 * Pure code.  Every field is checked; a value is accepted only if its own
 * canonical text reads back to it, so binary input can never store what
 * text input could not.
 */
#include "postgres.h"

#include "wire.h"

static int64
get_be(const unsigned char *p, int n)
{
	uint64		v = 0;
	int			i;

	for (i = 0; i < n; i++)
		v = (v << 8) | p[i];
	/* sign-extend fields narrower than 64 bits */
	if (n < 8 && (v & ((uint64) 1 << (8 * n - 1))))
		v |= ~(((uint64) 1 << (8 * n)) - 1);
	return (int64) v;
}

static IndStatus
bad(IndError *err, const char *detail)
{
	err->status = IND_ERR_BINARY;
	snprintf(err->detail, sizeof(err->detail), "%s", detail);
	return IND_ERR_BINARY;
}

/* Read a decimal (int64 mantissa, int16 scale) at p[*pos]. */
static IndStatus
get_decimal(const unsigned char *p, int len, int *pos, IndDecimal *d, IndError *err)
{
	if (len - *pos < 10)
		return bad(err, "The message ends in the middle of a field.");
	d->mant = get_be(p + *pos, 8);
	d->scale = (int) get_be(p + *pos + 8, 2);
	*pos += 10;
	if (d->scale < 0 || d->scale > IND_DEC_MAX_SCALE)
		return bad(err, "A target scale is outside 0..18.");
	*d = ind_decimal_normalize(*d);
	if (!ind_decimal_valid(*d))
		return bad(err, "A target has more than 18 significant digits.");
	return IND_OK;
}

/*
 * Read the fields of a wire value.  The text field (unit or qualitative
 * text) comes back as raw bytes in *text: the caller converts its encoding
 * and stores it in sent before ind_wire_check().
 */
IndStatus
ind_wire_decode(const char *str, int len, IndSpec *sent, const char **text, int *text_len,
				IndError *err)
{
	const unsigned char *p = (const unsigned char *) str;
	int			pos = 0;
	int			maxlen;
	int64		n;
	IndStatus	st;

	memset(sent, 0, sizeof(*sent));
	err->status = IND_OK;
	err->detail[0] = '\0';
	if (len < 3)
		return bad(err, "The message ends in the middle of a field.");
	if (p[0] != IND_WIRE_VERSION)
	{
		snprintf(err->detail, sizeof(err->detail),
				 "Unsupported wire format version %d; this server reads version %d.",
				 p[0], IND_WIRE_VERSION);
		err->status = IND_ERR_BINARY;
		return IND_ERR_BINARY;
	}
	if (p[1] < IND_NATURE_POSITIVE || p[1] > IND_NATURE_QUALITATIVE)
	{
		snprintf(err->detail, sizeof(err->detail),
				 "Nature code %d is not 1 (正向), 2 (反向) or 3 (定性).", p[1]);
		err->status = IND_ERR_BINARY;
		return IND_ERR_BINARY;
	}
	if (p[2] > IND_CMP_MAX)
	{
		snprintf(err->detail, sizeof(err->detail),
				 "Comparator code %d is outside 0..%d.", p[2], IND_CMP_MAX);
		err->status = IND_ERR_BINARY;
		return IND_ERR_BINARY;
	}
	sent->nature = (IndNature) p[1];
	sent->cmp = (IndComparator) p[2];
	pos = 3;
	if (sent->cmp != IND_CMP_NONE)
	{
		if ((st = get_decimal(p, len, &pos, &sent->lo, err)) != IND_OK)
			return st;
		if (sent->cmp == IND_CMP_RANGE &&
			(st = get_decimal(p, len, &pos, &sent->hi, err)) != IND_OK)
			return st;
		maxlen = IND_MAX_UNIT_BYTES;
	}
	else
		maxlen = IND_MAX_TEXT_BYTES;
	if (len - pos < 4)
		return bad(err, "The message ends in the middle of a field.");
	n = get_be(p + pos, 4);
	pos += 4;
	if (n < 0 || n > len - pos)
		return bad(err, "A text length is negative or runs past the end of the message.");
	/* client encodings take at most four bytes a character */
	if (n > (int64) maxlen * 4)
		return bad(err, "A text field is longer than the type allows.");
	*text = str + pos;
	*text_len = (int) n;
	pos += (int) n;
	if (pos != len)
		return bad(err, "Extra bytes follow the last field.");
	return IND_OK;
}

int
ind_wire_check_buflen(const IndSpec *sent)
{
	return ind_format_length(sent);
}

/*
 * Validate sent (text fields now UTF-8) and require that its canonical
 * text reads back to the same value; *parsed is the value to store, with
 * unit aliases canonicalised as text input does.  canon must hold
 * ind_wire_check_buflen(sent) bytes.
 */
IndStatus
ind_wire_check(IndSpec *sent, IndSpec *parsed, char *canon, IndError *err)
{
	int			len;
	IndError	perr;

	if (ind_check_spec(sent, err) != IND_OK)
		return bad(err, err->detail);
	if (sent->unit_len > IND_MAX_UNIT_BYTES)
		return bad(err, "The unit is longer than " CppAsString2(IND_MAX_UNIT_BYTES) " bytes.");
	len = ind_format(sent, canon);
	if (ind_parse_literal(canon, len, parsed, &perr) != IND_OK)
	{
		err->status = IND_ERR_BINARY;
		snprintf(err->detail, sizeof(err->detail),
				 "The fields do not form a valid indicator: %s", perr.detail);
		return IND_ERR_BINARY;
	}
	if (parsed->nature != sent->nature || parsed->cmp != sent->cmp ||
		(sent->cmp != IND_CMP_NONE &&
		 (ind_decimal_cmp(parsed->lo, sent->lo) != 0 ||
		  (sent->cmp == IND_CMP_RANGE && ind_decimal_cmp(parsed->hi, sent->hi) != 0))) ||
		parsed->text_len != sent->text_len ||
		(sent->text_len > 0 && memcmp(parsed->text, sent->text, sent->text_len) != 0) ||
		(parsed->unit_len == 0) != (sent->unit_len == 0))
		return bad(err, "The fields are not in canonical form (for example a text "
				   "with leading blanks, or a unit that reads as part of the target).");
	return IND_OK;
}

/* A scorecard_state from its wire bytes; false (with a detail) when they are bad. */
bool
ind_sc_decode_wire(const char *str, int len, IndScorecard *sc, char *detail, int detaillen)
{
	const unsigned char *p = (const unsigned char *) str;
	int			need = 4 + 8 * IND_SC_NCOUNTERS + 16 * IND_SC_NSUMS;
	int			pos = 4;
	int			i;

	if (len != need)
	{
		snprintf(detail, detaillen, "A scorecard state is %d bytes; this message has %d.", need, len);
		return false;
	}
	ind_sc_init(sc);
	sc->version = (int32) get_be(p, 4);
	if (sc->version != IND_SC_VERSION)
	{
		snprintf(detail, detaillen, "Unsupported scorecard state version %d.", sc->version);
		return false;
	}
	for (i = 0; i < IND_SC_NCOUNTERS; i++, pos += 8)
		sc->count[i] = get_be(p + pos, 8);
	for (i = 0; i < IND_SC_NSUMS; i++, pos += 16)
	{
		sc->sum_hi[i] = get_be(p + pos, 8);
		sc->sum_lo[i] = (uint64) get_be(p + pos + 8, 8);
	}
	if (!ind_sc_valid(sc))
	{
		snprintf(detail, detaillen, "The counters or sums contradict each other.");
		return false;
	}
	return true;
}
