/*
 * monitor_fmgr.h
 *		fmgr helpers shared by the monitoring functions and the monitor
 *		aggregate.
 */
#ifndef INDICATOR_MONITOR_FMGR_H
#define INDICATOR_MONITOR_FMGR_H

#include "compat.h"

#include "fmgr.h"

#include "monitor.h"

extern void ind_monitor_time_arg(FunctionCallInfo fcinfo, int n, bool month, const IndPolicy *p,
								 IndMonitorTime *t);
extern const IndLevel *ind_level2_arg(FunctionCallInfo fcinfo, int n);

#endif							/* INDICATOR_MONITOR_FMGR_H */
