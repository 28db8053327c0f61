/*
 * error.c
 *		Filling an IndError: the status and a detail text that quotes at most
 *		a readable piece of the input.
 *
 * Pure code: no ereport here.  The detail buffer is fixed, so a detail can
 * never grow with the input.
 */
#include "postgres.h"

#include <stdarg.h>

#include "error.h"
#include "scan.h"

/* Characters of the input a detail quotes before "...". */
#define TOKEN_MAX_CHARS 40

IndStatus
ind_failf(IndError *err, IndStatus status, const char *fmt,...)
{
	va_list		args;

	err->status = status;
	va_start(args, fmt);
	vsnprintf(err->detail, sizeof(err->detail), fmt, args);
	va_end(args);
	return status;
}

static IndStatus
fail_piece(IndError *err, IndStatus status, const char *fmt, const char *tok, int toklen,
		   bool stop_at_blank)
{
	char		token[4 * TOKEN_MAX_CHARS + 4];
	bool		cut;
	int			n;

	if (tok == NULL)
	{
		tok = "";
		toklen = 0;
	}
	n = ind_clip_token(tok, toklen, TOKEN_MAX_CHARS, stop_at_blank, &cut);
	if (n == 0 && toklen > 0)
		n = ind_char_len(tok, toklen);
	memcpy(token, tok, n);
	if (cut)
		memcpy(token + n, "...", 4);
	else
		token[n] = '\0';
	err->status = status;
	snprintf(err->detail, sizeof(err->detail), fmt, token);
	return status;
}

IndStatus
ind_fail_token(IndError *err, IndStatus status, const char *fmt, const char *tok, int toklen)
{
	return fail_piece(err, status, fmt, tok, toklen, true);
}

IndStatus
ind_fail_cell(IndError *err, IndStatus status, const char *fmt, const char *cell, int len)
{
	return fail_piece(err, status, fmt, cell, len, false);
}
