/*
 * review.c
 *		复核: the score a sheet printed for a row, against the rules.
 *
 * The rules stay the rules: a printed score that differs is named, never
 * taken as a reason to score differently.  The verdict is the first of
 * these that holds:
 *
 *   no printed score      the sheet printed none
 *   needs a person        the actual does not read (score_detail says why)
 *   no weight printed     the form has no 分值 column and the rule says the
 *                         target was missed: the points cannot be checked
 *   above the weight      printed above the weight
 *   agrees                printed = the rule's points (on a form without 分值,
 *                         a met row keeps the points printed for it)
 *   full marks despite a miss  (never a matter of rounding)
 *   rounding only         printed = the rule's points printed to whole or
 *                         tenth points, rounded half up or cut off
 *   deduction although met
 *   below the rule / above the rule
 *
 * Pure code.
 */
#include "postgres.h"

#include "decimal.h"
#include "review.h"

static const char *const verdict_names[IND_VERDICT_COUNT] = {
	"no printed score", "needs a person", "no weight printed", "above the weight", "agrees",
	"rounding only", "deduction although met", "full marks despite a miss", "below the rule",
	"above the rule"
};

const char *
ind_verdict_name(IndVerdict v)
{
	return (v >= 0 && v < IND_VERDICT_COUNT) ? verdict_names[v] : NULL;
}

/* d at scale digits (0 or 1), half up or cut off; false if it does not fit. */
static bool
at_digits(IndDecimal d, int digits, bool truncate, IndDecimal *out)
{
	int64		unit;
	int64		q,
				r;

	if (d.scale <= digits)
	{
		*out = d;
		return true;
	}
	if (d.scale - digits > 18)
		return false;
	unit = ind_pow10[d.scale - digits];
	q = d.mant / unit;
	r = d.mant % unit;
	if (!truncate && r * 2 >= unit)
		q++;
	out->mant = q;
	out->scale = digits;
	return true;
}

static bool
sub(IndDecimal a, IndDecimal b, IndDecimal *out)
{
	int			scale = Max(a.scale, b.scale);
	int64		ma,
				mb;

	if (!ind_decimal_rescale(a, scale, &ma) || !ind_decimal_rescale(b, scale, &mb) ||
		__builtin_sub_overflow(ma, mb, &out->mant))
		return false;
	out->scale = scale;
	*out = ind_decimal_normalize(*out);
	return true;
}

/*
 * Review one row: s is the rule's result (its needs_person set when the
 * actual does not read).  false only when a difference overflows.
 */
bool
ind_review(const IndScore *s, bool has_weight, IndDecimal weight,
		   bool has_printed, IndDecimal printed, IndReview *out)
{
	int			k;

	memset(out, 0, sizeof(*out));
	if (!has_printed)
	{
		out->verdict = IND_VERDICT_NO_PRINTED;
		if (s->needs_person == IND_PERSON_NONE && has_weight)
		{
			out->has_rule = true;
			out->rule_points = s->points;
		}
		return true;
	}
	if (s->needs_person != IND_PERSON_NONE)
	{
		out->verdict = IND_VERDICT_PERSON;
		return true;
	}
	if (!has_weight)
	{
		/* 湖北/云南 forms print no 分值: a met row's points are its weight */
		if (!s->met)
		{
			out->verdict = IND_VERDICT_NO_WEIGHT;
			return true;
		}
		out->verdict = IND_VERDICT_AGREES;
		out->has_rule = out->has_difference = true;
		out->rule_points = printed;
		out->difference.mant = 0;
		return true;
	}
	out->has_rule = true;
	out->rule_points = s->points;
	out->has_difference = true;
	if (!sub(printed, s->points, &out->difference))
		return false;
	if (ind_decimal_cmp(printed, weight) > 0)
	{
		out->verdict = IND_VERDICT_ABOVE_WEIGHT;
		return true;
	}
	if (ind_decimal_cmp(printed, s->points) == 0)
	{
		out->verdict = IND_VERDICT_AGREES;
		return true;
	}
	/* a miss at full marks is never a matter of rounding: a miss never shows full marks */
	if (!s->met && ind_decimal_cmp(printed, weight) == 0)
	{
		out->verdict = IND_VERDICT_FULL_MISSED;
		return true;
	}
	/* a met row's points are its weight: any other number is a deduction, not rounding */
	for (k = 0; k < 4 && !s->met; k++)
	{
		IndDecimal	r;

		if (at_digits(s->points, k / 2, k % 2 == 1, &r) && ind_decimal_cmp(printed, r) == 0)
		{
			out->verdict = IND_VERDICT_ROUNDING;
			return true;
		}
	}
	if (s->met)
		out->verdict = IND_VERDICT_DEDUCTED_MET;
	else if (ind_decimal_cmp(printed, s->points) < 0)
		out->verdict = IND_VERDICT_BELOW_RULE;
	else
		out->verdict = IND_VERDICT_ABOVE_RULE;
	return true;
}

/*
 * What a reviewer pastes into a review opinion (复核意见), in Chinese, with
 * the numbers.  Returns its length.
 */
int
ind_verdict_explain(const IndReview *r, bool has_printed, IndDecimal printed,
					bool has_weight, IndDecimal weight, const char *person_reason,
					char *buf, int buflen)
{
	char		p[IND_DEC_BUFLEN],
				w[IND_DEC_BUFLEN],
				q[IND_DEC_BUFLEN];

	p[0] = w[0] = q[0] = '\0';
	if (has_printed)
		ind_decimal_format(ind_decimal_normalize(printed), p);
	if (has_weight)
		ind_decimal_format(ind_decimal_normalize(weight), w);
	if (r->has_rule)
		ind_decimal_format(r->rule_points, q);
	switch (r->verdict)
	{
		case IND_VERDICT_NO_PRINTED:
			return snprintf(buf, buflen, "自评表未填写得分%s%s%s", r->has_rule ? "，按评分规则应得" : "",
							q, r->has_rule ? "分" : "");
		case IND_VERDICT_PERSON:
			return snprintf(buf, buflen, "%s；自评得分%s分需人工复核", person_reason ? person_reason : "实际完成值无法自动评分", p);
		case IND_VERDICT_NO_WEIGHT:
			return snprintf(buf, buflen, "自评表未列分值，实际完成值未达到指标值，自评得分%s分是否按完成比例计分无法核对，需人工复核", p);
		case IND_VERDICT_ABOVE_WEIGHT:
			return snprintf(buf, buflen, "自评得分%s分超过该指标分值%s分，不得设置加分", p, w);
		case IND_VERDICT_AGREES:
			return has_weight
				? snprintf(buf, buflen, "自评得分%s分与评分规则一致", p)
				: snprintf(buf, buflen, "指标已完成，自评得分%s分（自评表未列分值，按完成指标记该指标全部分值核对）", p);
		case IND_VERDICT_ROUNDING:
			return snprintf(buf, buflen, "按评分规则应得%s分，自评得分%s分，差异仅为取整或保留小数位数", q, p);
		case IND_VERDICT_DEDUCTED_MET:
			return snprintf(buf, buflen, "实际完成值已达到指标值，应记全部分值%s分，自评得分%s分扣分无依据", q, p);
		case IND_VERDICT_FULL_MISSED:
			return snprintf(buf, buflen, "实际完成值未达到指标值，按完成比例应得%s分，自评记满分%s分", q, p);
		case IND_VERDICT_BELOW_RULE:
			return snprintf(buf, buflen, "按评分规则应得%s分，自评得分%s分低于规则得分", q, p);
		case IND_VERDICT_ABOVE_RULE:
			return snprintf(buf, buflen, "按评分规则应得%s分，自评得分%s分高于规则得分", q, p);
		case IND_VERDICT_COUNT:
			break;
	}
	buf[0] = '\0';
	return 0;
}
