/*
 * weights.h
 *		The split of a project's weights by level 1 (产出 50, 效益 30,
 *		满意度 10 and 预算执行率 10 by default), as a policy sets it: the
 *		one implementation behind weight_check() and the importer's check.
 */
#ifndef INDICATOR_WEIGHTS_H
#define INDICATOR_WEIGHTS_H

#include "postgres.h"

#include "exact.h"
#include "hierarchy.h"
#include "policy.h"

/* A project's weights summed by the slot each level 1 counts in. */
typedef struct IndWeightSums
{
	IndRatio	sum[IND_L1_COUNT];
	bool		present[IND_L1_COUNT];
} IndWeightSums;

/* What the policy expects of those sums. */
typedef struct IndWeightSplit
{
	IndRatio	output;			/* 产出, with 成本 unless the policy sets it apart */
	IndRatio	outcome;		/* 效益, plus 满意度's share when it has no rows */
	IndRatio	satisfaction;	/* 满意度 */
	bool		outcome_with_satisfaction;	/* checked as one sum (湖北) */
	IndRatio	budget;			/* 预算执行率 */
} IndWeightSplit;

extern void ind_weight_sums_init(IndWeightSums *ws);
extern bool ind_weight_sums_add(IndWeightSums *ws, const IndLevel *level, IndRatio w,
								const IndPolicy *p);
extern void ind_weight_split(const IndWeightSums *ws, const IndPolicy *p, IndWeightSplit *split);
extern bool ind_weight_sums_match(const IndWeightSums *ws, const IndWeightSplit *split);

#endif							/* INDICATOR_WEIGHTS_H */
