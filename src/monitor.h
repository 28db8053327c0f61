/*
 * monitor.h
 *		Monitoring during the year (运行监控): time progress, the light of an
 *		indicator and of a budget, the reason a deviation needs, a plain
 *		full-year forecast.  The rules and their sources are in the README,
 *		"Monitoring".
 */
#ifndef INDICATOR_MONITOR_H
#define INDICATOR_MONITOR_H

#include "postgres.h"

#include "actual.h"
#include "hierarchy.h"
#include "policy.h"

/* The cut-off: a date, or a month of the tables' "1–7月". */
typedef struct IndMonitorTime
{
	IndRatio	tau;			/* time progress (序时进度), in (0, 1] */
	int			month;			/* 1..12 */
	bool		has_date;
	int32		date;			/* days since 2000-01-01, when has_date */
	int			year;			/* the date's, or the policy's; 0: unknown */
} IndMonitorTime;

/* 完成目标可能性, the official choices */
typedef enum IndLikelihood
{
	IND_LIKELY_NONE = 0,		/* not given */
	IND_LIKELY_CERTAIN,			/* 确定能 */
	IND_LIKELY_POSSIBLE,		/* 有可能 */
	IND_LIKELY_IMPOSSIBLE		/* 完全不可能 */
} IndLikelihood;

/* One indicator as of the cut-off. */
typedef struct IndMonitor
{
	IndLight	light;
	bool		prorated;		/* judged against t*τ (else against t) */
	bool		has_progress;
	IndDecimal	progress;		/* p = a/(t*τ)*100, 2 decimals */
	IndDecimal	time_progress;	/* τ*100, 2 decimals */
	bool		has_completion;
	IndDecimal	completion;		/* a/t*100, 2 decimals; 0 when a or t is 0 */
	bool		completion_counts;	/* a target to reach (not a limit, not 0): progress counts it */
	bool		has_forecast;
	IndDecimal	forecast;		/* full-year value, 2 decimals */
	bool		forecast_met;	/* the forecast (or the state, for words) meets the target */
	bool		reason_required;
} IndMonitor;

/* The budget as of the cut-off. */
typedef struct IndBudgetMonitor
{
	IndDecimal	rate;			/* E/B*100, 2 decimals; 0 without a budget */
	IndDecimal	time_progress;
	IndDecimal	progress;		/* r = (E/B)/τ*100, 2 decimals */
	IndLight	light;
	bool		has_checkpoint;
	IndDecimal	checkpoint;		/* the percent due by the last checkpoint passed */
	bool		checkpoint_warning; /* rate below it */
	bool		has_forecast;
	IndDecimal	forecast;		/* full-year spending, E/τ, 2 decimals */
} IndBudgetMonitor;

extern void ind_monitor_time_of_date(int32 date, const IndPolicy *p, IndMonitorTime *t);
extern bool ind_monitor_time_of_month(int month, const IndPolicy *p, IndMonitorTime *t);
extern IndStatus ind_monitor(const IndSpec *spec, const IndActual *a, const IndMonitorTime *t,
							 const IndLevel *level2, IndLikelihood likelihood,
							 const IndPolicy *p, bool with_forecast, IndMonitor *out,
							 IndError *err);
extern IndStatus ind_budget_monitor(IndDecimal spent, bool has_budget, IndDecimal budget,
									const IndMonitorTime *t, const IndPolicy *p,
									IndBudgetMonitor *out, IndError *err);
extern IndLight ind_project_light(IndLight goal, IndLight budget, const IndPolicy *p);
extern bool ind_progress_gap(IndDecimal goal, IndDecimal budget, const IndPolicy *p);
extern const char *ind_light_name(IndLight l);
extern bool ind_light_parse(const char *s, int len, IndLight *l);
extern bool ind_likelihood_parse(const char *s, int len, IndLikelihood *l);

#endif							/* INDICATOR_MONITOR_H */
