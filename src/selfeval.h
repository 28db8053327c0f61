/*
 * selfeval.h
 *		Reading self-evaluation sheets (项目支出绩效自评表) as users have them:
 *		the project's key lines, the budget block, the indicator rows with
 *		their actuals and printed scores, and the total.
 *
 * The sheet goes through the goal-table importer's first stage (the cell
 * readers of gt_cells.c, or a workbook's sheets through gt_xlsx.c); the
 * rest is selfeval.c, which reads the sheet by its column headers.
 */
#ifndef INDICATOR_SELFEVAL_H
#define INDICATOR_SELFEVAL_H

#include "postgres.h"

#include "goal_table.h"

/* A sheet's fields, in the order of selfeval_projects(). */
typedef enum SeField
{
	SE_CODE = 0,				/* 项目编码 */
	SE_NAME,					/* 项目名称 */
	SE_YEAR,					/* from the title, or a year line under it */
	SE_DEPARTMENT,				/* 主管部门 */
	SE_IMPLEMENTER,				/* 实施单位 */
	SE_GOAL,					/* 年度总体目标: 预期目标 */
	SE_GOAL_ACTUAL,				/* 年度总体目标: 实际完成情况 */
	SE_BUDGET_INITIAL,			/* 年初预算数 */
	SE_BUDGET_TOTAL,			/* 全年预算数 */
	SE_BUDGET_SPENT,			/* 全年执行数 */
	SE_BUDGET_WEIGHT,			/* the budget line's 分值 */
	SE_BUDGET_RATE,				/* 执行率, as printed */
	SE_BUDGET_SCORE,			/* the budget line's 得分 */
	SE_TOTAL_WEIGHT,			/* 总分: the points of the whole sheet (100) */
	SE_TOTAL_SCORE,				/* 总分: the score printed */
	SE_GRADE,					/* 优 良 中 差, as printed */
	SE_NFIELDS
} SeField;

typedef struct SeSheet
{
	int			line;			/* where the sheet starts */
	int			number;			/* 1, 2, ...: the sheet's place in the input */
	GtSlice		title;
	GtSlice		field[SE_NFIELDS];
	bool		amounts_yuan;	/* the budget block says its amounts are 元, not 万元 */
} SeSheet;

/* What the reader did to a row, for the import_note column (bits). */
typedef enum SeRowNote
{
	SE_NOTE_WEIGHT_PERCENT = 1 << 0,	/* a 权重 of 20% read as 20 points */
	SE_NOTE_TARGET_JOINED = 1 << 1, /* 指标性质 | 指标值 | 度量单位 joined */
	SE_NOTE_LEVEL1_FROM_LEVEL2 = 1 << 2 /* no level 1 printed: the level 2's own */
} SeRowNote;

typedef struct SeRow
{
	int			line;
	GtSlice		label1;			/* the level labels, as printed (filled down) */
	GtSlice		label2;
	const IndLevel *level1;		/* what they name in the hierarchy, or NULL */
	const IndLevel *level2;
	GtSlice		name;
	GtSlice		nature;			/* 指标性质: a nature word or a comparator symbol */
	GtSlice		target;			/* the value cell */
	GtSlice		unit;			/* 度量单位 */
	GtSlice		actual;
	GtSlice		weight;
	GtSlice		score;
	GtSlice		reason;
	int			notes;			/* SeRowNote, and GtRowNote bits of the cells << 8 */
} SeRow;

typedef struct SeSink
{
	/* a sheet is complete: its fields and its indicator rows */
	void		(*sheet) (void *arg, const SeSheet *sheet, const SeRow *rows, int nrows);
	void		(*problem) (void *arg, const GtProblem *problem);
	void		(*tick) (void *arg);
	void	   *arg;
} SeSink;

/* The rows of one sheet are kept; a real sheet has some tens. */
#define SE_MAX_SHEET_ROWS 100000

extern void se_read(const char *text, int len, GtFormat format, const SeSink *sink,
					GtResult *result);
extern void se_read_source(const GtSource *src, GtFormat format, const SeSink *sink,
						   GtResult *result);
extern IndStatus se_row_spec(const SeRow *row, char *specbuf, IndSpec *spec, IndError *err,
							 int *inferred);
extern int	se_row_target_cell(const SeRow *row, char *buf, int buflen);

#endif							/* INDICATOR_SELFEVAL_H */
