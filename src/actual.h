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
	IND_ACTUAL_DATE,
	IND_ACTUAL_TEXT				/* words that are none of these: a person reads them */
} IndActualKind;

/*
 * Why an actual is not scored automatically but left to a person.  The
 * codes are part of no stored format; ind_person_reason() says each.
 */
typedef enum IndPerson
{
	IND_PERSON_NONE = 0,
	IND_PERSON_TEXT,			/* a sentence, 见附件: not a number, grade or date */
	IND_PERSON_GRADE,			/* a bare grade against a quantitative target */
	IND_PERSON_DATE,			/* a date against a target that is no deadline */
	IND_PERSON_NUMBER,			/* a number against a qualitative target */
	IND_PERSON_UNIT,			/* a unit that does not convert to the target's */
	IND_PERSON_NO_TARGET,		/* the row has no target (a review of a sheet's row) */
	IND_PERSON_NO_ACTUAL,		/* no actual: a dash, or an empty cell in a review */
	IND_PERSON_NO_YEAR,			/* a deadline without a year (9月前), and no year= knob */
	IND_PERSON_WEIGHT,			/* a review's weight that is not a weight (negative) */
	IND_PERSON_MALFORMED		/* a value written wrong (1,5 or 10/12), read leniently */
} IndPerson;

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
	const char *text;			/* TEXT: the words, in the caller's buffer */
	int			text_len;
	IndPerson	person;			/* TEXT: why (IND_PERSON_TEXT unless said otherwise) */
	bool		repeated_comparator;	/* NUMBER: "≥266米" repeats the target's comparator */
} IndActual;

/* A deadline read from a qualitative target such as 2022年12月前. */
typedef struct IndDeadline
{
	int32		start;			/* first day of the period, days since 2000-01-01 */
	int32		end;			/* the deadline itself */
} IndDeadline;

extern IndStatus ind_parse_actual(const char *s, int len, IndActual *a, IndError *err);
extern void ind_actual_for_person(const char *s, int len, IndPerson person, IndActual *a);
extern IndStatus ind_actual_to_target_unit(const IndSpec *spec, IndActual *a, IndError *err);
extern bool ind_parse_deadline(const char *s, int len, IndDeadline *d);
extern bool ind_parse_deadline_in(const char *s, int len, int year, IndDeadline *d);
extern bool ind_is_yearless_deadline(const char *s, int len);
extern int32 ind_days_from_civil(int y, int m, int d);
extern void ind_civil_from_days(int32 z, int *y, int *m, int *d);
extern int	ind_months_late(int32 deadline, int32 done);
extern const char *ind_grade_name(IndGrade g);
extern const char *ind_person_reason(IndPerson p);
extern bool ind_actual_says_target(const char *target, int target_len, const char *s, int len);

#endif							/* INDICATOR_ACTUAL_H */
