/*
 * monitor_state.h
 *		The state of the monitor aggregate: counts per light and exact sums.
 *
 * Like scorecard_state, a real SQL type (monitor_state), so that parallel
 * workers, Citus and postgres_fdw move partial states as text or binary.
 * Sums are 128-bit fixed-point integers, so the same rows give the same
 * bits whatever the plan.
 */
#ifndef INDICATOR_MONITOR_STATE_H
#define INDICATOR_MONITOR_STATE_H

#include "postgres.h"

#include "monitor.h"

#define IND_MON_VERSION		1
#define IND_MON_WEIGHT_SCALE	6	/* weights, as the scorecard keeps them */
#define IND_MON_COMPLETION_SCALE 8	/* weight (6) times completion % (2) */

/* The counters, in their text and wire order. */
typedef enum IndMonCounter
{
	IND_MON_INDICATORS = 0,		/* rows with an indicator and a weight */
	IND_MON_RED,
	IND_MON_YELLOW,
	IND_MON_GREEN,
	IND_MON_BLUE,
	IND_MON_UNLIT,				/* no light: actual NULL, or a person must judge */
	IND_MON_REASONS,			/* rows that require a deviation reason */
	IND_MON_NCOUNTERS
} IndMonCounter;

typedef enum IndMonSum
{
	IND_MON_WEIGHT = 0,			/* all weights */
	IND_MON_COMPLETION_WEIGHT,	/* weights of rows with a completion */
	IND_MON_COMPLETION,			/* sum of weight x min(completion %, 100) */
	IND_MON_NSUMS
} IndMonSum;

typedef struct IndMonitorState
{
	int32		vl_len_;
	int32		version;
	int64		count[IND_MON_NCOUNTERS];
	int64		sum_hi[IND_MON_NSUMS];
	uint64		sum_lo[IND_MON_NSUMS];
} IndMonitorState;

#define IND_MON_WIRE_BYTES	(4 + 8 * IND_MON_NCOUNTERS + 16 * IND_MON_NSUMS)

extern void ind_mon_init(IndMonitorState *ms);
extern bool ind_mon_add(IndMonitorState *ms, IndDecimal weight, const IndMonitor *m);
extern bool ind_mon_combine(IndMonitorState *into, const IndMonitorState *from);
extern int128 ind_mon_sum(const IndMonitorState *ms, IndMonSum which);
extern IndLight ind_mon_worst(const IndMonitorState *ms);
extern bool ind_mon_valid(const IndMonitorState *ms);
extern int	ind_mon_format(const IndMonitorState *ms, char *buf, int buflen);
extern bool ind_mon_parse(const char *s, int len, IndMonitorState *ms, char *detail, int detaillen);
extern void ind_mon_encode_wire(const IndMonitorState *ms, unsigned char *out);
extern bool ind_mon_decode_wire(const char *p, int len, IndMonitorState *ms, char *detail,
								int detaillen);

#endif							/* INDICATOR_MONITOR_STATE_H */
