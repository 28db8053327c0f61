/*
 * score.h
 *		Scoring one indicator against its actual result, by a policy.
 */
#ifndef INDICATOR_SCORE_H
#define INDICATOR_SCORE_H

#include "postgres.h"

#include "actual.h"
#include "exact.h"
#include "literal.h"
#include "policy.h"

/* The result of scoring one indicator. */
typedef struct IndScore
{
	IndDecimal	points;			/* rounded half up to 2 decimals, in [0, w] */
	IndRatio	attainment;		/* exact fraction achieved, in [0, 1] */
	bool		met;			/* the target is met (i @> actual) */
	bool		has_deviation;
	IndRatio	deviation;		/* 偏离度: (a-t)/t, or (t-a)/t for <= */
	bool		over_completed; /* deviation reached over_threshold - 1 */
	bool		reason_required;	/* points below the weight */
	bool		manual_review;	/* the policy wants a person to look */
	IndPerson	needs_person;	/* not scored: only a person can (the rest is unset) */
} IndScore;

extern IndStatus ind_score(const IndSpec *spec, const IndActual *actual, IndDecimal weight,
						   const IndPolicy *policy, IndScore *out, IndError *err);
extern IndStatus ind_budget_score(IndDecimal spent, IndDecimal budget, IndDecimal weight,
								  const IndPolicy *policy, IndDecimal *points,
								  IndRatio *rate, IndError *err);
extern const char *ind_grade_of_total(IndDecimal total, const IndPolicy *policy);
extern bool ind_score_quick(const IndSpec *spec, IndDecimal actual, IndDecimal weight,
							const IndPolicy *policy, IndScore *out);

#endif							/* INDICATOR_SCORE_H */
