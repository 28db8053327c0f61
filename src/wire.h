/*
 * wire.h
 *		The binary (send/recv) formats of indicator and scorecard_state, read
 *		and validated in pure code so that fuzzers reach the same checks.
 */
#ifndef INDICATOR_WIRE_H
#define INDICATOR_WIRE_H

#include "postgres.h"

#include "literal.h"
#include "scorecard.h"

#define IND_WIRE_VERSION 1

extern IndStatus ind_wire_decode(const char *p, int len, IndSpec *sent,
								 const char **text, int *text_len, IndError *err);
extern IndStatus ind_wire_check(IndSpec *sent, IndSpec *parsed, char *canon, IndError *err);
extern int	ind_wire_check_buflen(const IndSpec *sent);
extern bool ind_sc_decode_wire(const char *p, int len, IndScorecard *sc,
							   char *detail, int detaillen);

#endif							/* INDICATOR_WIRE_H */
