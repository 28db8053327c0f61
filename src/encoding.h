/*
 * encoding.h
 *		Server encoding <-> UTF-8, and input quoting for error messages.
 */
#ifndef INDICATOR_ENCODING_H
#define INDICATOR_ENCODING_H

#include "compat.h"

/* How much of a rejected input an error message quotes. */
#define IND_QUOTE_MAX_BYTES 200

extern char *ind_to_utf8(const char *s, int len, int *outlen);
extern char *ind_text_to_utf8(const text *t, int *outlen);
extern char *ind_from_utf8(const char *s, int len);
extern text *ind_text_from_utf8(const char *s, int len);
extern char *ind_quote(const char *input);

/* A NUL-terminated UTF-8 string (the vocabularies' names) as text. */
#define UTF8_TEXT(s) ind_text_from_utf8((s), (int) strlen(s))

#endif							/* INDICATOR_ENCODING_H */
