/*
 * infer.h
 *		A goal-table row's indicator when the table prints a bare target
 *		(63人, 100%, 1600元/亩, 12月底前): the comparator inferred from the
 *		row's level 2, or from the unit where the level says nothing.
 */
#ifndef INDICATOR_INFER_H
#define INDICATOR_INFER_H

#include "postgres.h"

#include "hierarchy.h"
#include "literal.h"

/* How a comparator or a reading was inferred (bits; shown to reviewers). */
typedef enum IndInference
{
	IND_INFER_NONE = 0,
	IND_INFER_LEVEL2 = 1 << 0,	/* comparator from the level 2 (成本 <=, otherwise >=) */
	IND_INFER_UNIT = 1 << 1,	/* comparator from the unit (money, time <=) */
	IND_INFER_DEFAULT = 1 << 2, /* comparator >= with neither level 2 nor unit to go on */
	IND_INFER_SUFFIX = 1 << 3,	/* comparator written after the value: 95%以上 */
	IND_INFER_DATE = 1 << 4		/* a date or period: a qualitative deadline */
} IndInference;

/* ind_parse_columns() plus the inference rules; level2 may be NULL. */
extern IndStatus ind_parse_columns_level(const char *nature, int nature_len,
										 const char *cmp, int cmp_len,
										 const char *target, int target_len,
										 const char *unit, int unit_len,
										 const IndLevel *level2,
										 char *textbuf, IndSpec *spec, IndError *err,
										 int *inferred);
extern bool ind_is_date_text(const char *s, int len);
extern bool ind_is_bare_target(const char *s, int len);

#endif							/* INDICATOR_INFER_H */
