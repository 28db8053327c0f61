/*
 * encoding.c
 *		The bridge between the server encoding and the UTF-8 the core reads,
 *		and the quoting of inputs in error messages.
 *
 * The core (literal.c, actual.c, goal_table.c ...) reads and writes UTF-8
 * only, and stored values are UTF-8 whatever the database encoding, so a
 * dump moves between databases of any encoding.  Every fmgr file crosses
 * to and from the server encoding here, exactly once per value.
 */
#include "compat.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "encoding.h"

/*
 * Server-encoding text as UTF-8, which is what the core reads and what the
 * payload stores.  In UTF-8 and SQL_ASCII databases this is the input itself.
 */
char *
ind_to_utf8(const char *s, int len, int *outlen)
{
	int			enc = GetDatabaseEncoding();
	char	   *r;

	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
	{
		*outlen = len;
		return unconstify(char *, s);
	}
	r = (char *) pg_do_encoding_conversion((unsigned char *) unconstify(char *, s),
										   len, enc, PG_UTF8);
	*outlen = (r == s) ? len : (int) strlen(r);
	return r;
}

/* A text datum's bytes as UTF-8 (a pointer into t when no conversion is needed). */
char *
ind_text_to_utf8(const text *t, int *outlen)
{
	return ind_to_utf8(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), outlen);
}

/* NUL-terminated UTF-8 text s[0..len) in the server encoding. */
char *
ind_from_utf8(const char *s, int len)
{
	char	   *copy = pnstrdup(s, len);
	int			enc = GetDatabaseEncoding();

	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
		return copy;
	return (char *) pg_do_encoding_conversion((unsigned char *) copy, len,
											  PG_UTF8, enc);
}

/* UTF-8 bytes as a text datum in the server encoding. */
text *
ind_text_from_utf8(const char *s, int len)
{
	return cstring_to_text(ind_from_utf8(s, len));
}

/* Quote at most IND_QUOTE_MAX_BYTES of the input, cut at a character boundary. */
char *
ind_quote(const char *input)
{
	int			len = (int) strlen(input);
	int			cut;

	if (len <= IND_QUOTE_MAX_BYTES)
		return unconstify(char *, input);
	cut = pg_mbcliplen(input, len, IND_QUOTE_MAX_BYTES);
	return psprintf("%.*s...", cut, input);
}
