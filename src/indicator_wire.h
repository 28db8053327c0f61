/*
 * indicator_wire.h
 *		The binary (send/recv) format of indicator, in pure code so that
 *		fuzzers reach the same checks.
 */
#ifndef INDICATOR_INDICATOR_WIRE_H
#define INDICATOR_INDICATOR_WIRE_H

#include "postgres.h"

#include "literal.h"

#define IND_WIRE_VERSION 1

extern int	ind_wire_encoded_size(const IndSpec *spec, int text_len);
extern void ind_wire_encode(const IndSpec *spec, const char *text, int text_len,
							unsigned char *out);
extern IndStatus ind_wire_decode(const char *p, int len, IndSpec *sent,
								 const char **text, int *text_len, IndError *err);
extern void ind_wire_set_text(IndSpec *sent, const char *text, int text_len);
extern IndStatus ind_wire_check(IndSpec *sent, IndSpec *parsed, char *canon, IndError *err);
extern int	ind_wire_check_buflen(const IndSpec *sent);

#endif							/* INDICATOR_INDICATOR_WIRE_H */
