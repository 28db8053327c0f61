/*
 * score_fmgr.h
 *		fmgr helpers shared by the scoring functions and the scorecard
 *		aggregate.
 */
#ifndef INDICATOR_SCORE_FMGR_H
#define INDICATOR_SCORE_FMGR_H

#include "compat.h"

#include "fmgr.h"

#include "policy_sql.h"
#include "score.h"

extern void ind_report_score_error(const IndError *err, const char *actual_text);
extern void ind_text_actual(const IndSpec *spec, text *t, bool lenient, IndActual *a);
extern void ind_actual_arg(FunctionCallInfo fcinfo, int n, const IndSpec *spec, bool is_text,
						   const IndPolicy *p, IndActual *a);
extern void ind_actual_in_target_unit(const IndSpec *spec, IndActual *a, IndError *err,
									  const char *actual_text);

#endif							/* INDICATOR_SCORE_FMGR_H */
