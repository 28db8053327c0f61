/*
 * actual.h
 *		Actual results (实际完成值) as self-evaluation sheets write them:
 *		numbers with units, grades with manual scores, dates; and the
 *		deadlines of qualitative targets.
 */
#ifndef INDICATOR_ACTUAL_H
#define INDICATOR_ACTUAL_H

#include "postgres.h"

#include "error.h"
#include "exact.h"
#include "literal.h"

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

/* A deadline read from a qualitative target such as 2022年12月前. */
typedef struct IndDeadline
{
	int32		start;			/* first day of the period, days since 2000-01-01 */
	int32		end;			/* the deadline itself */
} IndDeadline;

extern IndStatus ind_parse_actual(const char *s, int len, IndActual *a, IndError *err);
extern IndStatus ind_actual_to_target_unit(const IndSpec *spec, IndActual *a, IndError *err);
extern bool ind_parse_deadline(const char *s, int len, IndDeadline *d);
extern int32 ind_days_from_civil(int y, int m, int d);
extern void ind_civil_from_days(int32 z, int *y, int *m, int *d);
extern int	ind_months_late(int32 deadline, int32 done);
extern const char *ind_grade_name(IndGrade g);

#endif							/* INDICATOR_ACTUAL_H */
