/*
 * gt_columns.h
 *		The words of a goal table that are not data: the column header row
 *		(一级指标 二级指标 三级指标 指标值 ...), the project header's key words
 *		(项目名称, 资金总额 ...) and a web page's boilerplate.
 */
#ifndef INDICATOR_GT_COLUMNS_H
#define INDICATOR_GT_COLUMNS_H

#include "postgres.h"

#include "gt_cells.h"

typedef enum GtColumn
{
	GT_COL_NONE = 0,
	GT_COL_BLOCK,				/* 绩效指标: the block's own label */
	GT_COL_LEVEL1,				/* 一级指标, 指标类型 */
	GT_COL_LEVEL2,				/* 二级指标 */
	GT_COL_NAME,				/* 三级指标, 指标名称 */
	GT_COL_NATURE,				/* 指标性质 */
	GT_COL_DIRECTION,			/* 指标方向 */
	GT_COL_TARGET,				/* 目标值, 指标值, 年度指标值 ... */
	GT_COL_UNIT,				/* 计量单位, 度量单位 */
	GT_COL_WEIGHT,				/* 分值, 权重 */
	GT_COL_NOTE,				/* 备注, 绩效标准 */
	GT_COL_DESC,				/* 指标描述: may stand in for the name */
	GT_COL_SKIP					/* the long-term value, last year's actual: not this year's target */
} GtColumn;

typedef struct GtHeader
{
	int			ncols;
	GtColumn	col[GT_MAX_CELLS];
	bool		has_level2;
	bool		has_name;
	bool		has_weight;
	bool		has_desc;
	bool		has_unit;
	bool		has_skip;		/* long-term or last year's columns beside this year's */
	int			nvalues;		/* data columns after the name: target, unit ... */
	GtColumn	values[GT_MAX_CELLS];
} GtHeader;

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
	GT_NFIELDS,
	GT_FIELD_OTHER = -2			/* a key word of the forms whose value is not imported */
} GtField;

extern GtColumn gt_column_word(const char *s, int len);
extern int	gt_column_word_at(const char *s, int len, GtColumn *col);
extern bool gt_header_read(const GtCell *cells, int n, GtHeader *h);

extern bool gt_key_word(const char *s, int len, int *field);
extern int	gt_key_word_at(const char *s, int len, int *field);
extern int	gt_year_at(const char *s, int len, const char **year);
extern bool gt_is_label_only(const char *s, int len);
extern bool gt_is_boilerplate(const char *s, int len);

#endif							/* INDICATOR_GT_COLUMNS_H */
