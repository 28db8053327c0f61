/*
 * selfeval.c
 *		The self-evaluation importer's driver: 绩效自评表 sheets as users have
 *		them, in one pass over the records of the goal-table cell readers.
 *
 * A sheet is, record by record:
 *
 *   - its title (…自评表, with the year) and key lines (项目名称, 主管部门,
 *     实施单位, 项目编码);
 *   - the budget block: a header of 年初预算数 | 全年预算数 | 全年执行数 |
 *     分值 | 执行率 | 得分, then the 年度资金总额 line (its 其中 lines are
 *     parts of that total and are not imported);
 *   - the 年度总体目标 block: 预期目标 | 实际完成情况, then the two texts;
 *   - the indicator header, whose words say which column is what: levels,
 *     name, 指标性质, the target, 度量单位, the actual, the points (分值,
 *     权重, 参考分值: before or after the target), the score and the reason;
 *   - the indicator rows, and the 总分 line with the grade.
 *
 * Grid formats (tab, CSV, pipe, workbooks) keep every cell's column, and
 * a row is read by the header's columns.  Formats that lose empty cells
 * read the row's cells in the header's order, level labels first.
 *
 * Every cell with content ends up in a sheet, in a row, or in the list of
 * problems.  Only the current sheet is kept.
 *
 * Pure code over the caller's buffer; memory comes from palloc.
 */
#include "postgres.h"

#include "decimal.h"
#include "goal_table.h"
#include "scan.h"
#include "selfeval.h"

typedef enum SeColumn
{
	SE_COL_NONE = 0,
	SE_COL_BLOCK,				/* 绩效指标 */
	SE_COL_LEVEL1,
	SE_COL_LEVEL2,
	SE_COL_NAME,
	SE_COL_NATURE,
	SE_COL_TARGET,
	SE_COL_UNIT,
	SE_COL_ACTUAL,
	SE_COL_WEIGHT,
	SE_COL_SCORE,
	SE_COL_REASON
} SeColumn;

/* The budget block's columns: the SeField each fills. */
#define SE_BUDGET_NONE (-1)

#define SE_MAX_COLS GT_MAX_CELLS

typedef enum SePart
{
	SE_PART_NONE = 0,
	SE_PART_BUDGET,				/* after the budget header */
	SE_PART_GOAL,				/* after 年度总体目标 | 预期目标 | 实际完成情况 */
	SE_PART_ROWS				/* after the indicator header */
} SePart;

typedef struct SeReader
{
	const SeSink *sink;
	GtResult   *result;
	bool		grid;			/* cells keep their columns */
	bool		in_sheet;
	SeSheet		sheet;
	SePart		part;
	/* the indicator header: the column of each cell index, and in order */
	SeColumn	col[SE_MAX_COLS];
	int			ncols;
	SeColumn	order[SE_MAX_COLS];
	int			norder;
	/* the budget header */
	int			bcol[SE_MAX_COLS];
	int			nbcols;
	int			border[SE_MAX_COLS];
	int			nborder;
	bool		budget_read;	/* its total line is in */
	/* levels, filled down */
	GtSlice		label1,
				label2;
	const IndLevel *level1,
			   *level2;
	SeRow	   *rows;
	int			nrows;
	int			rowcap;
	bool		stopped;
	int64		nrecords;
	GtArena    *arena;
	int64		record_no;		/* records read so far */
	int64		flipped_at;		/* the record during which the arena last flipped */
	/* cells of a row that follow another in the same column, joined at the end */
	GtSlice    *extra_to[SE_MAX_COLS];
	GtCell		extra[SE_MAX_COLS];
	int			nextra;
} SeReader;

static const GtSlice empty = {NULL, 0};

static void
report(SeReader *rd, int line, const char *s, int len, const char *reason)
{
	GtProblem	p;

	rd->result->nproblems++;
	if (rd->sink->problem == NULL)
		return;
	gt_problem_set(&p, line, s, len, reason);
	rd->sink->problem(rd->sink->arg, &p);
}

static bool
has(const GtCell *c, const char *w)
{
	return ind_contains(c->s, c->len, w);
}

static bool
is(const GtCell *c, const char *w)
{
	return c->len == (int) strlen(w) && memcmp(c->s, w, c->len) == 0;
}

/* A short cell: a header word, a label; not a sentence that mentions one. */
static bool
is_short(const GtCell *c, int maxchars)
{
	bool		cut;

	ind_clip_token(c->s, c->len, maxchars, false, &cut);
	return !cut;
}

/*
 * An indicator header's word, by what it says: the forms' spellings vary
 * (年度指标值, 指标值(A), 全年实际值, 实际完成值(B), 参考分值, 自评得分,
 * 偏差原因分析及改进措施, 未完成原因和改进措施 ...), their words do not.
 */
static SeColumn
column_word(const GtCell *c)
{
	if (!is_short(c, 16))
		return SE_COL_NONE;
	if (is(c, "绩效指标"))
		return SE_COL_BLOCK;
	if (has(c, "原因") || has(c, "改进措施"))
		return SE_COL_REASON;
	if (has(c, "得分") || has(c, "评分"))
		return SE_COL_SCORE;
	if (has(c, "分值") || has(c, "权重"))
		return SE_COL_WEIGHT;
	if (has(c, "实际") || has(c, "完成值") || has(c, "完成情况"))
		return SE_COL_ACTUAL;
	if (has(c, "一级指标"))
		return SE_COL_LEVEL1;
	if (has(c, "二级指标"))
		return SE_COL_LEVEL2;
	if (has(c, "三级指标") || has(c, "指标名称") || has(c, "具体指标"))
		return SE_COL_NAME;
	if (has(c, "指标性质"))
		return SE_COL_NATURE;
	if (has(c, "单位"))
		return SE_COL_UNIT;
	if (has(c, "指标值") || has(c, "目标值") || has(c, "预期值"))
		return SE_COL_TARGET;
	return SE_COL_NONE;
}

/* A budget header's word: the field its column fills, or SE_BUDGET_NONE. */
static int
budget_word(const GtCell *c)
{
	if (!is_short(c, 12))
		return SE_BUDGET_NONE;
	if (has(c, "年初预算"))
		return SE_BUDGET_INITIAL;
	if (has(c, "全年预算") || has(c, "调整后预算") || has(c, "调整预算"))
		return SE_BUDGET_TOTAL;
	if (has(c, "执行率"))
		return SE_BUDGET_RATE;
	if (has(c, "执行数") || has(c, "实际支出") || has(c, "支出数"))
		return SE_BUDGET_SPENT;
	if (has(c, "分值"))
		return SE_BUDGET_WEIGHT;
	if (has(c, "得分"))
		return SE_BUDGET_SCORE;
	return SE_BUDGET_NONE;
}

/* A grade as the forms print it. */
static bool
is_grade(const GtCell *c)
{
	static const char *const grades[] = {"优", "良", "中", "差", "优秀", "良好", "合格", "不合格", "较差"};
	int			i;

	for (i = 0; i < (int) lengthof(grades); i++)
		if (is(c, grades[i]))
			return true;
	return false;
}

/* A whole cell that is a number, perhaps with a % (97.80%, 20%). */
static bool
is_number(const GtCell *c)
{
	IndDecimal	d;
	int			used;

	if (ind_decimal_parse(c->s, c->len, true, &used, &d) != IND_DEC_OK)
		return false;
	return used == c->len || (used == c->len - 1 && c->s[used] == '%') ||
		(used == c->len - 3 && memcmp(c->s + used, "％", 3) == 0);
}

/* A number at the start, as selfeval_rows reads points and scores (10分 is 10). */
static bool
starts_number(GtSlice sl)
{
	IndDecimal	d;
	int			used;

	return sl.s != NULL && ind_decimal_parse(sl.s, sl.len, true, &used, &d) == IND_DEC_OK;
}

/* A budget line's cell: a number, perhaps with 万元, 元 or % after it (10000万元). */
static bool
is_amount(const GtCell *c)
{
	IndDecimal	d;
	int			used;
	int			rest;

	if (is_number(c))
		return true;
	if (ind_decimal_parse(c->s, c->len, true, &used, &d) != IND_DEC_OK)
		return false;
	rest = c->len - used;
	return (rest == 6 && memcmp(c->s + used, "万元", 6) == 0) ||
		(rest == 3 && (memcmp(c->s + used, "元", 3) == 0 || memcmp(c->s + used, "万", 3) == 0));
}

static bool
number_slice(GtSlice sl)
{
	GtCell		c = {sl.s, sl.len, 0, 0, 0};

	return sl.s != NULL && is_number(&c);
}

/* What stands for an empty cell: — / - 无 (scan.c). */
static bool
is_dash(const GtCell *c)
{
	return ind_is_dash(c->s, c->len);
}

static bool
dash_slice(GtSlice sl)
{
	GtCell		c = {sl.s, sl.len, 0, 0, 0};

	return sl.s != NULL && is_dash(&c);
}

static void
set(GtSlice *sl, const GtCell *c)
{
	sl->s = c->s;
	sl->len = c->len;
}

/* ---- titles and years ---- */

/* A title: a short line that names a self-evaluation sheet (…绩效自评表, 项目自评表). */
static bool
is_title(const char *s, int len)
{
	bool		cut;

	ind_clip_token(s, len, 60, false, &cut);
	return !cut && (ind_contains(s, len, "自评表") || ind_contains(s, len, "自评情况表"));
}

/* The first year in s (2022年, 2022年度): its four digits, or NULL. */
static const char *
year_in(const char *s, int len)
{
	int			i;

	for (i = 0; i + 7 <= len; i++)
		if ((s[i] == '1' || s[i] == '2') && s[i + 1] >= '0' && s[i + 1] <= '9' &&
			s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' &&
			memcmp(s + i + 4, "年", 3) == 0 && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9') &&
			(s[i] == '2' ? s[i + 1] == '0' : s[i + 1] == '9'))
			return s + i;
	return NULL;
}

/* ---- sheets ---- */

static bool
sheet_is_empty(const SeReader *rd)
{
	int			i;

	if (!rd->in_sheet)
		return true;
	if (rd->nrows > 0 || rd->sheet.title.s != NULL)
		return false;
	for (i = 0; i < SE_NFIELDS; i++)
		if (rd->sheet.field[i].s != NULL)
			return false;
	return true;
}

/*
 * Shift the arena's generations, at most once per record: a copy lives
 * until the third flip after it, and the record being read must outlive
 * whatever it ends (as in goal_table.c).
 */
static void
flip_once(SeReader *rd)
{
	if (rd->flipped_at == rd->record_no)
		return;
	gt_arena_flip(rd->arena);
	rd->flipped_at = rd->record_no;
}

static void
finish_sheet(SeReader *rd)
{
	if (!rd->in_sheet)
		return;
	if (!sheet_is_empty(rd))
	{
		rd->result->nprojects++;
		rd->result->nrows += rd->nrows;
		rd->sheet.number = rd->result->nprojects;
		if (rd->sink->sheet)
			rd->sink->sheet(rd->sink->arg, &rd->sheet, rd->rows, rd->nrows);
	}
	rd->in_sheet = false;
	rd->nrows = 0;
	flip_once(rd);
}

static void
start_sheet(SeReader *rd, int line)
{
	finish_sheet(rd);
	memset(&rd->sheet, 0, sizeof(rd->sheet));
	rd->sheet.line = line;
	rd->in_sheet = true;
	rd->part = SE_PART_NONE;
	rd->ncols = rd->norder = rd->nbcols = rd->nborder = 0;
	rd->budget_read = false;
	rd->label1 = rd->label2 = empty;
	rd->level1 = rd->level2 = NULL;
}

static SeSheet *
current_sheet(SeReader *rd, int line)
{
	if (!rd->in_sheet)
		start_sheet(rd, line);
	return &rd->sheet;
}

/* ---- the parts of a sheet ---- */

/* An indicator header: the target, and the actual or the score, by column. */
static bool
read_header(SeReader *rd, const GtRecord *rec)
{
	SeColumn	col[SE_MAX_COLS] = {0};
	SeColumn	order[SE_MAX_COLS];
	int			norder = 0;
	int			ncols = 0;
	bool		target = false,
				actual = false,
				score = false,
				name = false;
	int			i;

	for (i = 0; i < rec->ncells; i++)
	{
		const GtCell *c = &rec->cells[i];
		SeColumn	w = column_word(c);

		if (w == SE_COL_NONE)
			return false;
		target |= (w == SE_COL_TARGET);
		actual |= (w == SE_COL_ACTUAL);
		score |= (w == SE_COL_SCORE);
		name |= (w == SE_COL_NAME || w == SE_COL_LEVEL2);
		if (c->col < SE_MAX_COLS)
		{
			col[c->col] = w;
			ncols = Max(ncols, c->col + 1);
		}
		/* a header cell merged over two columns prints its word twice */
		if (w != SE_COL_BLOCK && (norder == 0 || order[norder - 1] != w))
			order[norder++] = w;
	}
	if (!target || !(actual || score) || !name)
		return false;
	memcpy(rd->col, col, sizeof(col));
	rd->ncols = ncols;
	memcpy(rd->order, order, norder * sizeof(SeColumn));
	rd->norder = norder;
	rd->part = SE_PART_ROWS;
	return true;
}

/* A budget header: two of 年初预算数, 全年预算数, 全年执行数, 执行率. */
static bool
read_budget_header(SeReader *rd, const GtRecord *rec)
{
	int			bcol[SE_MAX_COLS];
	int			border[SE_MAX_COLS];
	int			nborder = 0;
	int			amounts = 0;
	int			ncols = 0;
	bool		yuan = false;
	int			i;

	for (i = 0; i < SE_MAX_COLS; i++)
		bcol[i] = SE_BUDGET_NONE;
	for (i = 0; i < rec->ncells; i++)
	{
		const GtCell *c = &rec->cells[i];
		int			f = budget_word(c);

		/* 项目资金（元）, 全年预算数（元）: the block's amounts are in 元 */
		if (has(c, "元") && !has(c, "万元"))
			yuan = true;
		if (f == SE_BUDGET_NONE)
			continue;
		if (f != SE_BUDGET_WEIGHT && f != SE_BUDGET_SCORE)
			amounts++;
		if (c->col < SE_MAX_COLS)
		{
			bcol[c->col] = f;
			ncols = Max(ncols, c->col + 1);
		}
		border[nborder++] = f;
	}
	if (amounts < 2)
		return false;
	(void) current_sheet(rd, rec->line);
	memcpy(rd->bcol, bcol, sizeof(bcol));
	rd->nbcols = ncols;
	memcpy(rd->border, border, nborder * sizeof(int));
	rd->nborder = nborder;
	rd->sheet.amounts_yuan = yuan;
	rd->part = SE_PART_BUDGET;
	rd->budget_read = false;
	return true;
}

/*
 * A line of the budget block.  The first, or the one that says 总额 or
 * 合计, is the total; its 其中 lines (当年财政拨款, 上年结转, 其他资金)
 * are parts of it.
 */
static bool
read_budget_line(SeReader *rd, const GtRecord *rec)
{
	bool		total = false;
	bool		part = false;
	bool		numbers = false;
	int			next = 0;
	int			i;

	for (i = 0; i < rec->ncells; i++)
	{
		const GtCell *c = &rec->cells[i];

		if (is_amount(c))
			numbers = true;
		else if (has(c, "总额") || has(c, "合计") || has(c, "总计"))
			total = true;
		else if (has(c, "其中") || has(c, "拨款") || has(c, "结转") || has(c, "其他资金") ||
				 has(c, "其它资金") || has(c, "资金"))
			part = true;
	}
	if (!numbers && !total && !part)
		return false;
	if (part && !total)
		return true;			/* a part of the total: not imported */
	if (rd->budget_read)
		return true;
	for (i = 0; i < rec->ncells; i++)
	{
		const GtCell *c = &rec->cells[i];
		int			f = SE_BUDGET_NONE;

		if (!is_amount(c) && !is_dash(c))
			continue;
		if (rd->grid && c->col < rd->nbcols)
			f = rd->bcol[c->col];
		else if (!rd->grid && next < rd->nborder)
			f = rd->border[next++];
		if (f != SE_BUDGET_NONE && !is_dash(c))
			set(&rd->sheet.field[f], c);
	}
	rd->budget_read = true;
	return true;
}

/* 年度总体目标 | 预期目标 | 实际完成情况, perhaps with the texts on the same line. */
static bool
read_goal(SeReader *rd, const GtRecord *rec)
{
	int			i;
	int			k = 0;
	GtSlice    *to[2];

	if (rec->ncells == 0 || !is_short(&rec->cells[0], 12) ||
		!(has(&rec->cells[0], "总体目标") || has(&rec->cells[0], "年度目标") ||
		  has(&rec->cells[0], "绩效目标")))
		return false;
	(void) current_sheet(rd, rec->line);
	to[0] = &rd->sheet.field[SE_GOAL];
	to[1] = &rd->sheet.field[SE_GOAL_ACTUAL];
	rd->part = SE_PART_GOAL;
	for (i = 1; i < rec->ncells; i++)
	{
		const GtCell *c = &rec->cells[i];

		if (is_short(c, 8) && (has(c, "预期目标") || has(c, "目标") || has(c, "实际完成情况") ||
							   has(c, "完成情况")))
			continue;
		if (k < 2)
			set(to[k++], c);
	}
	return true;
}

/* The two texts under 预期目标 | 实际完成情况. */
static bool
read_goal_texts(SeReader *rd, const GtRecord *rec)
{
	int			i,
				k = 0;

	if (rec->ncells > 3)
		return false;
	for (i = 0; i < rec->ncells; i++)
	{
		const GtCell *c = &rec->cells[i];

		/* a merged 年度总体目标 cell printed again */
		if (is_short(c, 12) && (has(c, "总体目标") || has(c, "年度目标")))
			continue;
		if (k == 0 && rd->sheet.field[SE_GOAL].s == NULL)
			set(&rd->sheet.field[SE_GOAL], c);
		else if (rd->sheet.field[SE_GOAL_ACTUAL].s == NULL)
			set(&rd->sheet.field[SE_GOAL_ACTUAL], c);
		else
			return false;
		k++;
	}
	rd->part = SE_PART_NONE;
	return true;
}

/* A key line: 项目名称 | X, 主管部门 | X | 实施单位 | Y, 项目名称：X. */
static bool
read_keys(SeReader *rd, const GtRecord *rec)
{
	int			i;
	bool		any = false;

	for (i = 0; i < rec->ncells; i++)
	{
		const GtCell *c = &rec->cells[i];
		int			field;
		int			se = -1;
		GtCell		v = {0};
		int			k;

		if (gt_key_word(c->s, c->len, &field))
		{
			if (i + 1 < rec->ncells && !gt_key_word(rec->cells[i + 1].s, rec->cells[i + 1].len, &k))
				v = rec->cells[++i];
		}
		else
		{
			/* key and value in one cell */
			const char *colon = NULL;
			int			cl = 0;

			for (k = 0; k < c->len && k < 40; k++)
				if (c->s[k] == ':' || (k + 3 <= c->len && memcmp(c->s + k, "：", 3) == 0))
				{
					colon = c->s + k;
					cl = c->s[k] == ':' ? 1 : 3;
					break;
				}
			if (colon == NULL || !gt_key_word(c->s, (int) (colon - c->s), &field))
				continue;
			v.s = colon + cl;
			v.len = c->len - (int) (colon - c->s) - cl;
			k = ind_skip_spaces(v.s, v.len, 0);
			v.s += k;
			v.len -= k;
		}
		switch (field)
		{
			case GT_CODE:
				se = SE_CODE;
				break;
			case GT_NAME:
				se = SE_NAME;
				break;
			case GT_DEPARTMENT:
				se = SE_DEPARTMENT;
				break;
			case GT_IMPLEMENTER:
				se = SE_IMPLEMENTER;
				break;
			default:
				se = -1;
		}
		/* a sheet's key lines stand before its rows: after rows, a new sheet */
		if (!any && (se == SE_NAME || se == SE_CODE) && rd->in_sheet && rd->nrows > 0)
			start_sheet(rd, rec->line);
		any = true;
		(void) current_sheet(rd, rec->line);
		if (se >= 0 && v.s != NULL && v.len > 0)
			rd->sheet.field[se] = (GtSlice) {v.s, v.len};
	}
	return any;
}

/* The 总分 line: the sheet's points and its score (the last two numbers), and the grade. */
static bool
read_total(SeReader *rd, const GtRecord *rec)
{
	const GtCell *c0 = &rec->cells[0];
	GtSlice		nums[2] = {{NULL, 0}, {NULL, 0}};
	int			i;

	if (rec->ncells == 0 || !is_short(c0, 8) ||
		!(has(c0, "总分") || is(c0, "合计") || is(c0, "总计") || has(c0, "综合得分") ||
		  is(c0, "自评得分") || is(c0, "得分合计")))
		return false;
	for (i = 1; i < rec->ncells; i++)
	{
		const GtCell *c = &rec->cells[i];

		if (is_number(c))
		{
			nums[0] = nums[1];
			set(&nums[1], c);
		}
		else if (is_grade(c))
			set(&rd->sheet.field[SE_GRADE], c);
		else if (!is_dash(c))
			report(rd, rec->line, c->s, c->len, "a cell of the total line that is neither a number nor a grade");
	}
	if (nums[0].s != NULL)
		rd->sheet.field[SE_TOTAL_WEIGHT] = nums[0];
	if (nums[1].s != NULL)
		rd->sheet.field[SE_TOTAL_SCORE] = nums[1];
	return true;
}

/* A grade line: 自评等级 | 优, 评价等级：良. */
static bool
read_grade(SeReader *rd, const GtRecord *rec)
{
	static const char *const keys[] = {"自评等级", "评价等级", "绩效等级", "等级", "评价结果",
	"自评结论", "评价结论", "自评结果"};
	const GtCell *c0 = &rec->cells[0];
	GtCell		key = *c0;
	GtCell		value = {0};
	bool		found = false;
	int			i,
				k;

	/* 自评等级：优 */
	for (k = 0; k < c0->len && k < 30; k++)
		if (c0->s[k] == ':' || (k + 3 <= c0->len && memcmp(c0->s + k, "：", 3) == 0))
		{
			int			cl = c0->s[k] == ':' ? 1 : 3;

			key.len = k;
			value.s = c0->s + k + cl;
			value.len = c0->len - k - cl;
			k = ind_skip_spaces(value.s, value.len, 0);
			value.s += k;
			value.len -= k;
			break;
		}
	for (i = 0; i < (int) lengthof(keys); i++)
		if (is(&key, keys[i]))
			found = true;
	if (!found)
		return false;
	if (value.s != NULL && is_grade(&value))
		set(&rd->sheet.field[SE_GRADE], &value);
	for (i = 1; i < rec->ncells; i++)
	{
		if (is_grade(&rec->cells[i]))
			set(&rd->sheet.field[SE_GRADE], &rec->cells[i]);
		else
			report(rd, rec->line, rec->cells[i].s, rec->cells[i].len, "a grade line's cell that is not a grade");
	}
	return true;
}

/* ---- indicator rows ---- */

/*
 * A level label without its points: 产出指标(50分) → 产出指标.  The forms
 * of 决策/过程/产出/效益 name their level 1 项目产出, 项目效益.
 */
static const IndLevel *
label_level(const char *s, int len)
{
	int			i;
	const IndLevel *l;

	for (i = 0; i < len; i++)
		if (s[i] == '(' || (i + 3 <= len && memcmp(s + i, "（", 3) == 0))
		{
			len = i;
			break;
		}
	len = ind_trim_end(s, 0, len);
	if ((l = ind_level_lookup_loose(s, len)) != NULL)
		return l;
	if (len > 6 && memcmp(s, "项目", 6) == 0)
	{
		char		buf[64];

		if (len - 6 + 6 < (int) sizeof(buf))
		{
			memcpy(buf, s + 6, len - 6);
			memcpy(buf + len - 6, "指标", 6);
			if ((l = ind_level_lookup(buf, len)) != NULL && l->depth == 1)
				return l;
		}
	}
	return NULL;
}

static void
set_label1(SeReader *rd, const GtCell *c)
{
	/* a merged level-1 cell repeats on every row it covers */
	if (rd->label1.s != NULL && rd->label1.len == c->len && memcmp(rd->label1.s, c->s, c->len) == 0)
		return;
	set(&rd->label1, c);
	rd->level1 = label_level(c->s, c->len);
	if (rd->level1 != NULL && rd->level1->depth != 1)
		rd->level1 = ind_level_as_level1(rd->level1);
	rd->label2 = empty;
	rd->level2 = NULL;
}

static void
set_label2(SeReader *rd, const GtCell *c)
{
	set(&rd->label2, c);
	rd->level2 = label_level(c->s, c->len);
	if (rd->level2 != NULL && rd->level2->depth != 2)
		rd->level2 = NULL;
}

static SeRow *
add_row(SeReader *rd, int line)
{
	SeRow	   *r;

	if (rd->nrows == SE_MAX_SHEET_ROWS)
	{
		rd->stopped = true;
		rd->result->too_big = true;
		snprintf(rd->result->too_big_detail, sizeof(rd->result->too_big_detail),
				 "The sheet starting on line %d has more than %d indicator rows; "
				 "a title or 项目名称 line is probably missing between two sheets.",
				 rd->sheet.line, SE_MAX_SHEET_ROWS);
		return NULL;
	}
	if (rd->nrows == rd->rowcap)
	{
		rd->rowcap = rd->rowcap ? rd->rowcap * 2 : 64;
		rd->rows = rd->rows ? repalloc(rd->rows, rd->rowcap * sizeof(SeRow))
			: palloc(rd->rowcap * sizeof(SeRow));
	}
	r = &rd->rows[rd->nrows++];
	memset(r, 0, sizeof(*r));
	r->line = line;
	return r;
}

/* Put cell c into row r as column w. */
static void
put(SeReader *rd, SeRow *r, SeColumn w, const GtCell *c)
{
	GtSlice    *to = NULL;

	switch (w)
	{
		case SE_COL_LEVEL1:
			set_label1(rd, c);
			return;
		case SE_COL_LEVEL2:
			set_label2(rd, c);
			return;
		case SE_COL_BLOCK:
			return;
		case SE_COL_NAME:
			to = &r->name;
			break;
		case SE_COL_NATURE:
			to = &r->nature;
			break;
		case SE_COL_TARGET:
			to = &r->target;
			break;
		case SE_COL_UNIT:
			to = &r->unit;
			break;
		case SE_COL_ACTUAL:
			to = &r->actual;
			break;
		case SE_COL_WEIGHT:
			to = &r->weight;
			break;
		case SE_COL_SCORE:
			to = &r->score;
			break;
		case SE_COL_REASON:
		case SE_COL_NONE:
			to = &r->reason;
			break;
	}
	/* a cell merged over two columns of the same kind counts once */
	if (to->s != NULL && to->len == c->len && memcmp(to->s, c->s, c->len) == 0)
		return;
	if (to->s != NULL)
	{
		/*
		 * Two cells for one column (a reason over two columns): kept, and
		 * joined once the row is read (join_extra), not copied again for
		 * every cell.
		 */
		if (rd->nextra < SE_MAX_COLS)
		{
			rd->extra_to[rd->nextra] = to;
			rd->extra[rd->nextra++] = *c;
		}
		return;
	}
	set(to, c);
	r->notes |= c->notes << 8;
}

/* Join the cells put() kept to the slices they follow, each slice copied once. */
static void
join_extra(SeReader *rd)
{
	int			i,
				j;

	for (i = 0; i < rd->nextra; i++)
	{
		GtSlice    *to = rd->extra_to[i];
		int			total;
		int			o;
		char	   *dst;

		if (to == NULL)
			continue;			/* joined with an earlier one */
		total = to->len;
		for (j = i; j < rd->nextra; j++)
			if (rd->extra_to[j] == to)
				total += rd->extra[j].len;
		dst = palloc(total + 1);
		memcpy(dst, to->s, to->len);
		o = to->len;
		for (j = i; j < rd->nextra; j++)
			if (rd->extra_to[j] == to)
			{
				memcpy(dst + o, rd->extra[j].s, rd->extra[j].len);
				o += rd->extra[j].len;
				rd->extra_to[j] = NULL;
			}
		to->s = gt_arena_copy(rd->arena, dst, o);
		to->len = o;
		pfree(dst);
	}
	rd->nextra = 0;
}

/*
 * Without columns, the cells in the header's order: level labels first (by
 * the hierarchy, or a label's points), then the name and what follows.
 */
static void
read_in_order(SeReader *rd, SeRow *r, const GtRecord *rec)
{
	int			i = 0;
	int			v = 0;

	while (v < rd->norder && (rd->order[v] == SE_COL_LEVEL1 || rd->order[v] == SE_COL_LEVEL2))
		v++;
	for (; i < rec->ncells; i++)
	{
		const GtCell *c = &rec->cells[i];
		const IndLevel *l = label_level(c->s, c->len);

		if (is(c, "绩效指标"))
			continue;
		if (l == NULL && !(is_short(c, 16) && (has(c, "分)") || has(c, "分）"))))
			break;
		if (l != NULL && l->depth == 2)
		{
			/* after the level 2 comes the name, even a word of the hierarchy */
			set_label2(rd, c);
			i++;
			break;
		}
		set_label1(rd, c);
	}
	for (; i < rec->ncells; i++)
		put(rd, r, v < rd->norder ? rd->order[v++] : SE_COL_REASON, &rec->cells[i]);
}

static void
read_row(SeReader *rd, const GtRecord *rec)
{
	SeRow	   *r = add_row(rd, rec->line);
	int			i;

	if (r == NULL)
		return;
	if (rd->grid)
	{
		for (i = 0; i < rec->ncells; i++)
		{
			const GtCell *c = &rec->cells[i];

			put(rd, r, c->col < rd->ncols ? rd->col[c->col] : SE_COL_NONE, c);
		}
	}
	else
		read_in_order(rd, r, rec);
	join_extra(rd);

	/* a line of labels alone sets the levels and is no row */
	if (r->name.s == NULL && r->target.s == NULL && r->actual.s == NULL && r->score.s == NULL &&
		r->weight.s == NULL && r->reason.s == NULL)
	{
		rd->nrows--;
		return;
	}
	r->label1 = rd->label1;
	r->label2 = rd->label2;
	r->level1 = rd->level1;
	r->level2 = rd->level2;
	if (r->level1 == NULL && r->label1.s == NULL && r->level2 != NULL)
	{
		r->level1 = ind_level1_entry(r->level2->level1);
		r->notes |= SE_NOTE_LEVEL1_FROM_LEVEL2;
	}
	if (r->weight.s != NULL && number_slice(r->weight) &&
		(r->weight.s[r->weight.len - 1] == '%' ||
		 (r->weight.len > 3 && memcmp(r->weight.s + r->weight.len - 3, "％", 3) == 0)))
		r->notes |= SE_NOTE_WEIGHT_PERCENT;
	if (r->nature.s != NULL || r->unit.s != NULL)
		r->notes |= SE_NOTE_TARGET_JOINED;
	if (r->name.s == NULL)
		report(rd, rec->line, rec->raw, rec->rawlen, "an indicator row without a name");
	if (r->score.s != NULL && !starts_number(r->score) && !dash_slice(r->score))
		report(rd, rec->line, r->score.s, r->score.len, "the score is not a number");
	if (r->weight.s != NULL && !starts_number(r->weight) && !dash_slice(r->weight))
		report(rd, rec->line, r->weight.s, r->weight.len, "the points (分值) are not a number");
}

/* ---- the driver ---- */

/* A record that starts with 项目名称 or 项目编码 (a goal-table key word). */
static bool
starts_with_key(const GtRecord *rec)
{
	int			field;

	return gt_key_word(rec->cells[0].s, rec->cells[0].len, &field) &&
		(field == GT_NAME || field == GT_CODE || field == GT_DEPARTMENT || field == GT_IMPLEMENTER);
}

static void
read_record(SeReader *rd, const GtRecord *rec)
{
	if (rec->ncells == 0 || rd->stopped)
		return;
	if (rec->ncells <= 2 && is_title(rec->cells[0].s, rec->cells[0].len))
	{
		const char *y = year_in(rec->raw, rec->rawlen);

		/* the title printed again at the top of the next page */
		if (rd->in_sheet && rd->sheet.title.s != NULL && rd->nrows == 0)
			return;
		if (!sheet_is_empty(rd))
			start_sheet(rd, rec->line);
		(void) current_sheet(rd, rec->line);
		rd->sheet.title = (GtSlice) {rec->cells[0].s, rec->cells[0].len};
		if (y != NULL)
			rd->sheet.field[SE_YEAR] = (GtSlice) {y, 4};
		return;
	}
	/* a year alone under the title: (2022年度) */
	if (rec->ncells == 1 && is_short(&rec->cells[0], 12) && year_in(rec->cells[0].s, rec->cells[0].len) &&
		rd->in_sheet && rd->part == SE_PART_NONE && rd->sheet.field[SE_YEAR].s == NULL)
	{
		rd->sheet.field[SE_YEAR] = (GtSlice) {year_in(rec->cells[0].s, rec->cells[0].len), 4};
		return;
	}
	if (gt_is_boilerplate(rec->raw, rec->rawlen))
		return;
	if (read_budget_header(rd, rec))
		return;
	if (read_header(rd, rec))
	{
		(void) current_sheet(rd, rec->line);
		return;
	}
	if (read_total(rd, rec))
		return;
	if (read_grade(rd, rec))
		return;
	if (read_goal(rd, rec))
		return;
	switch (rd->part)
	{
		case SE_PART_BUDGET:
			if (read_budget_line(rd, rec))
				return;
			break;
		case SE_PART_GOAL:
			if (read_goal_texts(rd, rec))
				return;
			break;
		case SE_PART_ROWS:
			/* the next sheet's key lines, when it has no title */
			if (starts_with_key(rec) && read_keys(rd, rec))
				return;
			read_row(rd, rec);
			return;
		case SE_PART_NONE:
			break;
	}
	if (read_keys(rd, rec))
		return;
	report(rd, rec->line, rec->raw, rec->rawlen,
		   rd->in_sheet ? "not a part of a self-evaluation sheet: no key word, budget or indicator header before it"
		   : "before any sheet: no title, key line or header");
}

void
se_read_source(const GtSource *src, GtFormat format, const SeSink *sink, GtResult *result)
{
	SeReader   *rd = palloc0(sizeof(SeReader));
	GtRecord   *rec = palloc(sizeof(GtRecord));
	int			nlines = 0;

	memset(result, 0, sizeof(*result));
	result->format = format;
	rd->sink = sink;
	rd->result = result;
	rd->arena = src->arena;
	rd->grid = (format == GT_FORMAT_TSV || format == GT_FORMAT_CSV || format == GT_FORMAT_PIPE ||
				format == GT_FORMAT_XLSX);
	rd->flipped_at = -1;
	while (!rd->stopped && src->next(src->arg, src->arena, rec))
	{
		rd->record_no++;
		nlines = Max(nlines, rec->line);
		if (sink->tick && (++rd->nrecords & 4095) == 0)
			sink->tick(sink->arg);
		/* a workbook's next sheet is the next sheet, unless this one is still empty */
		if (rec->sheet_start && !sheet_is_empty(rd))
			finish_sheet(rd);
		read_record(rd, rec);
		/* outside any sheet a record keeps nothing: its copies can go */
		if (!rd->in_sheet)
			flip_once(rd);
	}
	result->nlines = nlines;
	if (!result->too_big)
		finish_sheet(rd);
	if (rd->rows)
		pfree(rd->rows);
	pfree(rec);
	pfree(rd);
}

static bool
text_next(void *arg, GtArena *arena pg_attribute_unused(), GtRecord *rec)
{
	return gt_cells_next((GtCellReader *) arg, rec);
}

/*
 * Read text[0..len).  Sheets are grids: tab, CSV, pipe, spaces and aligned
 * text read well.  Text detected (or named) as one cell per line or run
 * together has one cell to a record, and a sheet in it reads as its key
 * lines and problems only.
 */
void
se_read(const char *text, int len, GtFormat format, const SeSink *sink, GtResult *result)
{
	GtCellReader cr;
	GtSource	src;
	char		delim = ',';
	GtArena		arena = {0};

	if (format == GT_FORMAT_AUTO)
		format = gt_detect_format(text, len, &delim);
	else if (format == GT_FORMAT_CSV)
		(void) gt_detect_format(text, len, &delim);
	gt_cells_init(&cr, text, len, format, delim, &arena);
	src.next = text_next;
	src.arg = &cr;
	src.arena = &arena;
	se_read_source(&src, format, sink, result);
	result->nlines = cr.line;
	gt_arena_free(&arena);
}

/* The target as the sheet prints it: 指标性质, 指标值 and 度量单位 joined. */
int
se_row_target_cell(const SeRow *row, char *buf, int buflen)
{
	int			n = 0;

	buf[0] = '\0';
	if (row->nature.s != NULL && ind_is_comparator_word(row->nature.s, row->nature.len))
		n += snprintf(buf + n, buflen - n, "%.*s", row->nature.len, row->nature.s);
	if (n < buflen && row->target.s != NULL)
		n += snprintf(buf + n, buflen - n, "%.*s", row->target.len, row->target.s);
	if (n < buflen && row->unit.s != NULL && row->target.s != NULL &&
		!ind_contains(row->target.s, row->target.len, "年"))
		n += snprintf(buf + n, buflen - n, "%.*s", row->unit.len, row->unit.s);
	/* a cell cut by the buffer must not end in half a character */
	return ind_utf8_whole(buf, Min(n, buflen - 1));
}

/* The row's indicator, by the goal-table rules (inference included). */
IndStatus
se_row_spec(const SeRow *row, char *specbuf, IndSpec *spec, IndError *err, int *inferred)
{
	GtRow		g;

	memset(&g, 0, sizeof(g));
	g.level1 = row->level1;
	g.level2 = row->level2;
	g.name = row->name;
	g.target = row->target;
	g.unit = row->unit;
	if (row->nature.s != NULL && ind_is_comparator_word(row->nature.s, row->nature.len))
		g.comparator = row->nature;
	else
		g.nature = row->nature;
	g.notes = row->notes >> 8;
	if (gt_row_serial_date(&g))
		g.notes |= GT_NOTE_SERIAL_DATE;
	return gt_row_spec(&g, specbuf, spec, err, inferred);
}
