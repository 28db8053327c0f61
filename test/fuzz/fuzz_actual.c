/*
 * fuzz_actual.c
 *		libFuzzer target: the actual-value reader of score(..., text, ...),
 *		deadlines, unit conversion and the scoring rules, under several
 *		policies.  Asserts that points stay within [0, weight], and that a
 *		row left to a person says why.
 */
#include "postgres.h"

#include <stdlib.h>

#include "monitor.h"
#include "policy.h"
#include "review.h"
#include "score.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const specs[] = {
	">= 10 次", "<= 60 万元", "正向 = 100 %", "= 0 %", "95%～100%", "定性 有效提高",
	"定性 2022年12月前", "定性 2022年1月至12月", ">= -5 %", "<= 20 分钟", ">= 100 条/天",
	"反向 = 5 工作日", "> 0.000000000000000001", "[-999999999999999999, 0]"
};
static const char *const policies[] = {
	"central", "hubei reverse_mode=linear_2x", "tianjin eq_mode=symmetric eq_tolerance=0.05",
	"jiangxi strict_gt=true over_mode=deduct zero_target_mode=per_unit date_mode=per_month",
	"shanxi time_basis=day forecast=current", "hebei reason_lights=all", "sichuan year=2022"
};

static IndSpec parsed_specs[lengthof(specs)];
static IndPolicy parsed_policies[lengthof(policies)];
static bool ready = false;

/* Specs and policies are parsed once: the input is what varies. */
static void
prepare(void)
{
	int			i;

	for (i = 0; i < (int) lengthof(specs); i++)
	{
		IndError	err;

		if (ind_parse_literal(specs[i], (int) strlen(specs[i]), &parsed_specs[i], &err) != IND_OK)
			abort();
		/* the unit pointed into the spec's own buffer: keep it there */
		if (parsed_specs[i].unit != NULL)
			parsed_specs[i].unit = parsed_specs[i].unit_buf;
	}
	for (i = 0; i < (int) lengthof(policies); i++)
	{
		IndPolicyError perr;

		if (!ind_policy_parse(policies[i], (int) strlen(policies[i]), &parsed_policies[i], &perr))
			abort();
	}
	ready = true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	int			len = (int) Min(size, 1 << 16);
	IndDecimal	w = {1000, 2};
	int			i,
				j;

	if (!ready)
		prepare();
	for (i = 0; i < (int) lengthof(specs); i++)
	{
		IndActual	a;
		IndError	err;

		if (ind_parse_actual(s, len, &a, &err) != IND_OK ||
			ind_actual_to_target_unit(&parsed_specs[i], &a, &err) != IND_OK)
			continue;
		for (j = 0; j < (int) lengthof(policies); j++)
		{
			IndScore	out;

			/* monitoring the same value: a light, and a reason only with one (or with 天津's likelihood) */
			{
				IndMonitorTime tm;
				IndMonitor	m;

				ind_monitor_time_of_month(1 + (i + j) % 12, &parsed_policies[j], &tm);
				if (ind_monitor(&parsed_specs[i], &a, &tm, j % 2 ? ind_level_at(j % ind_level_count()) : NULL,
								(IndLikelihood) (j % 4), &parsed_policies[j], true, &m, &err) == IND_OK &&
					((int) m.light < 0 || m.light >= IND_NLIGHTS ||
					 (m.reason_required && m.light == IND_LIGHT_NONE &&
					  !(parsed_policies[j].reason_basis == IND_REASON_LIKELIHOOD && j % 4 != 0)) ||
					 (m.has_progress && !m.prorated)))
					abort();
				ind_monitor_time_of_date(8000 + 37 * i + j, &parsed_policies[j], &tm);
				(void) ind_monitor(&parsed_specs[i], &a, &tm, NULL, IND_LIKELY_NONE,
								   &parsed_policies[j], j % 2, &m, &err);
			}
			if (ind_score(&parsed_specs[i], &a, w, &parsed_policies[j], &out, &err) != IND_OK)
				continue;
			/* a row left to a person says why, and has no points */
			if (out.needs_person != IND_PERSON_NONE)
			{
				if (ind_person_reason(out.needs_person) == NULL || out.points.mant != 0)
					abort();
				continue;
			}
			if (ind_decimal_cmp(out.points, w) > 0 || out.points.mant < 0)
				abort();		/* points within [0, weight] */
			/* a sheet that printed the rule's own points agrees with it */
			{
				IndReview	rv;

				if (!ind_review(&out, true, w, true, out.points, &rv) || rv.verdict != IND_VERDICT_AGREES)
					abort();
			}
			/* the scorecard's integer path must agree with the exact one */
			if (a.kind == IND_ACTUAL_NUMBER && a.value.den == 1 &&
				a.value.num > -INT64CONST(999999999999999999) &&
				a.value.num < INT64CONST(999999999999999999))
			{
				IndDecimal	ad = {(int64) a.value.num, 0};
				IndScore	quick;

				if (ind_score_quick(&parsed_specs[i], ad, w, &parsed_policies[j], &quick) &&
					(ind_decimal_cmp(quick.points, out.points) != 0 || quick.met != out.met ||
					 quick.over_completed != out.over_completed ||
					 quick.manual_review != out.manual_review))
					abort();
			}
		}
	}
	/* the same bytes as a policy */
	{
		IndPolicy	p;
		IndPolicyError perr;

		(void) ind_policy_parse(s, len, &p, &perr);
	}
	/* and as a deadline target */
	{
		IndDeadline dl;

		if (ind_parse_deadline(s, len, &dl) && dl.end < dl.start)
			abort();
	}
	return 0;
}
