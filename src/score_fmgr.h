/*
 * score_fmgr.h
 *		fmgr helpers shared by the scoring functions and the scorecard
 *		aggregate.
 */
#ifndef INDICATOR_SCORE_FMGR_H
#define INDICATOR_SCORE_FMGR_H

#include "compat.h"

#include "fmgr.h"

#include "policy.h"
#include "score.h"

extern const IndPolicy *ind_policy_arg(FunctionCallInfo fcinfo, int n);
extern const IndPolicy *ind_policy_arg_in(FunctionCallInfo fcinfo, int n, void **slot);
extern void ind_report_score_error(const IndError *err, const char *actual_text);

#endif							/* INDICATOR_SCORE_FMGR_H */
