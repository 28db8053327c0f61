/*
 * scorecard_wire.c
 *		The binary (send/recv) format of scorecard_state, written and read.
 *
 * int32 version, the counters as int64, the sums as pairs of int64 (high,
 * low), all in network byte order: IND_SC_WIRE_BYTES in all.
 *
 * Pure code.  A state is accepted only if it is valid (ind_sc_valid), so
 * binary input can never store what the text form would refuse.
 */
#include "postgres.h"

#include "byteorder.h"
#include "scorecard_wire.h"

void
ind_sc_encode_wire(const IndScorecard *sc, unsigned char *out)
{
	unsigned char *p = out;
	int			i;

	p = ind_put_be(p, sc->version, 4);
	for (i = 0; i < IND_SC_NCOUNTERS; i++)
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
	int			need = IND_SC_WIRE_BYTES;
	int			pos = 4;
	int			i;

	if (len != need)
	{
		snprintf(detail, detaillen, "A scorecard state is %d bytes; this message has %d.", need, len);
		return false;
	}
	ind_sc_init(sc);
	sc->version = (int32) ind_get_be(p, 4);
	if (sc->version != IND_SC_VERSION)
	{
		snprintf(detail, detaillen, "Unsupported scorecard state version %d.", sc->version);
		return false;
	}
	for (i = 0; i < IND_SC_NCOUNTERS; i++, pos += 8)
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
	return true;
}
