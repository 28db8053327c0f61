/*
 * scorecard.h
 *		The state of the scorecard aggregate: exact sums and counts.
 *
 * The state is a real SQL type (scorecard_state), not internal, so that
 * parallel workers, Citus and postgres_fdw can move partial states as text
 * or binary.  Sums are 128-bit fixed-point integers with six decimals, so
 * the same rows give the same bits whatever the plan.
 */
#ifndef INDICATOR_SCORECARD_H
#define INDICATOR_SCORECARD_H

#include "postgres.h"

#include "decimal.h"
#include "score.h"

#define IND_SC_SCALE		6	/* decimals kept by every sum */
/*
 * The layout of the value in memory and on disk.  Version 1 (up to
 * extension 1.3) had no needs_person counter; such values, still stored in
 * tables, are read through ind_sc_upgrade().  The text and binary forms are
 * written as version 1 while needs_person is 0, so that they stay what
 * they were for every state that a 1.3 library could have made.
 */
#define IND_SC_VERSION		2

/* The counters, in their text and wire order. */
typedef enum IndScCounter
{
	IND_SC_INDICATORS = 0,		/* rows with an indicator and a weight */
	IND_SC_MET,
	IND_SC_UNMET,
	IND_SC_UNSCORED,			/* actual NULL */
	IND_SC_FLAGGED,				/* over-completed, reason required or review */
	IND_SC_OVER,
	IND_SC_REASON,
	IND_SC_REVIEW,
	IND_SC_NEEDS_PERSON,		/* an actual only a person can score (2) */
	IND_SC_NCOUNTERS
} IndScCounter;

#define IND_SC_V1_COUNTERS	IND_SC_NEEDS_PERSON

typedef enum IndScSum
{
	IND_SC_WEIGHT = 0,			/* all weights */
	IND_SC_SCORE,				/* all points */
	IND_SC_SCORED_WEIGHT,		/* weights of scored rows */
	IND_SC_NSUMS
} IndScSum;

/* The value of a scorecard_state (a varlena with plain storage). */
typedef struct IndScorecard
{
	int32		vl_len_;
	int32		version;
	int64		count[IND_SC_NCOUNTERS];
	int64		sum_hi[IND_SC_NSUMS];	/* int128 sums as two halves, so the */
	uint64		sum_lo[IND_SC_NSUMS];	/* struct needs only 8-byte alignment */
} IndScorecard;

/* The size of a version-1 value: one counter less. */
#define IND_SC_V1_SIZE		(sizeof(IndScorecard) - sizeof(int64))

extern void ind_sc_init(IndScorecard *sc);
extern bool ind_sc_upgrade(const void *v1, Size size, IndScorecard *sc);
extern bool ind_sc_add(IndScorecard *sc, IndDecimal weight, const IndScore *s, int sign);
extern bool ind_sc_add_unscored(IndScorecard *sc, IndDecimal weight, int sign);
extern bool ind_sc_add_needs_person(IndScorecard *sc, IndDecimal weight, int sign);
extern bool ind_sc_combine(IndScorecard *into, const IndScorecard *from);
extern int128 ind_sc_sum(const IndScorecard *sc, IndScSum which);
extern int	ind_sc_format(const IndScorecard *sc, char *buf, int buflen);
extern bool ind_sc_parse(const char *s, int len, IndScorecard *sc, char *detail, int detaillen);
extern bool ind_sc_valid(const IndScorecard *sc);

#endif							/* INDICATOR_SCORECARD_H */
