/*
 * monitor.c
 *		The monitoring rules of 运行监控 (S1 as deployed, with the regional
 *		variants as policy knobs): time progress, an indicator's light, the
 *		budget's light, the reason a deviation needs, a full-year forecast.
 *
 * Pure code.  Percentages are exact ratios rounded half up to two decimals
 * once, and the bands are compared with the rounded value: the light always
 * agrees with the progress the sheet prints beside it.  Whether a target is
 * met so far is the scoring rule's own answer (ind_score), so monitoring
 * and scoring never disagree about what meeting a target means.
 */
#include "postgres.h"

#include "monitor.h"
#include "scan.h"
#include "score.h"

static const IndRatio ZERO = {0, 1};
static const IndDecimal ONE_POINT = {1, 0};
static const IndRatio HUNDRED = {100, 1};
static const IndRatio ONE = {1, 1};

#define CHECK(expr) \
	do { \
		if (!(expr)) \
			return ind_failf(err, IND_ERR_RANGE, \
							 "The values are too large to monitor exactly."); \
	} while (0)

static const char *const light_names[IND_NLIGHTS] = {NULL, "蓝", "绿", "黄", "红"};

const char *
ind_light_name(IndLight l)
{
	return light_names[l];
}

/* 红/黄/绿/蓝, or red/yellow/green/blue */
bool
ind_light_parse(const char *s, int len, IndLight *l)
{
	static const char *const english[IND_NLIGHTS] = {NULL, "blue", "green", "yellow", "red"};
	int			i;

	for (i = 1; i < IND_NLIGHTS; i++)
		if (((int) strlen(light_names[i]) == len && memcmp(s, light_names[i], len) == 0) ||
			((int) strlen(english[i]) == len && pg_strncasecmp(s, english[i], len) == 0))
		{
			*l = (IndLight) i;
			return true;
		}
	return false;
}

bool
ind_likelihood_parse(const char *s, int len, IndLikelihood *l)
{
	static const char *const words[] = {NULL, "确定能", "有可能", "完全不可能"};
	int			i;

	int			start = ind_skip_spaces(s, len, 0);

	len = ind_trim_end(s, start, len) - start;
	s += start;
	for (i = 1; i < (int) lengthof(words); i++)
		if ((int) strlen(words[i]) == len && memcmp(s, words[i], len) == 0)
		{
			*l = (IndLikelihood) i;
			return true;
		}
	return false;
}

/* τ of a date: its month over 12, or its day of the year over the year's days. */
void
ind_monitor_time_of_date(int32 date, const IndPolicy *p, IndMonitorTime *t)
{
	int			y,
				m,
				d;

	ind_civil_from_days(date, &y, &m, &d);
	t->month = m;
	t->has_date = true;
	t->date = date;
	t->year = y;
	if (p->time_basis == IND_TIME_DAY)
	{
		int32		first = ind_days_from_civil(y, 1, 1);

		t->tau.num = date - first + 1;
		t->tau.den = ind_days_from_civil(y + 1, 1, 1) - first;
	}
	else
	{
		t->tau.num = m;
		t->tau.den = 12;
	}
}

/* τ of the tables' "1–m月": m/12 whatever the basis (no day is named). */
bool
ind_monitor_time_of_month(int month, const IndPolicy *p, IndMonitorTime *t)
{
	if (month < 1 || month > 12)
		return false;
	t->month = month;
	t->has_date = false;
	t->date = 0;
	t->year = (int) p->year.mant;
	t->tau.num = month;
	t->tau.den = 12;
	return true;
}

/* The last day of a month, in days since 2000-01-01. */
static int32
month_end(int year, int month)
{
	return (month == 12 ? ind_days_from_civil(year + 1, 1, 1)
			: ind_days_from_civil(year, month + 1, 1)) - 1;
}

/* The last day the cut-off covers: the date, or the end of its month. */
static bool
cutoff_day(const IndMonitorTime *t, int year, int32 *day)
{
	if (t->has_date)
	{
		*day = t->date;
		return true;
	}
	if (year == 0)
		return false;
	*day = month_end(year, t->month);
	return true;
}

static bool
percent(IndRatio r, IndDecimal *d)
{
	IndRatio	pct;

	return ind_ratio_mul(r, HUNDRED, &pct) && ind_ratio_round(pct, 2, d);
}

/*
 * x / (y * z) * 100 at two decimals, for y, z other than 0.  Built as one fraction
 * and rounded once, without reducing the intermediate ratios: this runs
 * for every row of the monitor aggregate, and a gcd per step is most of
 * the cost of the general ratio arithmetic.  Falls back to it only when
 * the fraction does not fit in 128 bits.
 */
static bool
quotient_percent(IndRatio x, IndRatio y, IndRatio z, IndDecimal *d)
{
	int128		num,
				den;
	IndRatio	q;

	if (!__builtin_mul_overflow(x.num, y.den, &num) &&
		!__builtin_mul_overflow(num, z.den, &num) &&
		!__builtin_mul_overflow(num, (int128) 100, &num) &&
		!__builtin_mul_overflow(x.den, y.num, &den) &&
		!__builtin_mul_overflow(den, z.num, &den))
	{
		if (den == 0)
			return false;
		q.num = den < 0 ? -num : num;
		q.den = den < 0 ? -den : den;
		return ind_ratio_round(q, 2, d);
	}
	return ind_ratio_mul(y, z, &q) && ind_ratio_div(x, q, &q) && percent(q, d);
}

/*
 * A percentage against nbands increasing bands: red below the first, then
 * yellow, green and (with a third band, as indicators have) blue.
 */
static IndLight
band_light(IndDecimal pct, const IndDecimal *bands, int nbands)
{
	static const IndLight below[] = {IND_LIGHT_RED, IND_LIGHT_YELLOW, IND_LIGHT_GREEN};
	int			i;

	for (i = 0; i < nbands; i++)
		if (ind_decimal_cmp(pct, bands[i]) < 0)
			return below[i];
	return nbands == 3 ? IND_LIGHT_BLUE : IND_LIGHT_GREEN;
}

/* a ratio as a decimal, when its denominator divides a power of ten that fits */
static bool
ratio_as_decimal(IndRatio r, IndDecimal *d)
{
	int			k;

	if (r.den <= 0 || r.den > ind_pow10[IND_DEC_MAX_SCALE])
		return false;
	for (k = 0; k <= IND_DEC_MAX_SCALE; k++)
		if (ind_pow10[k] % (int64) r.den == 0)
		{
			int128		m;

			if (__builtin_mul_overflow(r.num, (int128) (ind_pow10[k] / (int64) r.den), &m) ||
				m < -(int128) PG_INT64_MAX || m > (int128) PG_INT64_MAX)
				return false;
			d->mant = (int64) m;
			d->scale = k;
			return true;
		}
	return false;
}

/*
 * Is the value met, by the scoring rule of the policy?  false in *known
 * when only a person can say.  The scorecard's quick path answers most
 * numbers exactly as ind_score() does (the scoring tests compare them).
 */
static IndStatus
met_by_rule(const IndSpec *spec, const IndActual *a, const IndPolicy *p, bool *met, bool *known,
			IndError *err)
{
	IndScore	s;
	IndDecimal	ad;
	IndStatus	st;

	if (a->kind == IND_ACTUAL_NUMBER && spec->op != IND_OP_NONE &&
		ratio_as_decimal(a->value, &ad) && ind_score_quick(spec, ad, ONE_POINT, p, &s))
	{
		*known = true;
		*met = s.met;
		return IND_OK;
	}
	if ((st = ind_score(spec, a, ONE_POINT, p, &s, err)) != IND_OK)
		return st;
	*known = s.needs_person == IND_PERSON_NONE;
	*met = s.met;
	return IND_OK;
}

/*
 * Is this level 2 pro-rated by τ?  A row without one, or with words no
 * class reads, is pro-rated unless the policy pro-rates nothing [I].
 */
static bool
is_prorated(const IndLevel *level2, const IndPolicy *p)
{
	if (level2 == NULL)
		return p->prorate != 0;
	return (p->prorate & (1 << (int) (level2 - ind_level_at(0)))) != 0;
}

/* p = a/(t*τ)*100 and its light, for a positive target t. */
static IndStatus
prorated_light(IndRatio a, IndRatio t, const IndMonitorTime *tm, const IndPolicy *p,
			   IndMonitor *out, IndError *err)
{
	CHECK(quotient_percent(a, t, tm->tau, &out->progress));
	out->has_progress = true;
	out->prorated = true;
	out->light = band_light(out->progress, p->light_bands, 3);
	return IND_OK;
}

/* A quantitative target against a number to date. */
static IndStatus
quantitative_light(const IndSpec *spec, const IndActual *act, const IndMonitorTime *tm,
				   bool prorate, const IndPolicy *p, IndMonitor *out, IndError *err)
{
	IndRatio	a = act->value;
	IndRatio	t = ind_ratio_from_decimal(spec->lo);
	bool		met,
				known;
	IndStatus	st;

	/* as in scoring: S1 counts negative values as 0, unless the target is negative */
	if (p->clamp_negative && ind_ratio_sign(a) < 0 && spec->lo.mant >= 0)
		a = ZERO;
	if ((st = met_by_rule(spec, act, p, &met, &known, err)) != IND_OK)
		return st;
	if (!known)
		return IND_OK;

	/* 完成: a/t as a percentage; 0 when a or t is 0 */
	out->has_completion = true;
	out->completion_counts = spec->op != IND_OP_LE && spec->op != IND_OP_LT && ind_ratio_sign(t) > 0;
	if (ind_ratio_sign(a) == 0 || ind_ratio_sign(t) == 0)
	{
		out->completion.mant = 0;
		out->completion.scale = 0;
	}
	else
		CHECK(quotient_percent(a, t, ONE, &out->completion));

	switch (spec->op)
	{
		case IND_OP_GE:
		case IND_OP_GT:
		case IND_OP_EQ:
			if (spec->op == IND_OP_EQ && ind_ratio_sign(t) == 0)
				out->light = ind_ratio_sign(a) == 0 ? IND_LIGHT_GREEN : IND_LIGHT_RED;
			else if (!prorate || ind_ratio_sign(t) <= 0)
				out->light = met ? IND_LIGHT_GREEN : IND_LIGHT_RED;
			else
				return prorated_light(a, t, tm, p, out, err);
			break;
		case IND_OP_LE:
		case IND_OP_LT:
			/* a limit: within it or not, never pro-rated */
			out->light = met ? IND_LIGHT_GREEN : IND_LIGHT_RED;
			break;
		default:
			/* a range: inside green, above red, below pro-rated against its lower bound [I] */
			if (met)
				out->light = IND_LIGHT_GREEN;
			else if (ind_ratio_cmp(a, ind_ratio_from_decimal(spec->hi)) > 0 ||
					 !prorate || ind_ratio_sign(t) <= 0)
				out->light = IND_LIGHT_RED;
			else
				return prorated_light(a, t, tm, p, out, err);
			break;
	}
	return IND_OK;
}

/* A qualitative target: a grade, a deadline, or words that repeat the target. */
static void
qualitative_light(const IndSpec *spec, const IndActual *a, const IndMonitorTime *tm,
				  const IndPolicy *p, IndMonitor *out)
{
	IndDeadline dl;
	int			year = p->year.mant != 0 ? (int) p->year.mant : tm->year;

	if (ind_is_dash(spec->text, spec->text_len))
		return;
	if (a->kind == IND_ACTUAL_GRADE)
	{
		out->light = a->grade == IND_GRADE_MET ? IND_LIGHT_GREEN
			: a->grade == IND_GRADE_PARTIAL ? IND_LIGHT_YELLOW : IND_LIGHT_RED;
		return;
	}
	if (year != 0 && ind_parse_deadline_in(spec->text, spec->text_len, year, &dl))
	{
		int32		day;

		if (a->kind == IND_ACTUAL_DATE)
			out->light = a->date <= dl.end ? IND_LIGHT_GREEN : IND_LIGHT_RED;
		else if (a->kind == IND_ACTUAL_NUMBER)
			return;
		/* not done yet: on time until the deadline passes */
		else if (cutoff_day(tm, year, &day))
			out->light = day <= dl.end ? IND_LIGHT_GREEN : IND_LIGHT_RED;
		return;
	}
	if (a->kind == IND_ACTUAL_TEXT && a->person == IND_PERSON_TEXT &&
		ind_actual_says_target(spec->text, spec->text_len, a->text, a->text_len))
		out->light = IND_LIGHT_GREEN;
}

/* The full-year forecast of a number and whether it meets the target. */
static IndStatus
forecast(const IndSpec *spec, const IndActual *act, const IndMonitorTime *tm,
		 const IndPolicy *p, IndMonitor *out, IndError *err)
{
	IndActual	f = *act;
	bool		known;
	IndStatus	st;

	/*
	 * A rate (a target in %) does not accumulate over the year: its
	 * forecast is the rate as it stands [I].  Counts and money do.
	 */
	if (p->forecast == IND_FORECAST_LINEAR &&
		!(spec->unit_len == 1 && spec->unit[0] == '%'))
		CHECK(ind_ratio_div(act->value, tm->tau, &f.value));
	CHECK(ind_ratio_round(f.value, 2, &out->forecast));
	out->has_forecast = true;
	if ((st = met_by_rule(spec, &f, p, &out->forecast_met, &known, err)) != IND_OK)
		return st;
	return IND_OK;
}

static bool
reason_required(const IndSpec *spec, const IndActual *a, IndLikelihood likelihood,
				const IndPolicy *p, const IndMonitor *m)
{
	bool		required;

	/* 天津: the unit's own 完成目标可能性 decides, even where no light does */
	if (p->reason_basis == IND_REASON_LIKELIHOOD && likelihood != IND_LIKELY_NONE)
		required = likelihood != IND_LIKELY_CERTAIN;
	else if (m->light == IND_LIGHT_NONE)
		return false;
	else
		required = (p->reason_lights & (1 << m->light)) != 0;

	/* 河北: 当前完成值过于大于年度指标值 */
	if (!required && p->reason_over.mant > 0 && a->kind == IND_ACTUAL_NUMBER && spec->lo.mant > 0)
	{
		IndRatio	t = ind_ratio_from_decimal(spec->lo);
		IndRatio	dev,
					limit;

		if (spec->op == IND_OP_EQ)
			required = ind_ratio_cmp(a->value, t) > 0;
		else if ((spec->op == IND_OP_GE || spec->op == IND_OP_GT) &&
				 ind_ratio_sub(a->value, t, &dev) && ind_ratio_div(dev, t, &dev) &&
				 ind_ratio_mul(dev, HUNDRED, &dev))
		{
			limit = ind_ratio_from_decimal(p->reason_over);
			required = ind_ratio_cmp(dev, limit) > 0;
		}
	}
	return required;
}

IndStatus
ind_monitor(const IndSpec *spec, const IndActual *a, const IndMonitorTime *tm,
			const IndLevel *level2, IndLikelihood likelihood, const IndPolicy *p,
			bool with_forecast, IndMonitor *out, IndError *err)
{
	IndStatus	st;

	memset(out, 0, sizeof(*out));
	err->status = IND_OK;
	err->detail[0] = '\0';
	CHECK(quotient_percent(tm->tau, ONE, ONE, &out->time_progress));

	if (spec->op == IND_OP_NONE)
	{
		qualitative_light(spec, a, tm, p, out);
		/* for words the forecast is the state as it stands */
		out->forecast_met = out->light == IND_LIGHT_GREEN || out->light == IND_LIGHT_BLUE;
	}
	else if (a->kind == IND_ACTUAL_NUMBER)
	{
		if ((st = quantitative_light(spec, a, tm, is_prorated(level2, p), p, out, err)) != IND_OK)
			return st;
		if (with_forecast && out->light != IND_LIGHT_NONE &&
			(st = forecast(spec, a, tm, p, out, err)) != IND_OK)
			return st;
	}
	out->reason_required = reason_required(spec, a, likelihood, p, out);
	return IND_OK;
}

IndStatus
ind_budget_monitor(IndDecimal spent, bool has_budget, IndDecimal budget,
				   const IndMonitorTime *tm, const IndPolicy *p, IndBudgetMonitor *out,
				   IndError *err)
{
	IndRatio	rate = ZERO,
				r;
	int			i;

	memset(out, 0, sizeof(*out));
	err->status = IND_OK;
	err->detail[0] = '\0';
	/* E/B := 0 when B is 0 or missing (S1) */
	if (has_budget && budget.mant > 0)
		CHECK(ind_ratio_div(ind_ratio_from_decimal(spent), ind_ratio_from_decimal(budget), &rate));
	CHECK(percent(rate, &out->rate));
	CHECK(percent(tm->tau, &out->time_progress));
	CHECK(ind_ratio_div(rate, tm->tau, &r));
	CHECK(percent(r, &out->progress));
	out->light = band_light(out->progress, p->budget_bands, 2);
	CHECK(ind_ratio_div(ind_ratio_from_decimal(spent), tm->tau, &r));
	CHECK(ind_ratio_round(r, 2, &out->forecast));
	out->has_forecast = true;

	/* 四川: the last checkpoint whose month has ended by the cut-off */
	for (i = 0; i < p->ncheckpoints; i++)
	{
		int			cm = (int) p->checkpoint_month[i].mant;
		bool		passed;

		/* a date passes a checkpoint on the last day of its month */
		passed = tm->has_date ? tm->date >= month_end(tm->year, cm) : tm->month >= cm;
		if (passed)
		{
			out->has_checkpoint = true;
			out->checkpoint = p->checkpoint_rate[i];
		}
	}
	if (out->has_checkpoint)
	{
		IndRatio	due;

		CHECK(ind_ratio_div(ind_ratio_from_decimal(out->checkpoint), HUNDRED, &due));
		out->checkpoint_warning = ind_ratio_cmp(rate, due) < 0;
	}
	return IND_OK;
}

/*
 * A project's light from its goal light (the worst of its indicators) and
 * its budget light.  合肥: the budget on track (green) and the goal
 * attainable (no red) is green; the budget on track and the goal not is
 * yellow; the budget behind is red [I: "on track" = green, "attainable" =
 * no red indicator].
 */
IndLight
ind_project_light(IndLight goal, IndLight budget, const IndPolicy *p)
{
	if (p->project_light == IND_PROJECT_WORST)
		return goal;
	if (goal == IND_LIGHT_NONE || budget == IND_LIGHT_NONE)
		return IND_LIGHT_NONE;
	if (budget != IND_LIGHT_GREEN)
		return IND_LIGHT_RED;
	return goal == IND_LIGHT_RED ? IND_LIGHT_YELLOW : IND_LIGHT_GREEN;
}

/* 四川: goal and budget progress more than progress_gap points apart. */
bool
ind_progress_gap(IndDecimal goal, IndDecimal budget, const IndPolicy *p)
{
	IndRatio	d;

	if (p->progress_gap.mant == 0 ||
		!ind_ratio_sub(ind_ratio_from_decimal(goal), ind_ratio_from_decimal(budget), &d))
		return false;
	if (ind_ratio_sign(d) < 0)
		d.num = -d.num;
	return ind_ratio_cmp(d, ind_ratio_from_decimal(p->progress_gap)) > 0;
}
