/*
 * scorecard_wire.h
 *		The binary (send/recv) format of scorecard_state, in pure code so
 *		that fuzzers reach the same checks.
 */
#ifndef INDICATOR_SCORECARD_WIRE_H
#define INDICATOR_SCORECARD_WIRE_H

#include "postgres.h"

#include "scorecard.h"

/* Version 1 (no needs_person), written while no row needs a person; and version 2. */
#define IND_SC_WIRE_V1_BYTES	(4 + 8 * IND_SC_V1_COUNTERS + 16 * IND_SC_NSUMS)
#define IND_SC_WIRE_BYTES	(4 + 8 * IND_SC_NCOUNTERS + 16 * IND_SC_NSUMS)

extern int	ind_sc_wire_size(const IndScorecard *sc);
extern void ind_sc_encode_wire(const IndScorecard *sc, unsigned char *out);
extern bool ind_sc_decode_wire(const char *p, int len, IndScorecard *sc,
							   char *detail, int detaillen);

#endif							/* INDICATOR_SCORECARD_WIRE_H */
