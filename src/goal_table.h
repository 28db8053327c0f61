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
	int			project;		/* index into projects */
	const IndLevel *level1;
	const IndLevel *level2;
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

typedef struct GtResult
{
	GtProject  *projects;
	int			nprojects;
	GtRow	   *rows;
	int			nrows;
	GtProblem  *problems;
	int			nproblems;
	int			nlines;
	bool		too_big;		/* a limit below was reached: nothing is returned */
	char		too_big_detail[IND_ERR_DETAIL_LEN];
} GtResult;

/*
 * Limits that keep memory bounded: beyond them the text is not goal tables
 * (or should be split), and the reader stops with an error.
 */
#define GT_MAX_ROWS		4000000
#define GT_MAX_PROBLEMS	1000000

/* Called every few thousand lines, so the server can honour cancels. */
typedef void (*GtTick) (void);

extern void gt_read(const char *text, int len, GtTick tick, GtResult *result);
extern IndStatus gt_row_spec(const GtRow *row, char *textbuf, IndSpec *spec, IndError *err);

#endif							/* INDICATOR_GOAL_TABLE_H */
