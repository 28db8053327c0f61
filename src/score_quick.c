/*
 * score_quick.c
 *		The quick path of the scorecard aggregate: the rules of score.c for
 *		the cases that dominate real tables, in machine integers.
 *
 * A quantitative target, a numeric actual, and a policy whose knobs need
 * only comparisons and one division: ratio or linear_2x reverse rule, = by
 * nature without tolerance, all-or-nothing zero targets, over-completion
 * flagged rather than deducted.  Each rule below mirrors the rule of the
 * same name in score.c, so the two can be read side by side.  Anything
 * else, and any value too large for 64/128-bit arithmetic, returns false
 * and the caller takes ind_score(): both give the same points, bit for bit,
 * which the regression tests check over generated data.
 *
 * A rule's result is an attainment num/den (0 <= num <= den) unless full;
 * all values are at one common scale, so ratios of them are exact.
 */
#include "postgres.h"

#include "score.h"

typedef struct QuickResult
{
	bool		met;
	bool		full;			/* r = 1 */
	bool		over;			/* 偏离度 reached over_threshold - 1 */
	int64		num;			/* r = num / den when not full */
	int64		den;
} QuickResult;

/* d at the given (larger or equal) scale, in 64 bits. */
static inline bool
at_scale(IndDecimal d, int scale, int64 *out)
{
	return !__builtin_mul_overflow(d.mant, ind_pow10[scale - d.scale], out);
}

/* reverse_ratio(): a above a positive target t. */
static inline bool
quick_reverse(int64 T, int64 A, const IndPolicy *p, QuickResult *res)
{
	if (p->reverse_mode == IND_REVERSE_LINEAR_2X)
	{
		/* (2t - a)/t, 0 from 2t on */
		if (__builtin_sub_overflow(T, A - T, &res->num))
			return false;
		res->num = Max(res->num, 0);
		res->den = T;
	}
	else
	{
		res->num = T;
		res->den = A;
	}
	return true;
}

/* rule_positive(): >=, >, and = of a 正向 (or 定性) nature. */
static inline bool
quick_positive(int64 T, int64 A, bool strict, const IndPolicy *p, QuickResult *res)
{
	res->met = strict ? A > T : A >= T;
	if (T <= 0)
		res->full = res->met;
	else if (res->met)
	{
		res->full = true;
		/* (a - t)/t >= threshold - 1, i.e. a/t >= threshold */
		res->over = (int128) A * ind_pow10[p->over_threshold.scale] >=
			(int128) T * p->over_threshold.mant;
	}
	else
	{
		res->num = Max(A, 0);
		res->den = T;
	}
	return true;
}

/* rule_zero(): target 0 or below for =, <= and <, all or nothing. */
static inline bool
quick_zero(int64 T, int64 A, bool strict, const IndPolicy *p, QuickResult *res)
{
	if (p->zero_mode != IND_ZERO_ALL_OR_NOTHING && T == 0)
		return false;
	res->met = strict ? A < T : A <= T;
	res->full = res->met;
	return true;
}

/* rule_negative(): <=, <, and = of a 反向 nature. */
static inline bool
quick_negative(int64 T, int64 A, bool strict, const IndPolicy *p, QuickResult *res)
{
	if (T <= 0)
		return quick_zero(T, A, strict, p, res);
	res->met = strict ? A < T : A <= T;
	if (res->met)
	{
		int64		thr_den = ind_pow10[p->over_threshold.scale];

		res->full = true;
		/* (t - a)/t >= threshold - 1 */
		res->over = (int128) (T - A) * thr_den >=
			(int128) T * (p->over_threshold.mant - thr_den);
		return true;
	}
	if (A == T)
	{
		/* strict and exactly on target: just short of full marks */
		res->num = 1;
		res->den = 1;
		return true;
	}
	return quick_reverse(T, A, p, res);
}

/* rule_equal(), by nature and without tolerance (the only = taken here). */
static inline bool
quick_equal(int64 T, int64 A, IndNature nature, const IndPolicy *p, QuickResult *res)
{
	if (T == 0)
		return quick_zero(T, A, false, p, res);
	if (nature == IND_NATURE_NEGATIVE)
		return quick_negative(T, A, false, p, res);
	return quick_positive(T, A, false, p, res);
}

/* rule_range(): full marks in [lo, hi], proportional outside. */
static inline bool
quick_range(int64 L, int64 H, int64 A, const IndPolicy *p, QuickResult *res)
{
	if (A < L)
	{
		if (L > 0)
		{
			res->num = Max(A, 0);
			res->den = L;
		}
		return true;
	}
	if (A > H)
		return H <= 0 || quick_reverse(H, A, p, res);
	res->met = true;
	res->full = true;
	return true;
}

/*
 * points_of(): round_half_up(w * num / den) at two decimals, for num >= 0
 * and den > 0, as w.mant * num * 100 / (den * 10^w.scale).
 */
static inline bool
quick_points(IndDecimal w, int64 num, int64 den, IndDecimal *pts)
{
	int64		n64,
				d64;

	if (num == 0)
	{
		pts->mant = 0;
		pts->scale = 0;
		return true;
	}
	/* usually everything fits 64 bits, and a 64-bit division is cheap */
	if (!__builtin_mul_overflow(w.mant, num, &n64) &&
		!__builtin_mul_overflow(n64, (int64) 100, &n64) &&
		!__builtin_mul_overflow(den, ind_pow10[w.scale], &d64))
	{
		uint64		q = (uint64) n64 / (uint64) d64;
		uint64		r = (uint64) n64 % (uint64) d64;

		if (r >= (uint64) d64 - r)
			q++;
		pts->mant = (int64) q;
	}
	else
	{
		/* w.mant < 10^18, num < 2^63: n fits; d needs den * 10^scale < 2^127 */
		int128		n = (int128) w.mant * num * 100;
		int128		d = (int128) den * ind_pow10[w.scale];
		int128		q = n / d;
		int128		r = n % d;

		if (r >= d - r)
			q++;
		if (q > PG_INT64_MAX)
			return false;
		pts->mant = (int64) q;
	}
	pts->scale = 2;
	*pts = ind_decimal_normalize(*pts);
	return true;
}

/* just_below(): a miss never shows full marks. */
static inline bool
quick_just_below(IndDecimal w, IndDecimal *pts)
{
	int64		wm;

	if (w.scale > 2 || !at_scale(w, 2, &wm))
		return false;
	pts->mant = wm - 1;
	pts->scale = 2;
	*pts = ind_decimal_normalize(*pts);
	return true;
}

/* What this path does not take: ind_score() does. */
static inline bool
quick_policy_fits(const IndSpec *spec, IndDecimal w, const IndPolicy *p)
{
	if (spec->op == IND_OP_NONE || p->over_mode != IND_OVER_FLAG || w.mant < 0 ||
		p->score_digits != 2 || p->rounding != IND_ROUND_HALF_UP ||
		w.scale > 16 || p->over_threshold.scale > 9)
		return false;
	return spec->op != IND_OP_EQ ||
		(p->eq_mode == IND_EQ_BY_NATURE && p->eq_tolerance.mant == 0);
}

/* ind_score() for a number against a quantitative target; see above. */
bool
ind_score_quick(const IndSpec *spec, IndDecimal actual, IndDecimal w, const IndPolicy *p,
				IndScore *out)
{
	QuickResult res = {false, false, false, 0, 1};
	int			scale;
	int64		A,
				T,
				H = 0;
	bool		strict;
	bool		ok;

	if (!quick_policy_fits(spec, w, p))
		return false;
	/* S1 counts negative actuals as 0, unless the target is negative */
	if (actual.mant < 0 && p->clamp_negative && spec->lo.mant >= 0)
	{
		actual.mant = 0;
		actual.scale = 0;
	}
	scale = Max(actual.scale, spec->lo.scale);
	if (spec->op == IND_OP_RANGE)
		scale = Max(scale, spec->hi.scale);
	if (!at_scale(actual, scale, &A) || !at_scale(spec->lo, scale, &T) ||
		(spec->op == IND_OP_RANGE && !at_scale(spec->hi, scale, &H)))
		return false;

	/*
	 * Field by field: a memset of the whole IndScore (two int128 ratios) was
	 * a third of this function's time.  The quick path has no attainment
	 * or deviation to give; the aggregate reads neither.
	 */
	out->attainment.num = out->deviation.num = 0;
	out->attainment.den = out->deviation.den = 1;
	out->has_deviation = false;
	out->manual_review = false;
	out->needs_person = IND_PERSON_NONE;
	strict = p->strict_gt && (spec->op == IND_OP_GT || spec->op == IND_OP_LT);
	switch (spec->op)
	{
		case IND_OP_GE:
		case IND_OP_GT:
			ok = quick_positive(T, A, strict, p, &res);
			break;
		case IND_OP_LE:
		case IND_OP_LT:
			ok = quick_negative(T, A, strict, p, &res);
			out->manual_review = p->manual_review && A > T;
			break;
		case IND_OP_EQ:
			ok = quick_equal(T, A, spec->nature, p, &res);
			out->manual_review = p->manual_review && A != T;
			break;
		default:
			ok = quick_range(T, H, A, p, &res);
			break;
	}
	if (!ok)
		return false;

	if (res.full)
		out->points = w;
	else
	{
		if (!quick_points(w, res.num, res.den, &out->points))
			return false;
		if (!res.met && w.mant > 0 && ind_decimal_cmp(out->points, w) >= 0 &&
			!quick_just_below(w, &out->points))
			return false;
	}
	out->met = res.met;
	out->over_completed = res.over;
	out->reason_required = ind_decimal_cmp(out->points, w) < 0;
	return true;
}
