/*
 * score.h
 *		Scoring one indicator against its actual result, by a policy.
 */
#ifndef INDICATOR_SCORE_H
#define INDICATOR_SCORE_H

#include "postgres.h"

#include "exact.h"
#include "literal.h"
#include "policy.h"

typedef enum IndGrade
{
	IND_GRADE_NONE = 0,
	IND_GRADE_MET = 1,			/* 达成年度指标 */
	IND_GRADE_PARTIAL = 2,		/* 部分达成年度指标并具有一定效果 */
	IND_GRADE_UNMET = 3			/* 未达成年度指标且效果较差 */
} IndGrade;

typedef enum IndActualKind
{
	IND_ACTUAL_NUMBER,
	IND_ACTUAL_GRADE,
	IND_ACTUAL_DATE
} IndActualKind;

/* An actual result as a self-evaluation form writes it. */
typedef struct IndActual
{
	IndActualKind kind;
	IndRatio	value;			/* NUMBER: in the target's unit */
	const char *unit;			/* NUMBER: the unit written, before conversion */
	int			unit_len;
	IndGrade	grade;			/* GRADE */
	bool		has_manual;		/* GRADE: a manual score was given */
	bool		manual_is_fraction; /* ... as a fraction of the weight */
	IndDecimal	manual;
	int32		date;			/* DATE: days since 2000-01-01 */
} IndActual;

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
} IndScore;

/* A deadline read from a qualitative target such as 2022年12月前. */
typedef struct IndDeadline
{
	int32		start;			/* first day of the period, days since 2000-01-01 */
	int32		end;			/* the deadline itself */
} IndDeadline;

extern IndStatus ind_score(const IndSpec *spec, const IndActual *actual, IndDecimal weight,
						   const IndPolicy *policy, IndScore *out, IndError *err);
extern IndStatus ind_budget_score(IndDecimal spent, IndDecimal budget, IndDecimal weight,
								  const IndPolicy *policy, IndDecimal *points,
								  IndRatio *rate, IndError *err);
extern const char *ind_grade_of_total(IndDecimal total, const IndPolicy *policy);
extern bool ind_score_quick(const IndSpec *spec, IndDecimal actual, IndDecimal weight,
							const IndPolicy *policy, IndScore *out);

/* actual.c */
extern IndStatus ind_parse_actual(const char *s, int len, IndActual *a, IndError *err);
extern IndStatus ind_actual_to_target_unit(const IndSpec *spec, IndActual *a, IndError *err);
extern bool ind_parse_deadline(const char *s, int len, IndDeadline *d);
extern int32 ind_days_from_civil(int y, int m, int d);
extern int	ind_months_late(int32 deadline, int32 done);
extern const char *ind_grade_name(IndGrade g);

#endif							/* INDICATOR_SCORE_H */
