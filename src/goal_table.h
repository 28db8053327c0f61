/*
 * goal_table.h
 *		Reading goal tables (项目支出绩效目标表) as exported to text: project
 *		headers, indicator rows and the lines that fit neither.
 */
#ifndef INDICATOR_GOAL_TABLE_H
#define INDICATOR_GOAL_TABLE_H

#include "postgres.h"

#include "hierarchy.h"
#include "literal.h"

typedef struct GtSlice
{
	const char *s;
	int			len;
} GtSlice;

/* Header fields of a project, in the order of goal_table_projects(). */
typedef enum GtField
{
	GT_CODE = 0,				/* 项目编码 */
	GT_NAME,					/* 项目名称 */
	GT_YEAR,
	GT_DEPARTMENT,				/* 主管部门 */
	GT_IMPLEMENTER,				/* 实施单位 */
	GT_TOTAL,					/* 资金总额 */
	GT_FISCAL,					/* 财政拨款数 */
	GT_NONFISCAL,				/* 非财政拨款数 */
	GT_BUDGET_WEIGHT,			/* 预算执行率权重 */
	GT_GOAL,					/* 年度目标 */
	GT_NFIELDS
} GtField;

typedef struct GtProject
{
	int			line;			/* where the table starts */
	GtSlice		title;
	GtSlice		field[GT_NFIELDS];
} GtProject;

typedef struct GtRow
{
	int			line;
	const IndLevel *level1;		/* the row's levels, filled down */
	const IndLevel *level2;
	const IndLevel *label1;		/* the labels on the row's own line, if any */
	const IndLevel *label2;
	GtSlice		name;
	GtSlice		nature,
				comparator,
				target,
				unit;
	GtSlice		weight;
	GtSlice		note_first;		/* the cells after the weight, from here ... */
	GtSlice		note_last;		/* ... to here */
	bool		placeholder;	/* the 无 row of an empty level 2 */
	bool		pending;		/* waiting for the next level-2 label */
	bool		labelled2;		/* carried its own level-2 label */
} GtRow;

typedef struct GtProblem
{
	int			line;
	GtSlice		text;
	char		reason[IND_ERR_DETAIL_LEN];
} GtProblem;

/*
 * Where the reader hands over what it finds, as it goes: the text is read
 * line by line and only the current project is kept, so memory does not
 * grow with the input.  Any callback may be NULL.  What they are given is
 * valid only during the call (slices point into the text being read, and
 * the rows array is reused for the next project).
 *
 * Problems come in the order they are found: a line's as it is read, a
 * project's (weights that do not add up, rows whose levels could not be
 * placed) when the project ends, just before project() is called.
 */
typedef struct GtSink
{
	/* a project is complete: its header, and its rows with levels assigned */
	void		(*project) (void *arg, const GtProject *project, const GtRow *rows, int nrows);
	void		(*problem) (void *arg, const GtProblem *problem);
	/* called every few thousand lines, so the server can honour cancels */
	void		(*tick) (void *arg);
	void	   *arg;
} GtSink;

/* What a read came to. */
typedef struct GtResult
{
	int			nprojects;
	int64		nrows;
	int64		nproblems;
	int			nlines;
	bool		too_big;		/* the limit below was reached: reading stopped */
	char		too_big_detail[IND_ERR_DETAIL_LEN];
} GtResult;

/*
 * The one limit, and the only thing kept in memory in proportion to the
 * input: the rows of one project (a real table has some hundreds; the
 * limit is about 18 MB of GtRow).  Beyond it a title or 项目编码 line is
 * missing, and the reader stops with an error rather than buffer a whole
 * input as one project.
 */
#define GT_MAX_PROJECT_ROWS	100000

extern void gt_read(const char *text, int len, const GtSink *sink, GtResult *result);
extern IndStatus gt_row_spec(const GtRow *row, char *textbuf, IndSpec *spec, IndError *err);

#endif							/* INDICATOR_GOAL_TABLE_H */
