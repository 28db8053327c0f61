/*
 * indicator_wire.c
 *		The binary (send/recv) format of indicator, written and read.
 *
 * Version 1, integers in network byte order:
 *		int8 version, int8 nature, int8 comparator, then either
 *		int64 mantissa + int16 scale (twice for a range) + int32 length + unit,
 *		or, for a text target, int32 length + text.
 * Texts are in the client encoding; the fmgr layer converts them, so this
 * file sees bytes only.
 *
 * Pure code.  Every field is checked; a value is accepted only if its own
 * canonical text reads back to it, so binary input can never store what
 * text input could not.
 */
#include "postgres.h"

#include "byteorder.h"
#include "indicator_wire.h"
#include "units.h"

/* Bytes of the message for spec with a text field of text_len bytes. */
int
ind_wire_encoded_size(const IndSpec *spec, int text_len)
{
	int			n = 3 + 4 + text_len;

	if (spec->op != IND_OP_NONE)
		n += (spec->op == IND_OP_RANGE) ? 20 : 10;
	return n;
}

/*
 * Write spec's message into out (ind_wire_encoded_size() bytes); text is
 * the unit or the qualitative text, already in the client encoding.
 */
void
ind_wire_encode(const IndSpec *spec, const char *text, int text_len, unsigned char *out)
{
	unsigned char *p = out;

	*p++ = IND_WIRE_VERSION;
	*p++ = (unsigned char) spec->nature;
	*p++ = (unsigned char) spec->op;
	if (spec->op != IND_OP_NONE)
	{
		p = ind_put_be(p, spec->lo.mant, 8);
		p = ind_put_be(p, spec->lo.scale, 2);
		if (spec->op == IND_OP_RANGE)
		{
			p = ind_put_be(p, spec->hi.mant, 8);
			p = ind_put_be(p, spec->hi.scale, 2);
		}
	}
	p = ind_put_be(p, text_len, 4);
	if (text_len > 0)
		memcpy(p, text, text_len);
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
	d->mant = ind_get_be(p + *pos, 8);
	d->scale = (int) ind_get_be(p + *pos + 8, 2);
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
	if (p[2] > IND_OP_MAX)
	{
		snprintf(err->detail, sizeof(err->detail),
				 "Comparator code %d is outside 0..%d.", p[2], IND_OP_MAX);
		err->status = IND_ERR_BINARY;
		return IND_ERR_BINARY;
	}
	sent->nature = (IndNature) p[1];
	sent->op = (IndComparator) p[2];
	pos = 3;
	if (sent->op != IND_OP_NONE)
	{
		if ((st = get_decimal(p, len, &pos, &sent->lo, err)) != IND_OK)
			return st;
		if (sent->op == IND_OP_RANGE &&
			(st = get_decimal(p, len, &pos, &sent->hi, err)) != IND_OK)
			return st;
		maxlen = IND_MAX_UNIT_BYTES;
	}
	else
		maxlen = IND_MAX_TEXT_BYTES;
	if (len - pos < 4)
		return bad(err, "The message ends in the middle of a field.");
	n = ind_get_be(p + pos, 4);
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

/*
 * Put the decoded text field (now UTF-8) where it belongs: the target text
 * of a qualitative value, else the unit (none when empty).
 */
void
ind_wire_set_text(IndSpec *sent, const char *text, int text_len)
{
	if (sent->op == IND_OP_NONE)
	{
		sent->text = text;
		sent->text_len = text_len;
	}
	else
	{
		sent->unit = text_len > 0 ? text : NULL;
		sent->unit_len = text_len;
	}
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
	if (parsed->nature != sent->nature || parsed->op != sent->op ||
		(sent->op != IND_OP_NONE &&
		 (ind_decimal_cmp(parsed->lo, sent->lo) != 0 ||
		  (sent->op == IND_OP_RANGE && ind_decimal_cmp(parsed->hi, sent->hi) != 0))) ||
		parsed->text_len != sent->text_len ||
		(sent->text_len > 0 && memcmp(parsed->text, sent->text, sent->text_len) != 0) ||
		(parsed->unit_len == 0) != (sent->unit_len == 0))
		return bad(err, "The fields are not in canonical form (for example a text "
				   "with leading blanks, or a unit that reads as part of the target).");
	return IND_OK;
}
