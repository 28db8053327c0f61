/*
 * hierarchy.h
 *		The indicator hierarchy of the 2020 and 2021 frameworks: level-1 and
 *		level-2 labels, their spellings, parents and canonical order.
 */
#ifndef INDICATOR_HIERARCHY_H
#define INDICATOR_HIERARCHY_H

#include "postgres.h"

/* Level-1 slots, in canonical order; also the index into level_weights. */
typedef enum IndLevel1
{
	IND_L1_OUTPUT = 0,			/* 产出指标 */
	IND_L1_COST,				/* 成本指标 (2021) */
	IND_L1_OUTCOME,				/* 效益指标 */
	IND_L1_SATISFACTION,		/* 满意度指标 */
	IND_L1_COUNT
} IndLevel1;

typedef struct IndLevel
{
	const char *name;			/* canonical spelling */
	int			depth;			/* 1 or 2 */
	int			level1;			/* IndLevel1 of the label (itself for depth 1) */
	int			sort_key;		/* canonical order across both levels */
	const char *framework;		/* "2020", "2021" or "both" */
} IndLevel;

extern const IndLevel *ind_level_lookup(const char *s, int len);
extern const IndLevel *ind_level_lookup_loose(const char *s, int len);
extern const IndLevel *ind_level1_entry(int level1);
extern const IndLevel *ind_level_as_level1(const IndLevel *l);
extern int	ind_spelling_count(void);
extern const char *ind_spelling_at(int k, const IndLevel **level);
extern int	ind_level_count(void);
extern const IndLevel *ind_level_at(int i);
extern int	ind_level_spellings(int i, const char **out, int max);

#endif							/* INDICATOR_HIERARCHY_H */
