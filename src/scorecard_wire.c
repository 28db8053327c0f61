/*
 * scorecard_wire.c
 *		The binary (send/recv) format of scorecard_state, written and read.
 *
 * int32 version, the counters as int64, the sums as pairs of int64 (high,
 * low), all in network byte order.  Version 1 has eight counters (116
 * bytes) and is written while needs_person is 0, as a 1.3 library wrote
 * it; version 2 adds needs_person after manual_review (124 bytes).
 *
 * Pure code.  A state is accepted only if it is valid (ind_sc_valid), so
 * binary input can never store what the text form would refuse.
 */
#include "postgres.h"

#include "byteorder.h"
#include "scorecard_wire.h"

int
ind_sc_wire_size(const IndScorecard *sc)
{
	return sc->count[IND_SC_NEEDS_PERSON] != 0 ? IND_SC_WIRE_BYTES : IND_SC_WIRE_V1_BYTES;
}

void
ind_sc_encode_wire(const IndScorecard *sc, unsigned char *out)
{
	unsigned char *p = out;
	int			v2 = sc->count[IND_SC_NEEDS_PERSON] != 0;
	int			i;

	p = ind_put_be(p, v2 ? 2 : 1, 4);
	for (i = 0; i < (v2 ? IND_SC_NCOUNTERS : IND_SC_V1_COUNTERS); i++)
		p = ind_put_be(p, sc->count[i], 8);
	for (i = 0; i < IND_SC_NSUMS; i++)
	{
		p = ind_put_be(p, sc->sum_hi[i], 8);
		p = ind_put_be(p, (int64) sc->sum_lo[i], 8);
	}
}

/* A scorecard_state from its wire bytes; false (with a detail) when they are bad. */
bool
ind_sc_decode_wire(const char *str, int len, IndScorecard *sc, char *detail, int detaillen)
{
	const unsigned char *p = (const unsigned char *) str;
	int			pos = 4;
	int			version;
	int			ncounters;
	int			need;
	int			i;

	if (len < 4)
	{
		snprintf(detail, detaillen, "A scorecard state is %d or %d bytes; this message has %d.",
				 IND_SC_WIRE_V1_BYTES, IND_SC_WIRE_BYTES, len);
		return false;
	}
	version = (int32) ind_get_be(p, 4);
	if (version != 1 && version != 2)
	{
		snprintf(detail, detaillen, "Unsupported scorecard state version %d.", version);
		return false;
	}
	ncounters = version == 2 ? IND_SC_NCOUNTERS : IND_SC_V1_COUNTERS;
	need = version == 2 ? IND_SC_WIRE_BYTES : IND_SC_WIRE_V1_BYTES;
	if (len != need)
	{
		snprintf(detail, detaillen, "A version %d scorecard state is %d bytes; this message has %d.",
				 version, need, len);
		return false;
	}
	ind_sc_init(sc);
	for (i = 0; i < ncounters; i++, pos += 8)
		sc->count[i] = ind_get_be(p + pos, 8);
	for (i = 0; i < IND_SC_NSUMS; i++, pos += 16)
	{
		sc->sum_hi[i] = ind_get_be(p + pos, 8);
		sc->sum_lo[i] = (uint64) ind_get_be(p + pos + 8, 8);
	}
	if (!ind_sc_valid(sc))
	{
		snprintf(detail, detaillen, "The counters or sums contradict each other.");
		return false;
	}
	/* one form per state, so that send gives back the bytes recv took */
	if (version == 2 && sc->count[IND_SC_NEEDS_PERSON] == 0)
	{
		snprintf(detail, detaillen, "A version 2 state counts rows that need a person; without any it is sent as version 1.");
		return false;
	}
	return true;
}
