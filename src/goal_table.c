/*
 * goal_table.c
 *		The importer: goal tables exported from PDF or spreadsheets as text.
 *
 * Exports shift cells about: a cell may slip one or two columns, a level
 * label may sit in the wrong column or reappear after a page break, a name
 * may start the line.  So cells are read by what they are, not by where
 * they stand:
 *
 *   - header lines by their key word (项目编码, 项目名称, 资金总额 ...);
 *   - an indicator row by its anchor: the first cell that is a nature word
 *     (正向 反向 定性), a comparator word, or a combined target (≥95%);
 *     before it stand level labels (found by the hierarchy vocabulary) and
 *     the name, after it the comparator, target, unit, weight and notes;
 *   - level labels fill down, a level-2 label implies its level 1, and the
 *     rows that follow a 无 placeholder (which stands alone in its level 2)
 *     wait for the next level-2 label.
 *
 * Every line with content ends up in a project, in a row, or in the list
 * of problems with its line number and the reason: nothing is dropped and
 * nothing invented.
 *
 * The text is read in one pass and handed over as it goes (see GtSink):
 * problems as they are found, a project with its rows when it ends.  Only
 * the current project is kept, because its levels fill down and its
 * weights are checked as a whole, and because a header line may follow
 * the rows it names; so memory is bounded by the largest project, not by
 * the input, which may be any size the server accepts.
 *
 * Pure code over the caller's buffer; memory comes from palloc.
 */
#include "postgres.h"

#include "decimal.h"
#include "goal_table.h"
#include "scan.h"
#include "weights.h"

#define GT_MAX_CELLS 64

typedef struct GtCell
{
	const char *s;
	int			len;
	int			col;
} GtCell;

/* The state of a read: the project being read, and its rows so far. */
typedef struct GtReader
{
	const GtSink *sink;
	GtResult   *result;
	bool		in_project;
	GtProject	project;
	GtRow	   *rows;			/* reused from one project to the next */
	int			nrows;
	int			rowcap;
} GtReader;

/* Header key words and the field each introduces. */
typedef struct GtKey
{
	const char *word;
	int			field;			/* GtField, or -1 for the column header row */
} GtKey;

static const GtKey keys[] = {
	{"项目编码", GT_CODE}, {"项目代码", GT_CODE},
	{"项目名称", GT_NAME},
	{"主管部门", GT_DEPARTMENT}, {"主管部门及代码", GT_DEPARTMENT},
	{"实施单位", GT_IMPLEMENTER},
	{"资金总额", GT_TOTAL}, {"年度资金总额", GT_TOTAL}, {"资金总额（万元）", GT_TOTAL},
	{"财政拨款数", GT_FISCAL}, {"财政拨款", GT_FISCAL}, {"其中：财政拨款", GT_FISCAL},
	{"其中:财政拨款", GT_FISCAL},
	{"非财政拨款数", GT_NONFISCAL}, {"非财政拨款", GT_NONFISCAL}, {"其他资金", GT_NONFISCAL},
	{"预算执行率权重(%)", GT_BUDGET_WEIGHT}, {"预算执行率权重（%）", GT_BUDGET_WEIGHT},
	{"预算执行率权重", GT_BUDGET_WEIGHT}, {"预算执行率权重(分)", GT_BUDGET_WEIGHT},
	{"年度目标", GT_GOAL}, {"年度绩效目标", GT_GOAL}, {"总体目标", GT_GOAL},
	{"绩效指标", -1}, {"一级指标", -1},
};

/* Cells that label a block without being data (投入目标 (万元) before 资金总额). */
static const char *const label_only[] = {"投入目标 (万元)", "投入目标(万元)", "投入目标（万元）", "投入目标"};

static bool
slice_eq(const char *s, int len, const char *w)
{
	return (int) strlen(w) == len && memcmp(s, w, len) == 0;
}

static int
key_of(const char *s, int len)
{
	int			i;

	for (i = 0; i < (int) lengthof(keys); i++)
		if (slice_eq(s, len, keys[i].word))
			return i;
	return -1;
}

static bool
is_label_only(const char *s, int len)
{
	int			i;

	for (i = 0; i < (int) lengthof(label_only); i++)
		if (slice_eq(s, len, label_only[i]))
			return true;
	return false;
}

/* A whole cell that is a plain number (a weight, an amount). */
static bool
is_number(const char *s, int len, IndDecimal *d)
{
	int			used;
	IndDecimal	tmp;

	if (d == NULL)
		d = &tmp;
	return ind_decimal_parse(s, len, true, &used, d) == IND_DEC_OK && used == len;
}

/* Split a line at tabs into trimmed, non-empty cells; returns how many. */
static int
split_cells(const char *line, int len, GtCell *cells)
{
	int			n = 0;
	int			col = 0;
	int			start = 0;
	int			pos;

	for (pos = 0; pos <= len; pos++)
	{
		if (pos < len && line[pos] != '\t')
			continue;
		{
			int			a = ind_skip_spaces(line, pos, start);
			int			b = ind_trim_end(line, a, pos);

			if (b > a)
			{
				/* the last cell takes the rest of the line, so notes lose nothing */
				bool		last = (n == GT_MAX_CELLS - 1);

				cells[n].s = line + a;
				cells[n].len = (last ? ind_trim_end(line, a, len) : b) - a;
				cells[n].col = col;
				if (++n == GT_MAX_CELLS)
					return n;
			}
		}
		col++;
		start = pos + 1;
	}
	return n;
}

/* Hand a problem over at once: problems are never collected. */
static void
report(GtReader *rd, int line, const char *s, int len, const char *reason)
{
	GtProblem	p;

	rd->result->nproblems++;
	if (rd->sink->problem == NULL)
		return;
	p.line = line;
	p.text.s = s;
	p.text.len = len;
	snprintf(p.reason, sizeof(p.reason), "%s", reason);
	rd->sink->problem(rd->sink->arg, &p);
}

/* A title line: "# …项目绩效目标表", or any line ending in 绩效目标表. */
static bool
is_title(const GtCell *c, int n, GtSlice *title)
{
	const char *s;
	int			len;
	static const char suffix[] = "绩效目标表";
	int			sl = (int) strlen(suffix);

	if (n != 1)
		return false;
	s = c[0].s;
	len = c[0].len;
	while (len > 0 && *s == '#')
	{
		s++;
		len--;
	}
	{
		int			a = ind_skip_spaces(s, len, 0);

		s += a;
		len -= a;
	}
	if (len < sl || memcmp(s + len - sl, suffix, sl) != 0)
		return false;
	title->s = s;
	title->len = len;
	return true;
}

/* "(2022年)" or "（2022年度）": the table's year. */
static bool
is_year_line(const GtCell *c, int n, GtSlice *year)
{
	const char *s;
	int			len;
	int			pos = 0;
	int			start;

	if (n != 1)
		return false;
	s = c[0].s;
	len = c[0].len;
	if (len >= 1 && s[0] == '(')
		pos = 1;
	else if (len >= 3 && memcmp(s, "（", 3) == 0)
		pos = 3;
	else
		return false;
	start = pos;
	while (pos < len && s[pos] >= '0' && s[pos] <= '9')
		pos++;
	if (pos - start != 4 || len - pos < 3 || memcmp(s + pos, "年", 3) != 0)
		return false;
	year->s = s + start;
	year->len = 4;
	return true;
}

/*
 * The anchor of an indicator row: the first cell that is a nature word, a
 * comparator word or a combined target.  -1 when the line has none.
 */
static int
anchor_of(const GtCell *c, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (ind_is_nature_word(c[i].s, c[i].len) ||
			ind_is_comparator_word(c[i].s, c[i].len) ||
			ind_is_combined_target(c[i].s, c[i].len))
			return i;
	return -1;
}

static const GtSlice empty = {NULL, 0};

/* Read an indicator row's cells into row; false (with a reason) if they do not fit. */
static bool
read_row(const GtCell *c, int n, int k, GtRow *row, char *reason, int reasonlen)
{
	int			i;
	bool		qualitative;

	row->label1 = row->label2 = NULL;
	row->name = empty;
	/*
	 * Before the anchor: level labels, found by the vocabulary, and the
	 * name.  Labels come level 1 first, then level 2, then the name, so the
	 * cell after a level-2 label is the name even when it is a word of the
	 * vocabulary (an indicator called 满意度 under 服务对象满意度).
	 */
	{
		bool		seen_l2 = false;

		for (i = 0; i < k; i++)
		{
			const IndLevel *l = ind_level_lookup(c[i].s, c[i].len);

			if (l != NULL && !(seen_l2 && row->name.s == NULL && (l->depth == 1 || i == k - 1)))
			{
				if (l->depth == 1)
					row->label1 = l;
				else
				{
					row->label2 = l;
					seen_l2 = true;
				}
				continue;
			}
			if (row->name.s != NULL)
			{
				bool		cut1,
							cut2;
				int			n1 = ind_clip_token(row->name.s, row->name.len, 20, false, &cut1);
				int			n2 = ind_clip_token(c[i].s, c[i].len, 20, false, &cut2);

				/* clip whole characters: the reason is returned as text */
				snprintf(reason, reasonlen, "two names before the indicator's nature: \"%.*s%s\" and \"%.*s%s\"",
						 n1, row->name.s, cut1 ? "..." : "", n2, c[i].s, cut2 ? "..." : "");
				return false;
			}
			row->name.s = c[i].s;
			row->name.len = c[i].len;
		}
	}
	if (row->name.s == NULL)
	{
		snprintf(reason, reasonlen, "no indicator name before the nature, comparator or target");
		return false;
	}

	/* from the anchor: [nature] [comparator] target [unit] weight [notes] */
	i = k;
	row->nature = row->comparator = row->target = row->unit = row->weight = empty;
	row->note_first = row->note_last = empty;
	if (i < n && ind_is_nature_word(c[i].s, c[i].len))
	{
		row->nature.s = c[i].s;
		row->nature.len = c[i].len;
		i++;
	}
	qualitative = row->nature.s != NULL && strncmp(row->nature.s, "定性", strlen("定性")) == 0;
	if (i < n && ind_is_comparator_word(c[i].s, c[i].len))
	{
		row->comparator.s = c[i].s;
		row->comparator.len = c[i].len;
		qualitative = false;
		i++;
	}
	if (i >= n)
	{
		snprintf(reason, reasonlen, "no target after the nature or comparator");
		return false;
	}
	row->target.s = c[i].s;
	row->target.len = c[i].len;
	i++;
	/* a unit stands before the weight and is not a number */
	if (i < n && !is_number(c[i].s, c[i].len, NULL) && i + 1 < n &&
		is_number(c[i + 1].s, c[i + 1].len, NULL))
	{
		row->unit.s = c[i].s;
		row->unit.len = c[i].len;
		i++;
	}
	if (i >= n || !is_number(c[i].s, c[i].len, NULL))
	{
		snprintf(reason, reasonlen, "no weight (分值) after the target%s",
				 qualitative ? "" : " and unit");
		return false;
	}
	row->weight.s = c[i].s;
	row->weight.len = c[i].len;
	i++;
	if (i < n)
	{
		row->note_first.s = c[i].s;
		row->note_first.len = c[i].len;
		row->note_last.s = c[n - 1].s;
		row->note_last.len = c[n - 1].len;
	}
	row->placeholder = slice_eq(row->name.s, row->name.len, "无") &&
		slice_eq(row->target.s, row->target.len, "无");
	return true;
}

/* The indicator of a row, through the four-column constructor. */
IndStatus
gt_row_spec(const GtRow *row, char *textbuf, IndSpec *spec, IndError *err)
{
	return ind_parse_columns(row->nature.s, row->nature.len,
							 row->comparator.s, row->comparator.len,
							 row->target.s, row->target.len,
							 row->unit.s, row->unit.len,
							 textbuf, spec, err);
}

/*
 * Give every row of a project its levels: labels fill down, a level-2
 * label implies its level 1, and rows after a 无 placeholder wait for the
 * next level-2 label (the placeholder's level 2 is empty by definition).
 */
static void
assign_levels(GtRow *rows, int nrows)
{
	int			i,
				j;
	const IndLevel *cur1 = NULL;
	const IndLevel *cur2 = NULL;
	bool		after_placeholder = false;
	int			first_pending = -1;

	for (i = 0; i < nrows; i++)
	{
		GtRow	   *row = &rows[i];

		if (row->label1 != NULL)
		{
			if (cur1 == NULL || row->label1->level1 != cur1->level1)
				cur2 = NULL;
			cur1 = row->label1;
		}
		if (row->label2 != NULL)
		{
			/* 成本指标 under a 2021 成本 level 1 stays there */
			if (!(cur1 != NULL && cur1->level1 == IND_L1_COST && row->label2->level1 == IND_L1_OUTPUT &&
				  strcmp(row->label2->name, "成本指标") == 0))
				cur1 = ind_level1_entry(row->label2->level1);
			cur2 = row->label2;
			row->labelled2 = true;
			after_placeholder = false;
			/* rows that waited belong to this level 2, if under the same level 1 */
			if (first_pending >= 0)
			{
				for (j = first_pending; j < i; j++)
					if (rows[j].pending)
					{
						rows[j].level1 = (rows[j].level1 && rows[j].level1->level1 != cur1->level1)
							? rows[j].level1 : cur1;
						rows[j].level2 = cur2;
						rows[j].pending = false;
					}
				first_pending = -1;
			}
		}

		if (row->label2 == NULL && (after_placeholder || cur2 == NULL))
		{
			row->pending = true;
			row->level1 = cur1;
			if (first_pending < 0)
				first_pending = i;
		}
		else
		{
			row->level1 = cur1;
			row->level2 = cur2;
		}
		if (row->placeholder)
			after_placeholder = true;
	}

	/* the project ends: rows still waiting keep the last level 2 */
	if (first_pending >= 0)
		for (j = first_pending; j < nrows; j++)
			if (rows[j].pending)
			{
				rows[j].level1 = cur1;
				rows[j].level2 = cur2;
				rows[j].pending = false;
			}
}

/* A sum of weights as a decimal for a message (weights have six decimals at most). */
static bool
show_weight(IndRatio r, char *buf)
{
	IndDecimal	d;

	if (!ind_ratio_round(r, 6, &d))
		return false;
	ind_decimal_format(ind_decimal_normalize(d), buf);
	return true;
}

/*
 * What the tables guarantee: each project's weights add up to the central
 * policy's split, 产出 50 (with 成本), 效益 30 and 满意度 10 (its share goes
 * to 效益 when a table has no 满意度 indicator); weights.c holds the rule,
 * the same one weight_check() applies.  A project whose rows do not is
 * reported at its first line, so a misplaced label shows up instead of
 * skewing a score silently.  A sum that overflows says nothing either way
 * and is not reported.
 */
static void
check_weights(GtReader *rd)
{
	IndWeightSums ws;
	IndWeightSplit split;
	IndPolicy	central;
	char		reason[IND_ERR_DETAIL_LEN];
	char		b[6][IND_DEC_BUFLEN];
	const GtProject *p = &rd->project;
	int			i;

	ind_policy_preset(IND_PRESET_CENTRAL, &central);
	ind_weight_sums_init(&ws);
	for (i = 0; i < rd->nrows; i++)
	{
		const GtRow *row = &rd->rows[i];
		IndDecimal	w;
		int			used;

		if (row->level1 == NULL ||
			ind_decimal_parse(row->weight.s, row->weight.len, true, &used, &w) != IND_DEC_OK)
			continue;
		if (!ind_weight_sums_add(&ws, row->level1, ind_ratio_from_decimal(w), &central))
			return;
	}
	ind_weight_split(&ws, &central, &split);
	if (ind_weight_sums_match(&ws, &split))
		return;
	if (!show_weight(ws.sum[IND_L1_OUTPUT], b[0]) || !show_weight(ws.sum[IND_L1_OUTCOME], b[1]) ||
		!show_weight(ws.sum[IND_L1_SATISFACTION], b[2]) || !show_weight(split.output, b[3]) ||
		!show_weight(split.outcome, b[4]) || !show_weight(split.satisfaction, b[5]))
		return;
	snprintf(reason, sizeof(reason),
			 "the project's weights per level 1 are 产出 %s, 效益 %s, 满意度 %s, not %s / %s / %s: a row's level may be misplaced",
			 b[0], b[1], b[2], b[3], b[4], b[5]);
	report(rd, p->line, p->title.s ? p->title.s : "", p->title.len, reason);
}

/*
 * The current project is complete (the next one starts, or the text ends):
 * place its rows, report what does not add up, hand it over and forget it.
 */
static void
finish_project(GtReader *rd)
{
	int			i;

	if (!rd->in_project)
		return;
	if (rd->nrows > 0)
	{
		assign_levels(rd->rows, rd->nrows);
		check_weights(rd);
		/* rows the levels could not place are problems too */
		for (i = 0; i < rd->nrows; i++)
		{
			const GtRow *row = &rd->rows[i];

			if (row->level1 == NULL || row->level2 == NULL)
				report(rd, row->line, row->name.s, row->name.len,
					   "the row's level 1 or level 2 could not be determined");
		}
	}
	if (rd->sink->project)
		rd->sink->project(rd->sink->arg, &rd->project, rd->rows, rd->nrows);
	rd->result->nrows += rd->nrows;
	rd->in_project = false;
	rd->nrows = 0;
}

static GtProject *
start_project(GtReader *rd, int line)
{
	finish_project(rd);
	memset(&rd->project, 0, sizeof(rd->project));
	rd->project.line = line;
	rd->in_project = true;
	rd->result->nprojects++;
	return &rd->project;
}

/* Keep a row of the current project; false when the project is too big. */
static bool
add_row(GtReader *rd, const GtRow *row)
{
	if (rd->nrows == rd->rowcap)
	{
		if (rd->rowcap == GT_MAX_PROJECT_ROWS)
		{
			rd->result->too_big = true;
			snprintf(rd->result->too_big_detail, sizeof(rd->result->too_big_detail),
					 "The project at line %d has more than %d indicator rows (line %d is one more): tables have some hundreds, so a title or 项目编码 line is probably missing.",
					 rd->project.line, GT_MAX_PROJECT_ROWS, row->line);
			return false;
		}
		rd->rowcap = (rd->rowcap == 0) ? 256 : Min(rd->rowcap * 2, GT_MAX_PROJECT_ROWS);
		rd->rows = rd->rows ? repalloc(rd->rows, rd->rowcap * sizeof(GtRow))
			: palloc(rd->rowcap * sizeof(GtRow));
	}
	rd->rows[rd->nrows++] = *row;
	return true;
}

/*
 * Read text[0..len), handing what it holds to sink as it goes.  result
 * counts what was found; when too_big is set, reading stopped at the limit,
 * the project being read was not handed over, and the caller should raise
 * an error rather than return a part of the input.
 */
void
gt_read(const char *text, int len, const GtSink *sink, GtResult *result)
{
	GtReader	rd;
	int			pos = 0;
	int			line = 0;
	GtProject  *cur = NULL;
	GtCell		cells[GT_MAX_CELLS];
	char	   *textbuf = NULL;

	memset(result, 0, sizeof(*result));
	memset(&rd, 0, sizeof(rd));
	rd.sink = sink;
	rd.result = result;
	/* a UTF-8 byte-order mark says nothing */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;

	while (pos < len)
	{
		const char *ls = text + pos;
		int			ll;
		int			n;
		int			k;
		GtSlice		sl;
		GtRow		row;
		char		reason[IND_ERR_DETAIL_LEN];
		const char *nl = memchr(ls, '\n', len - pos);

		ll = nl ? (int) (nl - ls) : len - pos;
		pos += ll + (nl ? 1 : 0);
		if (ll > 0 && ls[ll - 1] == '\r')
			ll--;
		line++;
		if (sink->tick && (line & 4095) == 0)
			sink->tick(sink->arg);

		n = split_cells(ls, ll, cells);
		if (n == 0)
			continue;			/* blank: carries nothing */

		if (is_title(cells, n, &sl))
		{
			cur = start_project(&rd, line);
			cur->title = sl;
			continue;
		}
		if (is_year_line(cells, n, &sl))
		{
			if (cur == NULL)
				report(&rd, line, ls, ll, "a year line before any table title");
			else
				cur->field[GT_YEAR] = sl;
			continue;
		}

		/* a header line: its key word among the first cells */
		{
			int			first = 0;
			int			key;

			if (is_label_only(cells[0].s, cells[0].len) && n > 1)
				first = 1;
			key = key_of(cells[first].s, cells[first].len);
			if (key >= 0)
			{
				int			field = keys[key].field;

				if (field == GT_CODE && (cur == NULL || cur->field[GT_CODE].s != NULL))
				{
					/* a code without a title starts a table too */
					cur = start_project(&rd, line);
				}
				if (cur == NULL)
				{
					report(&rd, line, ls, ll, "a header line before any table title or 项目编码");
					continue;
				}
				if (field >= 0)
				{
					if (first + 1 < n)
					{
						cur->field[field].s = cells[first + 1].s;
						cur->field[field].len = cells[first + 1].len;
					}
					if (first + 2 < n && field != GT_GOAL)
						report(&rd, line, ls, ll, "extra cells after the header value were ignored");
				}
				continue;
			}
		}

		k = anchor_of(cells, n);
		if (k < 0)
		{
			report(&rd, line, ls, ll,
				   "neither a header line nor an indicator row (no nature, comparator or target cell)");
			continue;
		}
		if (cur == NULL)
		{
			report(&rd, line, ls, ll, "an indicator row before any table title or 项目编码");
			continue;
		}
		memset(&row, 0, sizeof(row));
		row.line = line;
		if (!read_row(cells, n, k, &row, reason, sizeof(reason)))
		{
			report(&rd, line, ls, ll, reason);
			continue;
		}
		/* the spec must read; otherwise the row is a problem, not a row */
		{
			IndSpec		spec;
			IndError	err;

			if (textbuf == NULL)
				textbuf = palloc(IND_TEXTBUF_SIZE);
			if (gt_row_spec(&row, textbuf, &spec, &err) != IND_OK)
			{
				snprintf(reason, sizeof(reason), "the indicator does not read: %s", err.detail);
				report(&rd, line, ls, ll, reason);
				continue;
			}
		}
		if (!add_row(&rd, &row))
			break;
	}
	result->nlines = line;
	if (!result->too_big)
		finish_project(&rd);
	if (textbuf)
		pfree(textbuf);
	if (rd.rows)
		pfree(rd.rows);
}
