/*
 * score.c
 *		The scoring rules of 绩效自评: one indicator, one actual, one weight,
 *		one policy.  The README ("Scoring", "Rules") lists every rule with
 *		its source.
 *
 * Pure code.  Every rule yields an exact attainment ratio r in [0, 1];
 * points are w * r rounded half up to two decimals, computed exactly.  A
 * target that is not met never shows full marks: if rounding would make it
 * so, the points stop one cent below the weight, so "met" and "full marks"
 * always agree (and a deviation reason is asked for).
 */
#include "postgres.h"

#include "scan.h"
#include "score.h"

static const IndRatio ZERO = {0, 1};
static const IndRatio ONE = {1, 1};

typedef struct RuleResult
{
	bool		met;
	IndRatio	r;
	bool		has_deviation;
	IndRatio	deviation;
} RuleResult;

#define CHECK(expr) \
	do { \
		if (!(expr)) \
			return ind_failf(err, IND_ERR_RANGE, \
							 "The values are too large to score exactly."); \
	} while (0)

static IndRatio
rmax(IndRatio a, IndRatio b)
{
	return ind_ratio_cmp(a, b) >= 0 ? a : b;
}

static IndRatio
rmin(IndRatio a, IndRatio b)
{
	return ind_ratio_cmp(a, b) <= 0 ? a : b;
}

/* The reverse rule for a result a above a positive target t (<=, <, ranges). */
static IndStatus
reverse_ratio(IndRatio t, IndRatio a, const IndPolicy *p, IndRatio *r, IndError *err)
{
	if (p->reverse_mode == IND_REVERSE_LINEAR_2X)
	{
		IndRatio	two_t;

		/* 1 - (a - t)/t = (2t - a)/t, and 0 from a = 2t on */
		CHECK(ind_ratio_add(t, t, &two_t));
		CHECK(ind_ratio_sub(two_t, a, &two_t));
		CHECK(ind_ratio_div(two_t, t, r));
		*r = rmax(*r, ZERO);
	}
	else
		CHECK(ind_ratio_div(t, a, r));	/* t/a (P1) */
	return IND_OK;
}

/* >= and > (and = scored by a 正向 nature). */
static IndStatus
rule_positive(IndRatio t, IndRatio a, bool strict, RuleResult *res, IndError *err)
{
	int			c = ind_ratio_cmp(a, t);

	res->met = strict ? c > 0 : c >= 0;
	if (ind_ratio_sign(t) <= 0)
	{
		/* a zero or negative target: all or nothing, no division [I] */
		res->r = res->met ? ONE : ZERO;
		return IND_OK;
	}
	CHECK(ind_ratio_div(a, t, &res->r));
	res->r = rmin(rmax(res->r, ZERO), ONE);
	/* 偏离度 (a - t)/t */
	CHECK(ind_ratio_sub(a, t, &res->deviation));
	CHECK(ind_ratio_div(res->deviation, t, &res->deviation));
	res->has_deviation = true;
	if (res->met)
		res->r = ONE;
	return IND_OK;
}

/* Target 0 (or below) for =, <= and <: all or nothing by default (S1). */
static IndStatus
rule_zero(IndRatio t, IndRatio a, bool strict, const IndPolicy *p, RuleResult *res, IndError *err)
{
	int			c = ind_ratio_cmp(a, t);

	res->met = strict ? c < 0 : c <= 0;
	if (res->met)
		res->r = ONE;
	else if (p->zero_mode == IND_ZERO_PER_UNIT && ind_ratio_sign(t) == 0)
	{
		IndRatio	lost;

		/* 1 - k * a */
		CHECK(ind_ratio_mul(ind_ratio_from_decimal(p->zero_deduct), a, &lost));
		CHECK(ind_ratio_sub(ONE, lost, &res->r));
		res->r = rmax(res->r, ZERO);
	}
	else
		res->r = ZERO;
	return IND_OK;
}

/* <= and < (and = scored by a 反向 nature). */
static IndStatus
rule_negative(IndRatio t, IndRatio a, bool strict, const IndPolicy *p, RuleResult *res,
			  IndError *err)
{
	int			c = ind_ratio_cmp(a, t);

	if (ind_ratio_sign(t) <= 0)
		return rule_zero(t, a, strict, p, res, err);
	res->met = strict ? c < 0 : c <= 0;
	/* 偏离度 for "less is better" is (t - a)/t */
	CHECK(ind_ratio_sub(t, a, &res->deviation));
	CHECK(ind_ratio_div(res->deviation, t, &res->deviation));
	res->has_deviation = true;
	if (res->met)
	{
		res->r = ONE;
		return IND_OK;
	}
	if (c == 0)
	{
		/* strict and exactly on target: just short of full marks */
		res->r = ONE;
		return IND_OK;
	}
	return reverse_ratio(t, a, p, &res->r, err);
}

/* |a - t| <= tol * |t| */
static IndStatus
within_tolerance(IndRatio t, IndRatio a, const IndPolicy *p, bool *within, IndError *err)
{
	IndRatio	diff,
				allowed;

	CHECK(ind_ratio_sub(a, t, &diff));
	if (ind_ratio_sign(diff) < 0)
		diff.num = -diff.num;
	CHECK(ind_ratio_mul(ind_ratio_from_decimal(p->eq_tolerance), t, &allowed));
	if (ind_ratio_sign(allowed) < 0)
		allowed.num = -allowed.num;
	*within = ind_ratio_cmp(diff, allowed) <= 0;
	return IND_OK;
}

static IndStatus
rule_equal(IndRatio t, IndRatio a, IndNature nature, const IndPolicy *p, RuleResult *res,
		   IndError *err)
{
	bool		within = false;
	IndStatus	st;

	if (ind_ratio_sign(t) == 0)
		return rule_zero(t, a, false, p, res, err);
	if ((st = within_tolerance(t, a, p, &within, err)) != IND_OK)
		return st;

	switch (p->eq_mode)
	{
		case IND_EQ_EXACT:
			res->met = within;
			res->r = within ? ONE : ZERO;
			return IND_OK;
		case IND_EQ_SYMMETRIC:
			if (ind_ratio_cmp(a, t) <= 0 || within || ind_ratio_sign(t) < 0)
				st = rule_positive(t, a, false, res, err);
			else
				st = rule_negative(t, a, false, p, res, err);
			break;
		default:
			/* by nature: 反向 is "less is better", anything else "more" (S1) */
			if (nature == IND_NATURE_NEGATIVE)
				st = rule_negative(t, a, false, p, res, err);
			else
				st = rule_positive(t, a, false, res, err);
			break;
	}
	if (st == IND_OK && within)
	{
		res->met = true;
		res->r = ONE;
	}
	return st;
}

/* A closed range [lo, hi]: full marks inside, proportional outside. */
static IndStatus
rule_range(IndRatio lo, IndRatio hi, IndRatio a, const IndPolicy *p, RuleResult *res,
		   IndError *err)
{
	if (ind_ratio_cmp(a, lo) < 0)
	{
		res->met = false;
		if (ind_ratio_sign(lo) <= 0)
			res->r = ZERO;
		else
			CHECK(ind_ratio_div(a, lo, &res->r));
		res->r = rmax(res->r, ZERO);
		return IND_OK;
	}
	if (ind_ratio_cmp(a, hi) > 0)
	{
		res->met = false;
		if (ind_ratio_sign(hi) <= 0)
		{
			res->r = ZERO;
			return IND_OK;
		}
		return reverse_ratio(hi, a, p, &res->r, err);
	}
	res->met = true;
	res->r = ONE;
	return IND_OK;
}

/* The grade's band, as points: [lo, hi] for 达成, [lo, hi) otherwise. */
static IndStatus
grade_band(IndDecimal w, IndGrade g, const IndPolicy *p, IndDecimal *lo, IndDecimal *hi,
		   IndError *err)
{
	IndDecimal	top,
				mid;

	/* S1 compares against round(w * edge, 2) */
	CHECK(ind_muldiv_round(w, ind_ratio_from_decimal(p->qual_bands[0]), 2, &top));
	CHECK(ind_muldiv_round(w, ind_ratio_from_decimal(p->qual_bands[1]), 2, &mid));
	switch (g)
	{
		case IND_GRADE_MET:
			*lo = top;
			*hi = w;
			break;
		case IND_GRADE_PARTIAL:
			*lo = mid;
			*hi = top;
			break;
		default:
			lo->mant = 0;
			lo->scale = 0;
			*hi = mid;
			break;
	}
	return IND_OK;
}

/*
 * w * r to the policy's score_digits (cents by default), half up or cut
 * off, where r = 1 gives the weight itself (a weight may have more decimals
 * than points do) and no rounding lifts the points above the weight.
 */
static IndStatus
points_of(IndDecimal w, IndRatio r, const IndPolicy *p, IndDecimal *pts, IndError *err)
{
	if (ind_ratio_cmp(r, ONE) >= 0)
	{
		*pts = w;
		return IND_OK;
	}
	CHECK(ind_muldiv_points(w, r, p->score_digits, p->rounding == IND_ROUND_TRUNCATE, pts));
	if (ind_decimal_cmp(*pts, w) > 0)
		*pts = w;
	return IND_OK;
}

/* The largest amount of points (at score_digits) below w: the points of a near miss. */
static IndStatus
just_below(IndDecimal w, const IndPolicy *p, IndDecimal *pts, IndError *err)
{
	int			digits = p->score_digits;
	IndRatio	unit = {1, ind_pow10[digits]};
	IndRatio	x;
	IndDecimal	floor_units;

	/* floor(w * 10^digits) / 10^digits, then one unit less if that is w itself */
	CHECK(ind_ratio_mul(ind_ratio_from_decimal(w), ind_ratio_int(ind_pow10[digits]), &x));
	floor_units.mant = (int64) (x.num / x.den);
	floor_units.scale = digits;
	floor_units = ind_decimal_normalize(floor_units);
	if (ind_decimal_cmp(floor_units, w) < 0)
		*pts = floor_units;
	else
	{
		CHECK(ind_ratio_sub(ind_ratio_from_decimal(w), unit, &x));
		CHECK(ind_ratio_round(rmax(x, ZERO), digits, pts));
	}
	return IND_OK;
}

/* 定性 grades: the grade's default points, or a manual score in its band. */
static IndStatus
score_grade(const IndActual *a, IndDecimal w, const IndPolicy *p, IndScore *out, IndError *err)
{
	IndDecimal	pts;
	IndDecimal	lo,
				hi;
	IndStatus	st;
	int			c_lo,
				c_hi;

	if (!a->has_manual)
	{
		IndRatio	f = ind_ratio_from_decimal(p->qual_points[a->grade - 1]);

		if ((st = points_of(w, f, p, &pts, err)) != IND_OK)
			return st;
		out->attainment = f;
	}
	else
	{
		if (a->manual_is_fraction)
		{
			/* "达成(95%)": a percentage of the weight */
			IndRatio	f;

			CHECK(ind_ratio_div(ind_ratio_from_decimal(a->manual), ind_ratio_int(100), &f));
			CHECK(ind_muldiv_round(w, f, 2, &pts));
		}
		else if (!ind_ratio_round(ind_ratio_from_decimal(a->manual), 2, &pts))
			return ind_failf(err, IND_ERR_RANGE, "The manual score is too large.");
		if ((st = grade_band(w, a->grade, p, &lo, &hi, err)) != IND_OK)
			return st;
		c_lo = ind_decimal_cmp(pts, lo);
		c_hi = ind_decimal_cmp(pts, hi);
		if (c_lo < 0 || (a->grade == IND_GRADE_MET ? c_hi > 0 : c_hi >= 0))
		{
			char		sp[IND_DEC_BUFLEN],
						sl[IND_DEC_BUFLEN],
						sh[IND_DEC_BUFLEN];

			ind_decimal_format(pts, sp);
			ind_decimal_format(lo, sl);
			ind_decimal_format(hi, sh);
			err->status = IND_ERR_ARG;
			snprintf(err->detail, sizeof(err->detail),
					 "The manual score %s is outside the band of %s: from %s to %s%s.",
					 sp, ind_grade_name(a->grade), sl, sh,
					 a->grade == IND_GRADE_MET ? " inclusive" : ", the upper end excluded");
			return IND_ERR_ARG;
		}
		if (w.mant != 0)
			CHECK(ind_ratio_div(ind_ratio_from_decimal(pts), ind_ratio_from_decimal(w),
								&out->attainment));
		else
			out->attainment = ONE;
	}
	out->points = pts;
	out->met = (a->grade == IND_GRADE_MET);
	return IND_OK;
}

/* A qualitative deadline target against a completion date. */
static IndStatus
score_deadline(IndDeadline dl, const IndActual *a, const IndPolicy *p, RuleResult *res,
			   IndError *err)
{
	res->met = a->date <= dl.end;
	if (res->met)
		res->r = ONE;
	else if (p->date_mode == IND_DATE_ALL_OR_NOTHING)
		res->r = ZERO;
	else if (p->date_mode == IND_DATE_PER_MONTH)
	{
		/* calendar months late, a started month counting as a whole one */
		int			months = ind_months_late(dl.end, a->date);
		IndRatio	lost;

		CHECK(ind_ratio_mul(ind_ratio_from_decimal(p->date_month_deduct), ind_ratio_int(months), &lost));
		CHECK(ind_ratio_sub(ONE, lost, &res->r));
		res->r = rmax(res->r, ZERO);
	}
	else
	{
		/* days planned over days taken, both from the period start */
		IndRatio	planned = ind_ratio_int((int64) dl.end - dl.start + 1);
		IndRatio	taken = ind_ratio_int((int64) a->date - dl.start + 1);

		CHECK(ind_ratio_div(planned, taken, &res->r));
	}
	return IND_OK;
}

/* over_mode = deduct: w * max(floor, 1 - k * (e - threshold)), e = 1 + deviation */
static IndStatus
over_deduct(const RuleResult *res, const IndPolicy *p, IndRatio *r, IndError *err)
{
	IndRatio	e,
				f;

	CHECK(ind_ratio_add(ONE, res->deviation, &e));
	CHECK(ind_ratio_sub(e, ind_ratio_from_decimal(p->over_threshold), &f));
	CHECK(ind_ratio_mul(f, ind_ratio_from_decimal(p->over_k), &f));
	CHECK(ind_ratio_sub(ONE, f, &f));
	*r = rmin(*r, rmax(f, ind_ratio_from_decimal(p->over_floor)));
	return IND_OK;
}

IndStatus
ind_score(const IndSpec *spec, const IndActual *actual, IndDecimal w, const IndPolicy *p,
		  IndScore *out, IndError *err)
{
	RuleResult	res;
	IndStatus	st;
	IndRatio	a;

	memset(out, 0, sizeof(*out));
	memset(&res, 0, sizeof(res));
	err->status = IND_OK;
	err->detail[0] = '\0';
	if (w.mant < 0)
		return ind_failf(err, IND_ERR_ARG, "The weight must not be negative.");

	/*
	 * What a person must score: words that say nothing a rule can read
	 * (unless they repeat a qualitative target's own words, which says it
	 * was reached), a bare grade against a number, a date against what is
	 * no deadline, a number against words.
	 */
	if (actual->kind == IND_ACTUAL_TEXT)
	{
		IndActual	met;

		if (spec->op != IND_OP_NONE || actual->person != IND_PERSON_TEXT ||
			!ind_actual_says_target(spec->text, spec->text_len, actual->text, actual->text_len))
		{
			out->needs_person = actual->person != IND_PERSON_NONE ? actual->person : IND_PERSON_TEXT;
			return IND_OK;
		}
		memset(&met, 0, sizeof(met));
		met.kind = IND_ACTUAL_GRADE;
		met.grade = IND_GRADE_MET;
		actual = &met;
		if ((st = score_grade(actual, w, p, out, err)) != IND_OK)
			return st;
		out->reason_required = ind_decimal_cmp(out->points, w) < 0;
		return IND_OK;
	}
	if (actual->kind == IND_ACTUAL_GRADE)
	{
		/* a grade says nothing about how much of a number was done */
		if (spec->op != IND_OP_NONE && !actual->has_manual)
		{
			out->needs_person = IND_PERSON_GRADE;
			return IND_OK;
		}
		if ((st = score_grade(actual, w, p, out, err)) != IND_OK)
			return st;
		out->reason_required = ind_decimal_cmp(out->points, w) < 0;
		return IND_OK;
	}

	if (spec->op == IND_OP_NONE)
	{
		IndDeadline dl;

		/* "一", "—", "/": the form's dash for a target never given */
		if (ind_is_dash(spec->text, spec->text_len))
		{
			out->needs_person = IND_PERSON_NO_TARGET;
			return IND_OK;
		}
		if (actual->kind != IND_ACTUAL_DATE)
		{
			out->needs_person = IND_PERSON_NUMBER;
			return IND_OK;
		}
		/*
		 * 9月前 names no year: the policy's (the sheet's).  Without one, the
		 * completion date's own year would make work a year late look on
		 * time, so a person says which year.
		 */
		if (!ind_parse_deadline_in(spec->text, spec->text_len, (int) p->year.mant, &dl))
		{
			out->needs_person = ind_is_yearless_deadline(spec->text, spec->text_len) && p->year.mant == 0
				? IND_PERSON_NO_YEAR : IND_PERSON_DATE;
			return IND_OK;
		}
		st = score_deadline(dl, actual, p, &res, err);
	}
	else
	{
		IndRatio	t = ind_ratio_from_decimal(spec->lo);

		if (actual->kind != IND_ACTUAL_NUMBER)
		{
			out->needs_person = IND_PERSON_DATE;
			return IND_OK;
		}
		a = actual->value;
		/*
		 * S1 counts negative actuals as 0.  A negative target (增长率 >= -5 %)
		 * says negative values are meaningful, so they are kept there.
		 */
		if (p->clamp_negative && ind_ratio_sign(a) < 0 && spec->lo.mant >= 0)
			a = ZERO;
		switch (spec->op)
		{
			case IND_OP_GE:
			case IND_OP_GT:
				st = rule_positive(t, a, p->strict_gt && spec->op == IND_OP_GT, &res, err);
				break;
			case IND_OP_LE:
			case IND_OP_LT:
				st = rule_negative(t, a, p->strict_gt && spec->op == IND_OP_LT, p, &res, err);
				if (p->manual_review && ind_ratio_cmp(a, t) > 0)
					out->manual_review = true;
				break;
			case IND_OP_EQ:
				st = rule_equal(t, a, spec->nature, p, &res, err);
				if (p->manual_review && ind_ratio_cmp(a, t) != 0)
					out->manual_review = true;
				break;
			default:
				st = rule_range(t, ind_ratio_from_decimal(spec->hi), a, p, &res, err);
				break;
		}
	}
	if (st != IND_OK)
		return st;

	/* 偏离度: flag results far beyond the target (S1: a/t >= 1.2) */
	if (res.has_deviation && res.met)
	{
		IndRatio	limit;

		CHECK(ind_ratio_sub(ind_ratio_from_decimal(p->over_threshold), ONE, &limit));
		out->over_completed = ind_ratio_cmp(res.deviation, limit) >= 0;
		if (out->over_completed && p->over_mode == IND_OVER_DEDUCT &&
			(st = over_deduct(&res, p, &res.r, err)) != IND_OK)
			return st;
	}

	if ((st = points_of(w, res.r, p, &out->points, err)) != IND_OK)
		return st;
	if (!res.met && ind_decimal_cmp(out->points, w) >= 0 && w.mant > 0 &&
		(st = just_below(w, p, &out->points, err)) != IND_OK)
		return st;	/* rounding must not turn a miss into full marks */
	out->attainment = res.r;
	out->met = res.met;
	out->has_deviation = res.has_deviation;
	out->deviation = res.deviation;
	out->reason_required = ind_decimal_cmp(out->points, w) < 0;
	return IND_OK;
}

/* 预算执行率: rate = spent / budget; linear (S1) or stepped (江西). */
IndStatus
ind_budget_score(IndDecimal spent, IndDecimal budget, IndDecimal w, const IndPolicy *p,
				 IndDecimal *points, IndRatio *rate, IndError *err)
{
	IndRatio	r;
	IndRatio	f;

	if (spent.mant < 0 || budget.mant < 0)
		return ind_failf(err, IND_ERR_ARG, "Spending and budget must not be negative.");
	if (w.mant < 0)
		return ind_failf(err, IND_ERR_ARG, "The weight must not be negative.");
	if (budget.mant == 0)
		/* 浙江 counts 0 of 0 as 100 %; elsewhere a zero budget scores 0 (S1) */
		r = (spent.mant == 0 && p->budget_zero_full) ? ONE : ZERO;
	else
		CHECK(ind_ratio_div(ind_ratio_from_decimal(spent), ind_ratio_from_decimal(budget), &r));
	*rate = r;
	if (ind_ratio_cmp(r, ONE) > 0 && p->budget_reject_over)
		return ind_failf(err, IND_ERR_ARG,
						 "The execution rate is over 100 %%, which this policy does not accept.");
	r = rmin(r, ONE);
	if (p->budget_mode == IND_BUDGET_STEPS)
	{
		int			i;

		f = ZERO;
		for (i = 0; i < p->budget_nsteps; i++)
			if (ind_ratio_cmp(r, ind_ratio_from_decimal(p->budget_step_rate[i])) >= 0)
			{
				f = ind_ratio_from_decimal(p->budget_step_points[i]);
				break;
			}
	}
	else
		f = r;
	CHECK(ind_muldiv_points(w, f, p->score_digits, p->rounding == IND_ROUND_TRUNCATE, points));
	return IND_OK;
}

/* 优 / 良 / 中 / 差 by the policy's bands (P3: 90/80/60). */
const char *
ind_grade_of_total(IndDecimal total, const IndPolicy *p)
{
	if (ind_decimal_cmp(total, p->grade_bands[0]) >= 0)
		return "优";
	if (ind_decimal_cmp(total, p->grade_bands[1]) >= 0)
		return "良";
	if (ind_decimal_cmp(total, p->grade_bands[2]) >= 0)
		return "中";
	return "差";
}
