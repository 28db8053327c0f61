/*
 * monitor_state.c
 *		Adding monitored rows to a monitor state, merging states, and the
 *		state's text and binary forms.
 *
 * Pure code.  Counters and exact integer sums only, so rows added in any
 * order and partial states merged in any grouping give the same state:
 * serial, parallel and distributed plans agree to the bit.
 */
#include "compat.h"

#include "byteorder.h"
#include "fixed.h"
#include "monitor_state.h"
#include "scan.h"

static const char *const counter_names[IND_MON_NCOUNTERS] = {
	"indicators", "red", "yellow", "green", "blue", "unlit", "reasons"
};
static const char *const sum_names[IND_MON_NSUMS] = {"weight", "completion_weight", "completion"};
static const int sum_scales[IND_MON_NSUMS] = {
	IND_MON_WEIGHT_SCALE, IND_MON_WEIGHT_SCALE, IND_MON_COMPLETION_SCALE
};

/* the counter of each light */
static const IndMonCounter light_counter[IND_NLIGHTS] = {
	IND_MON_UNLIT, IND_MON_BLUE, IND_MON_GREEN, IND_MON_YELLOW, IND_MON_RED
};

void
ind_mon_init(IndMonitorState *ms)
{
	memset(ms, 0, sizeof(*ms));
	SET_VARSIZE(ms, sizeof(IndMonitorState));
	ms->version = IND_MON_VERSION;
}

int128
ind_mon_sum(const IndMonitorState *ms, IndMonSum which)
{
	return ind_int128_join(ms->sum_hi[which], ms->sum_lo[which]);
}

static bool
add_sum(IndMonitorState *ms, IndMonSum which, int128 v)
{
	int128		r;

	if (__builtin_add_overflow(ind_mon_sum(ms, which), v, &r))
		return false;
	ind_int128_split(r, &ms->sum_hi[which], &ms->sum_lo[which]);
	return true;
}

/*
 * A monitored row (a zeroed IndMonitor for a row without an actual: no
 * light, no completion).  The completion of a target to reach counts toward
 * the project's progress, capped at 100 %: one indicator far ahead does not
 * hide another behind.  Limits (<=, <) and zero targets have no progress to
 * make, so they do not count.
 */
bool
ind_mon_add(IndMonitorState *ms, IndDecimal weight, const IndMonitor *m)
{
	int128		w,
				c,
				wc;

	if (!ind_fixed_of(weight, IND_MON_WEIGHT_SCALE, &w))
		return false;
	ms->count[IND_MON_INDICATORS]++;
	ms->count[light_counter[m->light]]++;
	if (m->reason_required)
		ms->count[IND_MON_REASONS]++;
	if (!add_sum(ms, IND_MON_WEIGHT, w))
		return false;
	if (!m->completion_counts || m->light == IND_LIGHT_NONE)
		return true;
	/* completion in hundredths of a percent, in [0, 100] */
	if (!ind_fixed_of(m->completion, 2, &c))
		return false;
	c = Max(c, 0);
	c = Min(c, 10000);
	return !__builtin_mul_overflow(w, c, &wc) &&
		add_sum(ms, IND_MON_COMPLETION_WEIGHT, w) &&
		add_sum(ms, IND_MON_COMPLETION, wc);
}

bool
ind_mon_combine(IndMonitorState *into, const IndMonitorState *from)
{
	int			i;

	for (i = 0; i < IND_MON_NCOUNTERS; i++)
		if (__builtin_add_overflow(into->count[i], from->count[i], &into->count[i]))
			return false;
	for (i = 0; i < IND_MON_NSUMS; i++)
		if (!add_sum(into, (IndMonSum) i, ind_mon_sum(from, (IndMonSum) i)))
			return false;
	return true;
}

/* red > yellow > green > blue; none when no row has a light */
IndLight
ind_mon_worst(const IndMonitorState *ms)
{
	if (ms->count[IND_MON_RED] > 0)
		return IND_LIGHT_RED;
	if (ms->count[IND_MON_YELLOW] > 0)
		return IND_LIGHT_YELLOW;
	if (ms->count[IND_MON_GREEN] > 0)
		return IND_LIGHT_GREEN;
	if (ms->count[IND_MON_BLUE] > 0)
		return IND_LIGHT_BLUE;
	return IND_LIGHT_NONE;
}

/* The counters add up, and the sums lie within what the rows allow. */
bool
ind_mon_valid(const IndMonitorState *ms)
{
	int128		lights = 0;
	int128		cw = ind_mon_sum(ms, IND_MON_COMPLETION_WEIGHT);
	int128		cs = ind_mon_sum(ms, IND_MON_COMPLETION);
	int			i;

	if (ms->version != IND_MON_VERSION)
		return false;
	for (i = 0; i < IND_MON_NCOUNTERS; i++)
		if (ms->count[i] < 0 || ms->count[i] > ms->count[IND_MON_INDICATORS])
			return false;
	for (i = IND_MON_RED; i <= IND_MON_UNLIT; i++)
		lights += ms->count[i];
	if (lights != ms->count[IND_MON_INDICATORS])
		return false;
	/* 0 <= completion <= 100 % x completion_weight <= 100 % x weight */
	if (cw < 0 || cw > ind_mon_sum(ms, IND_MON_WEIGHT) || cs < 0 ||
		cs / 10000 > cw || (cs / 10000 == cw && cs % 10000 != 0))
		return false;
	return true;
}

/*
 * The text form, lossless and stable:
 *   v1 indicators=9 red=1 ... reasons=3 weight=90.000000
 *   completion_weight=80.000000 completion=6400.00000000
 */
int
ind_mon_format(const IndMonitorState *ms, char *buf, int buflen)
{
	int			len = snprintf(buf, buflen, "v%d", IND_MON_VERSION);
	int			i;

	for (i = 0; i < IND_MON_NCOUNTERS && len < buflen; i++)
		len += snprintf(buf + len, buflen - len, " %s=" INT64_FORMAT, counter_names[i], ms->count[i]);
	for (i = 0; i < IND_MON_NSUMS && len < buflen; i++)
	{
		char		num[64];

		ind_fixed_format(ind_mon_sum(ms, (IndMonSum) i), sum_scales[i], num);
		len += snprintf(buf + len, buflen - len, " %s=%s", sum_names[i], num);
	}
	return Min(len, buflen - 1);
}

bool
ind_mon_parse(const char *s, int len, IndMonitorState *ms, char *detail, int detaillen)
{
	int			pos = ind_skip_spaces(s, len, 0);
	int			i;
	int128		v;

	ind_mon_init(ms);
	if (len - pos < 2 || s[pos] != 'v' || s[pos + 1] != '1' ||
		(len - pos > 2 && ind_space_len(s + pos + 2, len - pos - 2) == 0))
	{
		snprintf(detail, detaillen, "A monitor state starts with its format version \"v1\".");
		return false;
	}
	pos += 2;
	for (i = 0; i < IND_MON_NCOUNTERS; i++)
	{
		if (!ind_expect_key(s, len, &pos, counter_names[i]) || !ind_fixed_read(s, len, &pos, 0, &v) ||
			v < 0 || v > PG_INT64_MAX)
		{
			snprintf(detail, detaillen, "Expected %s=<count> in position %d.", counter_names[i], i + 2);
			return false;
		}
		ms->count[i] = (int64) v;
	}
	for (i = 0; i < IND_MON_NSUMS; i++)
	{
		if (!ind_expect_key(s, len, &pos, sum_names[i]) ||
			!ind_fixed_read(s, len, &pos, sum_scales[i], &v))
		{
			snprintf(detail, detaillen, "Expected %s=<decimal with at most %d decimals>.",
					 sum_names[i], sum_scales[i]);
			return false;
		}
		ind_int128_split(v, &ms->sum_hi[i], &ms->sum_lo[i]);
	}
	if (ind_skip_spaces(s, len, pos) != len)
	{
		snprintf(detail, detaillen, "Unexpected text after completion.");
		return false;
	}
	if (!ind_mon_valid(ms))
	{
		snprintf(detail, detaillen, "The counters or sums contradict each other (red + yellow + green + blue + unlit = indicators, reasons <= indicators, 0 <= completion_weight <= weight, 0 <= completion <= 100 x completion_weight).");
		return false;
	}
	return true;
}

/* int32 version, the counters as int64, the sums as (high, low) int64 pairs, network order */
void
ind_mon_encode_wire(const IndMonitorState *ms, unsigned char *out)
{
	unsigned char *p = out;
	int			i;

	p = ind_put_be(p, ms->version, 4);
	for (i = 0; i < IND_MON_NCOUNTERS; i++)
		p = ind_put_be(p, ms->count[i], 8);
	for (i = 0; i < IND_MON_NSUMS; i++)
	{
		p = ind_put_be(p, ms->sum_hi[i], 8);
		p = ind_put_be(p, (int64) ms->sum_lo[i], 8);
	}
}

bool
ind_mon_decode_wire(const char *str, int len, IndMonitorState *ms, char *detail, int detaillen)
{
	const unsigned char *p = (const unsigned char *) str;
	int			pos = 4;
	int			i;

	if (len != IND_MON_WIRE_BYTES)
	{
		snprintf(detail, detaillen, "A monitor state is %d bytes; this message has %d.",
				 IND_MON_WIRE_BYTES, len);
		return false;
	}
	ind_mon_init(ms);
	ms->version = (int32) ind_get_be(p, 4);
	if (ms->version != IND_MON_VERSION)
	{
		snprintf(detail, detaillen, "Unsupported monitor state version %d.", ms->version);
		return false;
	}
	for (i = 0; i < IND_MON_NCOUNTERS; i++, pos += 8)
		ms->count[i] = ind_get_be(p + pos, 8);
	for (i = 0; i < IND_MON_NSUMS; i++, pos += 16)
	{
		ms->sum_hi[i] = ind_get_be(p + pos, 8);
		ms->sum_lo[i] = (uint64) ind_get_be(p + pos + 8, 8);
	}
	if (!ind_mon_valid(ms))
	{
		snprintf(detail, detaillen, "The counters or sums contradict each other.");
		return false;
	}
	return true;
}
