/*
 * review.h
 *		Reviewing (复核) the score a self-evaluation sheet printed for a row
 *		against the score the rules give it.
 */
#ifndef INDICATOR_REVIEW_H
#define INDICATOR_REVIEW_H

#include "postgres.h"

#include "score.h"

/* The verdicts, in the order they are decided; their names are in review.c. */
typedef enum IndVerdict
{
	IND_VERDICT_NO_PRINTED = 0,	/* no printed score */
	IND_VERDICT_PERSON,			/* the actual does not read: a person must score it */
	IND_VERDICT_NO_WEIGHT,		/* the form has no 分值 and the rule says missed */
	IND_VERDICT_ABOVE_WEIGHT,	/* printed above the weight */
	IND_VERDICT_AGREES,
	IND_VERDICT_ROUNDING,		/* differs only by printing whole or tenth points */
	IND_VERDICT_DEDUCTED_MET,	/* met, yet points taken off */
	IND_VERDICT_FULL_MISSED,	/* missed, yet full marks */
	IND_VERDICT_BELOW_RULE,
	IND_VERDICT_ABOVE_RULE,
	IND_VERDICT_COUNT
} IndVerdict;

typedef struct IndReview
{
	IndVerdict	verdict;
	bool		has_rule;		/* rule_points is set */
	IndDecimal	rule_points;	/* what the rules give (the printed score, on a form without 分值, when met) */
	bool		has_difference;
	IndDecimal	difference;		/* printed - rule */
} IndReview;

extern bool ind_review(const IndScore *s, bool has_weight, IndDecimal weight,
					   bool has_printed, IndDecimal printed, IndReview *out);
extern const char *ind_verdict_name(IndVerdict v);
extern int	ind_verdict_explain(const IndReview *r, bool has_printed, IndDecimal printed,
								bool has_weight, IndDecimal weight, const char *person_reason,
								char *buf, int buflen);

#endif							/* INDICATOR_REVIEW_H */
