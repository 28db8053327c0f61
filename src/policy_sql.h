/*
 * policy_sql.h
 *		The policy argument of the SQL functions, parsed once per call site.
 */
#ifndef INDICATOR_POLICY_SQL_H
#define INDICATOR_POLICY_SQL_H

#include "compat.h"

#include "fmgr.h"

#include "policy.h"

extern const IndPolicy *ind_policy_arg(FunctionCallInfo fcinfo, int n);
extern const IndPolicy *ind_policy_arg_in(FunctionCallInfo fcinfo, int n, void **slot);

#endif							/* INDICATOR_POLICY_SQL_H */
