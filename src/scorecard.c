/*
 * scorecard.c
 *		Adding scored rows to a scorecard state, merging states, and the
 *		state's text form.
 *
 * Pure code.  Every sum is an exact integer count of millionths, so adding
 * rows in any order and merging partial states in any grouping gives the
 * same state: serial, parallel and distributed plans agree to the bit.
 */
#include "compat.h"

#include "fixed.h"
#include "scorecard.h"
#include "scan.h"

static const char *const counter_names[IND_SC_NCOUNTERS] = {
	"indicators", "met", "unmet", "unscored", "flagged", "over_completed",
	"reason_required", "manual_review", "needs_person"
};
static const char *const sum_names[IND_SC_NSUMS] = {"weight", "score", "scored_weight"};

void
ind_sc_init(IndScorecard *sc)
{
	memset(sc, 0, sizeof(*sc));
	SET_VARSIZE(sc, sizeof(IndScorecard));
	sc->version = IND_SC_VERSION;
}

int128
ind_sc_sum(const IndScorecard *sc, IndScSum which)
{
	return ind_int128_join(sc->sum_hi[which], sc->sum_lo[which]);
}

static void
set_sum(IndScorecard *sc, IndScSum which, int128 v)
{
	ind_int128_split(v, &sc->sum_hi[which], &sc->sum_lo[which]);
}

/* d in millionths; false when d has more than six decimals. */
static inline bool
millionths(IndDecimal d, int128 *out)
{
	return ind_fixed_of(d, IND_SC_SCALE, out);
}

static bool
add_sum(IndScorecard *sc, IndScSum which, int128 v)
{
	int128		r;

	if (__builtin_add_overflow(ind_sc_sum(sc, which), v, &r))
		return false;
	set_sum(sc, which, r);
	return true;
}

/* Count an unscored row (actual NULL); sign -1 removes it (moving windows). */
bool
ind_sc_add_unscored(IndScorecard *sc, IndDecimal weight, int sign)
{
	int128		w;

	if (!millionths(weight, &w))
		return false;
	sc->count[IND_SC_INDICATORS] += sign;
	sc->count[IND_SC_UNSCORED] += sign;
	return add_sum(sc, IND_SC_WEIGHT, sign * w);
}

/* Count a row only a person can score: its weight counts, it has no points. */
bool
ind_sc_add_needs_person(IndScorecard *sc, IndDecimal weight, int sign)
{
	int128		w;

	if (!millionths(weight, &w))
		return false;
	sc->count[IND_SC_INDICATORS] += sign;
	sc->count[IND_SC_NEEDS_PERSON] += sign;
	return add_sum(sc, IND_SC_WEIGHT, sign * w);
}

/*
 * A version-1 value (stored by extension 1.3 or before) in the current
 * layout: its counters, no row needing a person, its sums.  false when it
 * is not one.
 */
bool
ind_sc_upgrade(const void *v1, Size size, IndScorecard *sc)
{
	const char *p = (const char *) v1;
	int32		version;
	int			i;

	if (size != IND_SC_V1_SIZE)
		return false;
	memcpy(&version, p + offsetof(IndScorecard, version), sizeof(int32));
	if (version != 1)
		return false;
	ind_sc_init(sc);
	memcpy(sc->count, p + offsetof(IndScorecard, count), IND_SC_V1_COUNTERS * sizeof(int64));
	/* the sums came right after the eight counters */
	for (i = 0; i < IND_SC_NSUMS; i++)
	{
		memcpy(&sc->sum_hi[i], p + offsetof(IndScorecard, count) + (IND_SC_V1_COUNTERS + i) * sizeof(int64),
			   sizeof(int64));
		memcpy(&sc->sum_lo[i], p + offsetof(IndScorecard, count) +
			   (IND_SC_V1_COUNTERS + IND_SC_NSUMS + i) * sizeof(int64), sizeof(uint64));
	}
	return true;
}

/* Count a scored row; sign -1 removes it. */
bool
ind_sc_add(IndScorecard *sc, IndDecimal weight, const IndScore *s, int sign)
{
	int128		w,
				p;

	if (!millionths(weight, &w) || !millionths(s->points, &p))
		return false;
	sc->count[IND_SC_INDICATORS] += sign;
	sc->count[s->met ? IND_SC_MET : IND_SC_UNMET] += sign;
	if (s->over_completed || s->reason_required || s->manual_review)
		sc->count[IND_SC_FLAGGED] += sign;
	if (s->over_completed)
		sc->count[IND_SC_OVER] += sign;
	if (s->reason_required)
		sc->count[IND_SC_REASON] += sign;
	if (s->manual_review)
		sc->count[IND_SC_REVIEW] += sign;
	return add_sum(sc, IND_SC_WEIGHT, sign * w) &&
		add_sum(sc, IND_SC_SCORE, sign * p) &&
		add_sum(sc, IND_SC_SCORED_WEIGHT, sign * w);
}

bool
ind_sc_combine(IndScorecard *into, const IndScorecard *from)
{
	int			i;

	for (i = 0; i < IND_SC_NCOUNTERS; i++)
		if (__builtin_add_overflow(into->count[i], from->count[i], &into->count[i]))
			return false;
	for (i = 0; i < IND_SC_NSUMS; i++)
		if (!add_sum(into, (IndScSum) i, ind_sc_sum(from, (IndScSum) i)))
			return false;
	return true;
}

/* Counters are not negative and never exceed the indicators counted. */
bool
ind_sc_valid(const IndScorecard *sc)
{
	int			i;

	if (sc->version != IND_SC_VERSION)
		return false;
	for (i = 0; i < IND_SC_NCOUNTERS; i++)
		if (sc->count[i] < 0 || sc->count[i] > sc->count[IND_SC_INDICATORS])
			return false;
	/* summed in 128 bits: three counters near the 64-bit limit must not wrap */
	if ((int128) sc->count[IND_SC_MET] + sc->count[IND_SC_UNMET] + sc->count[IND_SC_UNSCORED] +
		sc->count[IND_SC_NEEDS_PERSON] != (int128) sc->count[IND_SC_INDICATORS])
		return false;
	/* weights are not negative and no row scores above its weight */
	if (ind_sc_sum(sc, IND_SC_SCORE) < 0 ||
		ind_sc_sum(sc, IND_SC_SCORE) > ind_sc_sum(sc, IND_SC_SCORED_WEIGHT) ||
		ind_sc_sum(sc, IND_SC_SCORED_WEIGHT) > ind_sc_sum(sc, IND_SC_WEIGHT))
		return false;
	return true;
}

/*
 * The text form, lossless and stable:
 *   v1 indicators=9 met=5 ... weight=50.000000 score=43.330000 scored_weight=45.000000
 * and, when a row needs a person, v2 with needs_person=N after manual_review.
 */
int
ind_sc_format(const IndScorecard *sc, char *buf, int buflen)
{
	int			ncounters = sc->count[IND_SC_NEEDS_PERSON] != 0 ? IND_SC_NCOUNTERS : IND_SC_V1_COUNTERS;
	int			len = snprintf(buf, buflen, "v%d", ncounters == IND_SC_NCOUNTERS ? 2 : 1);
	int			i;

	/* stop when full: snprintf returns what it would have written */
	for (i = 0; i < ncounters && len < buflen; i++)
		len += snprintf(buf + len, buflen - len, " %s=" INT64_FORMAT,
						counter_names[i], sc->count[i]);
	for (i = 0; i < IND_SC_NSUMS && len < buflen; i++)
	{
		char		num[64];

		ind_fixed_format(ind_sc_sum(sc, (IndScSum) i), IND_SC_SCALE, num);
		len += snprintf(buf + len, buflen - len, " %s=%s", sum_names[i], num);
	}
	return Min(len, buflen - 1);
}

bool
ind_sc_parse(const char *s, int len, IndScorecard *sc, char *detail, int detaillen)
{
	int			pos = ind_skip_spaces(s, len, 0);
	int			i;
	int128		v;

	int			ncounters;

	ind_sc_init(sc);
	if (len - pos < 2 || s[pos] != 'v' || (s[pos + 1] != '1' && s[pos + 1] != '2') ||
		(len - pos > 2 && ind_space_len(s + pos + 2, len - pos - 2) == 0))
	{
		snprintf(detail, detaillen, "A scorecard state starts with its format version \"v1\" or \"v2\".");
		return false;
	}
	ncounters = s[pos + 1] == '2' ? IND_SC_NCOUNTERS : IND_SC_V1_COUNTERS;
	pos += 2;
	for (i = 0; i < ncounters; i++)
	{
		if (!ind_expect_key(s, len, &pos, counter_names[i]) || !ind_fixed_read(s, len, &pos, 0, &v) ||
			v < 0 || v > PG_INT64_MAX)
		{
			snprintf(detail, detaillen, "Expected %s=<count> in position %d.", counter_names[i], i + 2);
			return false;
		}
		sc->count[i] = (int64) v;
	}
	for (i = 0; i < IND_SC_NSUMS; i++)
	{
		if (!ind_expect_key(s, len, &pos, sum_names[i]) || !ind_fixed_read(s, len, &pos, IND_SC_SCALE, &v))
		{
			snprintf(detail, detaillen, "Expected %s=<decimal with at most 6 decimals>.", sum_names[i]);
			return false;
		}
		set_sum(sc, (IndScSum) i, v);
	}
	if (ind_skip_spaces(s, len, pos) != len)
	{
		snprintf(detail, detaillen, "Unexpected text after scored_weight.");
		return false;
	}
	if (!ind_sc_valid(sc))
	{
		snprintf(detail, detaillen, "The counters or sums contradict each other (met + unmet + unscored + needs_person = indicators, no counter above indicators, 0 <= score <= scored_weight <= weight).");
		return false;
	}
	/* one text per state, as ind_sc_format() writes it */
	if (ncounters == IND_SC_NCOUNTERS && sc->count[IND_SC_NEEDS_PERSON] == 0)
	{
		snprintf(detail, detaillen, "A v2 state counts rows that need a person (needs_person > 0); without any, write it as v1.");
		return false;
	}
	return true;
}
