/*
 * weights.c
 *		Summing a project's weights by level 1 and checking them against the
 *		split its policy expects ([M] 财预〔2020〕10号: 产出 50, 效益 30,
 *		满意度 10, 预算执行率 10; 湖北 and others differ by policy).
 *
 * Pure code, exact: weights are rationals, so no split is missed or found
 * by rounding.
 */
#include "postgres.h"

#include "weights.h"

void
ind_weight_sums_init(IndWeightSums *ws)
{
	int			i;

	for (i = 0; i < IND_L1_COUNT; i++)
	{
		ws->sum[i] = ind_ratio_int(0);
		ws->present[i] = false;
	}
}

/*
 * Count weight w of a row under level (level 1 or 2; NULL is not counted).
 * 成本指标 as a level 1 (2021) counts with 产出 unless the policy keeps it
 * apart.  False when the sum overflows.
 */
bool
ind_weight_sums_add(IndWeightSums *ws, const IndLevel *level, IndRatio w, const IndPolicy *p)
{
	const IndLevel *l = ind_level_as_level1(level);
	int			slot;

	if (l == NULL)
		return true;
	slot = l->level1;
	if (slot == IND_L1_COST && p->cost_in_output)
		slot = IND_L1_OUTPUT;
	ws->present[slot] = true;
	return ind_ratio_add(ws->sum[slot], w, &ws->sum[slot]);
}

/* The split the policy expects; without 满意度 rows their share goes to 效益 ([M] 10号). */
void
ind_weight_split(const IndWeightSums *ws, const IndPolicy *p, IndWeightSplit *split)
{
	IndRatio	sat = ind_ratio_from_decimal(p->level_weights[IND_WEIGHT_SATISFACTION]);

	split->output = ind_ratio_from_decimal(p->level_weights[IND_WEIGHT_OUTPUT]);
	split->outcome = ind_ratio_from_decimal(p->level_weights[IND_WEIGHT_OUTCOME]);
	split->satisfaction = sat;
	split->budget = ind_ratio_from_decimal(p->level_weights[IND_WEIGHT_BUDGET]);
	split->outcome_with_satisfaction = (ind_ratio_sign(sat) == 0);
	if (!ws->present[IND_L1_SATISFACTION] && ind_ratio_sign(sat) > 0)
	{
		/* the shares are small decimals: their sum cannot overflow */
		(void) ind_ratio_add(split->outcome, sat, &split->outcome);
		split->satisfaction = ind_ratio_int(0);
	}
}

/* Do the sums meet the split?  (成本 kept apart has no share of its own.) */
bool
ind_weight_sums_match(const IndWeightSums *ws, const IndWeightSplit *split)
{
	if (ind_ratio_cmp(ws->sum[IND_L1_OUTPUT], split->output) != 0)
		return false;
	if (split->outcome_with_satisfaction)
	{
		IndRatio	both;

		return ind_ratio_add(ws->sum[IND_L1_OUTCOME], ws->sum[IND_L1_SATISFACTION], &both) &&
			ind_ratio_cmp(both, split->outcome) == 0;
	}
	return ind_ratio_cmp(ws->sum[IND_L1_OUTCOME], split->outcome) == 0 &&
		ind_ratio_cmp(ws->sum[IND_L1_SATISFACTION], split->satisfaction) == 0;
}
