/*
 * fuzz_actual.c
 *		libFuzzer target: the actual-value reader of score(..., text, ...),
 *		deadlines, unit conversion and the scoring rules, under several
 *		policies.  Asserts that points stay within [0, weight].
 */
#include "postgres.h"

#include <stdlib.h>

#include "policy.h"
#include "score.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const specs[] = {
	">= 10 次", "<= 60 万元", "正向 = 100 %", "= 0 %", "95%～100%", "定性 有效提高",
	"定性 2022年12月前", "定性 2022年1月至12月", ">= -5 %", "<= 20 分钟", ">= 100 条/天",
	"反向 = 5 工作日", "> 0.000000000000000001", "[-999999999999999999, 0]"
};
static const char *const policies[] = {
	"central", "hubei reverse_mode=linear_2x", "tianjin eq_mode=symmetric eq_tolerance=0.05",
	"jiangxi strict_gt=true over_mode=deduct zero_target_mode=per_unit date_mode=per_month"
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	int			len = (int) Min(size, 1 << 16);
	IndDecimal	w = {1000, 2};
	int			i,
				j;

	for (j = 0; j < (int) lengthof(policies); j++)
	{
		IndPolicy	p;
		IndPolicyError perr;

		if (!ind_policy_parse(policies[j], (int) strlen(policies[j]), &p, &perr))
			abort();
		for (i = 0; i < (int) lengthof(specs); i++)
		{
			IndSpec		spec;
			IndActual	a;
			IndError	err;
			IndScore	out;

			if (ind_parse_literal(specs[i], (int) strlen(specs[i]), &spec, &err) != IND_OK)
				abort();
			if (ind_parse_actual(s, len, &a, &err) != IND_OK ||
				ind_actual_to_target_unit(&spec, &a, &err) != IND_OK)
				continue;
			if (ind_score(&spec, &a, w, &p, &out, &err) != IND_OK)
				continue;
			if (ind_decimal_cmp(out.points, w) > 0 || out.points.mant < 0)
				abort();		/* points within [0, weight] */
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
