/*
 * goal_review.h
 *		Goal-table review (目标审核): the mechanical checks a finance
 *		department makes of a project's goal table before the budget is
 *		approved, as findings a reviewer can paste into a review opinion.
 *
 * The rules are R1..R16 of the rules document (monitoring-review-rules.md
 * §3) and two comparisons with earlier years' tables (历史标准, 101号): H1,
 * a target below last year's actual, and H2, a target unchanged for three
 * years.  Each is a policy knob (review_r1 ... review_h2) with a severity
 * or off.  The core is pure: text in UTF-8, findings handed to a callback.
 */
#ifndef INDICATOR_GOAL_REVIEW_H
#define INDICATOR_GOAL_REVIEW_H

#include "postgres.h"

#include "decimal.h"
#include "hierarchy.h"
#include "literal.h"
#include "policy.h"

typedef enum GrRule
{
	GR_R1 = 0, GR_R2, GR_R3, GR_R4, GR_R5, GR_R6, GR_R7, GR_R8, GR_R9, GR_R10,
	GR_R11, GR_R12, GR_R13, GR_R14, GR_R15, GR_R16, GR_H1, GR_H2
} GrRule;

/* A decimal that may be absent. */
typedef struct GrAmount
{
	bool		known;
	IndDecimal	v;
} GrAmount;

typedef struct GrProject
{
	const char *code;			/* NUL-terminated UTF-8, or NULL */
	const char *name;
	int			year;			/* 0: unknown */
	const char *annual_goal;	/* NULL: none given */
	GrAmount	total;			/* 资金总额 (万元) */
	GrAmount	fiscal;			/* 财政拨款 */
	GrAmount	non_fiscal;		/* 其他资金 */
	GrAmount	budget_weight;	/* 预算执行率's weight */
	const char *attribute;		/* 项目属性; NULL: the table has none */
	bool		has_start;		/* 项目期限, where known */
	int32		period_start;	/* days since 2000-01-01 */
	bool		has_end;
	int32		period_end;
} GrProject;

typedef struct GrRow
{
	const char *level1;			/* as given (canonical or printed), or NULL */
	const char *level2;
	const char *name;
	bool		has_spec;
	IndSpec		spec;
	GrAmount	weight;
	int			source_line;	/* 0: unknown */
	const char *target_cell;	/* the target as printed, where the spec does not read */
	/* filled by the review */
	const IndLevel *l1;
	const IndLevel *l2;
	int			slot;			/* IndLevel1, 成本 apart; -1 unknown */
	bool		na;				/* a 无 row: not applicable */
} GrRow;

/* One indicator of an earlier year's table, with its actual where known. */
typedef struct GrHistory
{
	const char *project_code;
	const char *project_name;
	int			year;
	const char *name;
	bool		has_spec;
	IndSpec		spec;
	const char *actual;			/* 实际完成值 as the sheet writes it, or NULL */
	int			source_line;	/* 0: unknown */
} GrHistory;

#define GR_MAX_FINDING_ROWS 64

/* No goal table comes near this; R5, R15 and R16 compare rows pairwise. */
#define GR_MAX_PROJECT_ROWS 2000

typedef struct GrFinding
{
	int			rule;			/* GrRule */
	int			severity;		/* IndReviewSeverity, never OFF */
	int			nrows;
	int			rows[GR_MAX_FINDING_ROWS];	/* indexes into the project's rows */
	const char *message;		/* UTF-8, Chinese */
} GrFinding;

typedef void (*GrEmit) (void *arg, const GrFinding *f);

extern void gr_review(const GrProject *p, GrRow *rows, int nrows,
					  const GrHistory *hist, int nhist, const IndPolicy *policy,
					  GrEmit emit, void *arg);
struct GtProject;
struct GtRow;
extern int	gr_from_import(const struct GtProject *gp, const struct GtRow *rows, int nrows,
						   GrProject *p, GrRow *out);
extern void gr_import_free(GrProject *p, GrRow *rows, int n);
extern const char *gr_rule_code(int rule);
extern const char *gr_rule_dimension(int rule);
extern const char *gr_severity_name(int severity);
extern int	gr_rule_count(void);
extern const char *gr_grade(int errors, int warnings, bool incomplete, const IndPolicy *policy);
extern void gr_similarity(const char *a, int alen, const char *b, int blen, int *common, int *total);
extern bool gr_similar(const char *a, const char *b, IndDecimal threshold);

#endif							/* INDICATOR_GOAL_REVIEW_H */
