/*
 * goal_table.c
 *		The importer's driver: goal tables as users have them, in one pass.
 *
 * The stages (see goal_table.h) meet here.  Each record the cell reader
 * returns is, by what its cells are:
 *
 *   - a title (…绩效目标表, …绩效目标申报表) or a year line: a new project;
 *   - a header line: key words (项目编码, 项目名称, 资金总额 …) and their values;
 *   - the column header row, whose words decide the data columns;
 *   - level labels alone (they fill down) or an indicator row (gt_row.c);
 *   - a web page's boilerplate, passed over;
 *   - or a problem, with its line and the reason.
 *
 * One cell per line and run-together text first go through gt_stream.c and
 * gt_runon.c, which rebuild the records.  A label or key split over two
 * lines (项目完成 / 指标) is joined back.
 *
 * Every cell with content ends up in a project, in a row, or in the list of
 * problems: nothing is dropped and nothing invented.  Only the current
 * project is kept (its levels fill down and its weights are checked as a
 * whole), so memory is bounded by the largest project, not by the input.
 *
 * Pure code over the caller's buffer; memory comes from palloc.
 */
#include "postgres.h"

#include "decimal.h"
#include "goal_table.h"
#include "infer.h"
#include "policy.h"
#include "scan.h"
#include "weights.h"

/* Stream cells held before they are grouped (a project has some hundreds). */
#define GT_STREAM_CELLS 4096
/* Cells one run-together line may give. */
#define GT_RUNON_CELLS 1024

typedef struct GtReader
{
	const GtSink *sink;
	GtResult   *result;
	const IndPolicy *policy;
	GtFormat	format;
	bool		in_project;
	GtProject	project;
	bool		has_header;
	GtHeader	header;
	const GtHeader *header_ref; /* &header once there is one, for the stream */
	GtRow	   *rows;			/* reused from one project to the next */
	int			nrows;
	int			rowcap;
	bool		stopped;		/* the row limit was reached */
	bool		labels_seen;	/* the current project has printed a level label */
	int			last_row;		/* the row the previous record made, or -1 */
	GtArena    *arena_ref;		/* the source's: copies live until the project after */
	int64		nrecords;
	/* the stream being grouped */
	GtCell	   *stream;
	int			nstream;
	bool		flip_owed;		/* a project ended while cells waited in the stream */
	int64		record_no;		/* records read so far */
	int64		flipped_at;		/* the record during which the arena last flipped */
	bool		runon_in_table;
	/* the grid record held back, in case the next one completes it */
	GtRecord	held;
	bool		holding;
	char	   *specbuf;
} GtReader;

/* A problem of line, quoting s[0..len), for the reason given. */
void
gt_problem_set(GtProblem *p, int line, const char *s, int len, const char *reason)
{
	p->line = line;
	p->text.s = s;
	p->text.len = len;
	snprintf(p->reason, sizeof(p->reason), "%s", reason);
	/* a reason cut by the buffer must not end in half a character */
	p->reason[ind_utf8_whole(p->reason, (int) strlen(p->reason))] = '\0';
}

/* Hand a problem over at once: problems are never collected. */
static void
report(GtReader *rd, int line, const char *s, int len, const char *reason)
{
	GtProblem	p;

	rd->result->nproblems++;
	if (rd->sink->problem == NULL)
		return;
	gt_problem_set(&p, line, s, len, reason);
	rd->sink->problem(rd->sink->arg, &p);
}

static bool is_year_cell(const char *s, int len, GtSlice *year);

static bool
slice_ends(const char *s, int len, const char *w, int *at)
{
	int			wl = (int) strlen(w);
	int			i;

	for (i = len - wl; i >= 0 && i >= len - wl - 40; i--)
		if (memcmp(s + i, w, wl) == 0)
		{
			*at = i + wl;
			return true;
		}
	return false;
}

/*
 * A title: a line that ends in 绩效目标表 or 绩效目标申报表, perhaps with a
 * number and the year after it ("项目支出绩效目标表3", "…目标表(2023年度)"),
 * and a "#" before it.
 */
static bool
is_title(const char *s, int len, GtSlice *title)
{
	int			at;
	int			a;
	bool		cut;

	while (len > 0 && *s == '#')
	{
		s++;
		len--;
	}
	a = ind_skip_spaces(s, len, 0);
	s += a;
	len = ind_trim_end(s, 0, len - a);
	ind_clip_token(s, len, 80, false, &cut);
	if (len == 0 || cut)
		return false;
	if (!slice_ends(s, len, "绩效目标表", &at) && !slice_ends(s, len, "绩效目标申报表", &at))
		return false;
	/* what may follow: a table number, the year, one bracketed qualifier */
	{
		int			p = at;
		GtSlice		year;
		bool		qcut;

		while (p < len && s[p] >= '0' && s[p] <= '9')
			p++;
		if (p < len && !is_year_cell(s + p, len - p, &year) &&
			!((s[p] == '(' || memcmp(s + p, "（", Min(3, len - p)) == 0) &&
			  (s[len - 1] == ')' || (len >= 3 && memcmp(s + len - 3, "）", 3) == 0)) &&
			  (ind_clip_token(s + p, len - p, 24, false, &qcut), !qcut)))
			return false;
	}
	title->s = s;
	title->len = len;
	return true;
}

/* A cell that is a year alone: "(2022年)", "（2022年度）", "2020年度)". */
static bool
is_year_cell(const char *s, int len, GtSlice *year)
{
	const char *digits;

	if (len == 0 || gt_year_at(s, len, &digits) != len)
		return false;
	year->s = digits;
	year->len = 4;
	return true;
}

/* ---- projects ---- */

/* A show of a sum of weights (weights have six decimals at most). */
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
 * What the tables guarantee: each project's weights add up to the policy's
 * split (central: 产出 50 with 成本, 效益 30, 满意度 10; weights.c holds the
 * rule weight_check() applies too).  A project whose rows do not is
 * reported at its first line, so a misplaced label shows up instead of
 * skewing a score silently.  A table without weights says nothing.
 */
static void
check_weights(GtReader *rd)
{
	IndWeightSums ws;
	IndWeightSplit split;
	char		reason[IND_ERR_DETAIL_LEN];
	char		b[6][IND_DEC_BUFLEN];
	const GtProject *p = &rd->project;
	int			i;
	bool		any = false;

	ind_weight_sums_init(&ws);
	for (i = 0; i < rd->nrows; i++)
	{
		const GtRow *row = &rd->rows[i];
		IndDecimal	w;
		int			used;

		if (row->labels_only || row->level1 == NULL || row->weight.s == NULL ||
			ind_decimal_parse(row->weight.s, row->weight.len, true, &used, &w) != IND_DEC_OK)
			continue;
		any = true;
		if (!ind_weight_sums_add(&ws, row->level1, ind_ratio_from_decimal(w), rd->policy))
			return;
	}
	if (!any)
		return;
	ind_weight_split(&ws, rd->policy, &split);
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

/* What a complete project's rows lack, reported row by row. */
static void
check_rows(GtReader *rd)
{
	int			i;

	for (i = 0; i < rd->nrows; i++)
	{
		GtRow	   *row = &rd->rows[i];
		IndSpec		spec;
		IndError	err;
		int			inferred;
		char		reason[IND_ERR_DETAIL_LEN];

		if (row->labels_only)
			continue;
		if (gt_row_serial_date(row))
			row->notes |= GT_NOTE_SERIAL_DATE;
		if (row->level1 == NULL || row->level2 == NULL)
			report(rd, row->line, row->name.s, row->name.len,
				   "the row's level 1 or level 2 could not be determined");
		if (row->target.s == NULL)
			report(rd, row->line, row->name.s, row->name.len,
				   "the row has no target: it is returned with spec NULL");
		else if (gt_row_spec(row, rd->specbuf, &spec, &err, &inferred) != IND_OK)
		{
			snprintf(reason, sizeof(reason), "the indicator does not read (spec NULL): %s", err.detail);
			report(rd, row->line, row->target.s, row->target.len, reason);
		}
		if ((row->notes & GT_NOTE_NO_WEIGHT) && rd->sink->problem != NULL)
			report(rd, row->line, row->name.s, row->name.len,
				   "no weight (分值) in the row: it is returned with weight NULL");
	}
}

/*
 * Shift the arena's generations, at most once per record read.  A copy lives
 * until the third flip after it, and a record is read one step before it is
 * placed (a grid record is held back a step), so it must see at most two
 * flips before it is done with: one record that ends several projects (a
 * line with two 项目编码) once flipped three times and freed its own cells.
 */
static void
flip_once(GtReader *rd)
{
	if (rd->flipped_at == rd->record_no)
		return;
	gt_arena_flip(rd->arena_ref);
	rd->flipped_at = rd->record_no;
}

/*
 * The current project is complete (the next one starts, or the text ends):
 * place its rows, report what does not add up, hand it over and forget it.
 */
static void
finish_project(GtReader *rd)
{
	int			i;
	int			n = 0;

	if (!rd->in_project)
		return;
	if (rd->nrows > 0)
	{
		gt_assign_levels(rd->rows, rd->nrows);
		check_weights(rd);
		check_rows(rd);
	}
	for (i = 0; i < rd->nrows; i++)
		n += !rd->rows[i].labels_only;
	if (rd->sink->project)
		rd->sink->project(rd->sink->arg, &rd->project, rd->rows, rd->nrows);
	rd->result->nrows += n;
	rd->in_project = false;
	rd->nrows = 0;
	/*
	 * Forget the project's copies, but not while cells wait in the stream:
	 * a run with several titles ends several projects in one grouping, and
	 * its later pieces must outlive them.
	 */
	if (rd->nstream > 0)
		rd->flip_owed = true;
	else
		flip_once(rd);
}

static bool
project_is_empty(const GtReader *rd)
{
	int			i;

	if (!rd->in_project || rd->nrows > 0)
		return false;
	for (i = 0; i < GT_NFIELDS; i++)
		if (rd->project.field[i].s != NULL)
			return false;
	return true;
}

static bool
project_has_labels(const GtReader *rd)
{
	return rd->in_project && rd->labels_seen;
}

static GtProject *
start_project(GtReader *rd, int line)
{
	finish_project(rd);
	memset(&rd->project, 0, sizeof(rd->project));
	rd->project.line = line;
	rd->in_project = true;
	rd->labels_seen = false;
	rd->last_row = -1;
	rd->has_header = false;
	rd->header_ref = NULL;
	rd->result->nprojects++;
	return &rd->project;
}

static GtProject *
current_project(GtReader *rd, int line)
{
	return rd->in_project ? &rd->project : start_project(rd, line);
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
			rd->stopped = true;
			return false;
		}
		rd->rowcap = (rd->rowcap == 0) ? 256 : Min(rd->rowcap * 2, GT_MAX_PROJECT_ROWS);
		rd->rows = rd->rows ? repalloc(rd->rows, rd->rowcap * sizeof(GtRow))
			: palloc(rd->rowcap * sizeof(GtRow));
	}
	rd->rows[rd->nrows++] = *row;
	if (row->label1.level != NULL || row->label2.level != NULL)
		rd->labels_seen = true;
	return true;
}

/* ---- records ---- */

/* "51000021R000000019951-工资性支出": the code, and the name after it. */
static void
split_code(GtProject *p, GtSlice v)
{
	int			i;

	for (i = 0; i < v.len && i < 40; i++)
	{
		char		ch = v.s[i];

		if (ch == '-' && i >= 8 && i + 1 < v.len)
		{
			p->field[GT_CODE].s = v.s;
			p->field[GT_CODE].len = i;
			if (p->field[GT_NAME].s == NULL)
			{
				p->field[GT_NAME].s = v.s + i + 1;
				p->field[GT_NAME].len = v.len - i - 1;
			}
			return;
		}
		if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
			break;
	}
	p->field[GT_CODE] = v;
}

/* Does a name cell start with a project code ("51000021R000000019951-工资性支出")? */
static bool
code_before_name(GtSlice v)
{
	int			i;
	int			digits = 0;

	for (i = 0; i < v.len && i < 40; i++)
	{
		char		ch = v.s[i];

		if (ch == '-')
			return i >= 8 && digits >= 6 && i + 1 < v.len;
		if (ch >= '0' && ch <= '9')
			digits++;
		else if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
			return false;
	}
	return false;
}

/* A cell "key：value": the length of the key and its colon, 0 if it is not one. */
static int
key_colon(const GtCell *c, int *field)
{
	int			k = gt_key_word_at(c->s, c->len, field);
	int			cl = 0;

	if (k == 0)
		return 0;
	if (k < c->len && c->s[k] == ':')
		cl = 1;
	else if (k + 3 <= c->len && memcmp(c->s + k, "：", 3) == 0)
		cl = 3;
	if (cl == 0 || ind_skip_spaces(c->s, c->len, k + cl) >= c->len)
		return 0;
	return ind_skip_spaces(c->s, c->len, k + cl);
}

/*
 * A header line: key words and their values, perhaps several on a line
 * ("项目名称: | 绿化养护经费 | 项目编号: |").  false if the line has no key.
 */
static bool
read_header_line(GtReader *rd, const GtCell *c, int n, int line, const char *raw, int rawlen,
				 bool spaced)
{
	int			i = 0;
	int			field;
	bool		extra = false;

	while (i < n && gt_is_label_only(c[i].s, c[i].len))
		i++;
	if (i >= n || (!gt_key_word(c[i].s, c[i].len, &field) && key_colon(&c[i], &field) == 0))
		return false;
	while (i < n)
	{
		GtProject  *cur;
		GtSlice		v = {NULL, 0};
		int			f2;
		int			kl;

		/* "项目名称：社区养老服务补助": key and value in one cell */
		if (!gt_key_word(c[i].s, c[i].len, &field) && (kl = key_colon(&c[i], &field)) > 0)
		{
			cur = current_project(rd, line);
			v.s = c[i].s + kl;
			v.len = c[i].len - kl;
			if (field == GT_CODE || (field == GT_NAME && cur->field[GT_CODE].s == NULL && code_before_name(v)))
				split_code(cur, v);
			else if (field >= 0)
				cur->field[field] = v;
			i++;
			continue;
		}
		if (!gt_key_word(c[i].s, c[i].len, &field))
		{
			if (!gt_is_label_only(c[i].s, c[i].len))
				extra = true;
			i++;
			continue;
		}
		/* a new 项目编码, or a name after rows, starts the next table */
		if (rd->in_project &&
			((field == GT_CODE && rd->project.field[GT_CODE].s != NULL) ||
			 (field == GT_NAME && rd->project.field[GT_NAME].s != NULL && rd->nrows > 0)))
			start_project(rd, line);
		cur = current_project(rd, line);
		i++;
		if (i < n && !gt_key_word(c[i].s, c[i].len, &f2))
		{
			v.s = c[i].s;
			v.len = c[i].len;
			/* the goal, and any value split at blanks, takes the rest of the line */
			if (field == GT_GOAL || (spaced && field >= 0))
			{
				int			j = i;

				while (j + 1 < n && !gt_key_word(c[j + 1].s, c[j + 1].len, &f2))
					j++;
				v.len = (int) (c[j].s + c[j].len - c[i].s);
				i = j;
			}
			i++;
		}
		if (field == GT_FIELD_OTHER || v.s == NULL)
			continue;
		if (field == GT_CODE || (field == GT_NAME && cur->field[GT_CODE].s == NULL && code_before_name(v)))
			split_code(cur, v);
		else
			cur->field[field] = v;
	}
	if (extra)
		report(rd, line, raw, rawlen, "extra cells after the header value were ignored");
	return true;
}

static bool
all_blocks(const GtCell *c, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (gt_column_word(c[i].s, c[i].len) != GT_COL_BLOCK && !gt_is_label_only(c[i].s, c[i].len))
			return false;
	return true;
}

/* A cell only a table has: a level label, a nature, a comparator, a combined target. */
static bool
has_table_cell(const GtCell *c, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (ind_level_lookup_loose(c[i].s, c[i].len) != NULL || ind_is_nature_word(c[i].s, c[i].len) ||
			ind_is_comparator_word(c[i].s, c[i].len) || ind_is_combined_target(c[i].s, c[i].len))
			return true;
	return false;
}

/* The start of a level label, cut off ("效" of a truncated 效益指标)? */
static bool
label_start(const GtCell *c)
{
	int			k;

	for (k = 0; k < ind_spelling_count(); k++)
	{
		const IndLevel *l;
		const char *sp = ind_spelling_at(k, &l);

		if ((int) strlen(sp) > c->len && memcmp(sp, c->s, c->len) == 0)
			return true;
	}
	return false;
}

/* Plain text that can only be the rest of a name: no label, key, number or target. */
static bool
continues_name(const GtCell *c)
{
	int			field;
	bool		cut;

	if (label_start(c))
		return false;

	ind_clip_token(c->s, c->len, 30, false, &cut);
	return !cut && !has_table_cell(c, 1) && !gt_key_word(c->s, c->len, &field) &&
		key_colon(c, &field) == 0 && !ind_is_bare_target(c->s, c->len) &&
		!ind_is_date_text(c->s, c->len) && gt_column_word(c->s, c->len) == GT_COL_NONE &&
		!gt_is_label_only(c->s, c->len) && !gt_is_boilerplate(c->s, c->len) &&
		!gt_label_prefix(c->s, c->len) && !(c->len == 6 && memcmp(c->s, "指标", 6) == 0);
}

/* One record, as its cells say. */
static void
read_record(GtReader *rd, GtCell *c, int n, int line, const char *raw, int rawlen, bool spaced)
{
	GtSlice		sl;
	GtRow		row;
	GtHeader	h;
	char		reason[IND_ERR_DETAIL_LEN];
	int			first = 0;

	if (n == 0 || rd->stopped)
		return;
	if (is_title(raw, rawlen, &sl) || (n == 1 && is_title(c[0].s, c[0].len, &sl)))
	{
		/*
		 * A page title before the table, or the table's title printed again
		 * at the top of the next page, is the same project.
		 */
		if (rd->in_project && rd->project.title.s != NULL && rd->project.title.len == sl.len &&
			memcmp(rd->project.title.s, sl.s, sl.len) == 0)
			return;
		if (!project_is_empty(rd))
			start_project(rd, line);
		rd->project.title = sl;
		rd->project.line = line;
		return;
	}
	if (n == 1 && is_year_cell(c[0].s, c[0].len, &sl))
	{
		if (!rd->in_project)
			report(rd, line, raw, rawlen, "a year line before any table title");
		else
			rd->project.field[GT_YEAR] = sl;
		return;
	}
	if (gt_is_boilerplate(raw, rawlen) && !has_table_cell(c, n))
		return;
	if (read_header_line(rd, c, n, line, raw, rawlen, spaced))
		return;
	while (first < n && gt_column_word(c[first].s, c[first].len) == GT_COL_BLOCK)
		first++;
	if (gt_header_read(c, n, &h))
	{
		(void) current_project(rd, line);
		rd->header = h;
		rd->has_header = true;
		rd->header_ref = &rd->header;
		return;
	}
	if (all_blocks(c, n))
		return;					/* 绩效指标, 投入目标 (万元): labels of blocks */

	/* PDF text wraps a long name: a lone text line continues the row above it */
	if (n == 1 && rd->last_row >= 0 && rd->last_row < rd->nrows &&
		(rd->format == GT_FORMAT_ALIGNED || rd->format == GT_FORMAT_SPACES) &&
		continues_name(&c[0]))
	{
		GtRow	   *above = &rd->rows[rd->last_row];

		above->name.s = gt_arena_concat(rd->arena_ref, above->name.s, above->name.len, c[0].s, c[0].len);
		above->name.len += c[0].len;
		above->notes |= GT_NOTE_NAME_WRAPPED;
		rd->last_row = -1;
		return;
	}
	rd->last_row = -1;
	memset(&row, 0, sizeof(row));
	row.line = line;
	row.from1 = row.from2 = -1;
	if (!gt_row_read(c, n, rd->has_header ? &rd->header : NULL, spaced, &row, reason, sizeof(reason)))
	{
		if (!gt_is_boilerplate(raw, rawlen))
			report(rd, line, raw, rawlen, reason);
		return;
	}
	/* rows stand inside a table: after its column header or a level label */
	if (row.label1.level == NULL && row.label2.level == NULL && !project_has_labels(rd) &&
		!rd->has_header)
	{
		if (!gt_is_boilerplate(raw, rawlen))
			report(rd, line, raw, rawlen, (row.notes & GT_NOTE_BARE_ROW)
				   ? "neither a header line nor an indicator row (no nature, comparator or target cell)"
				   : "an indicator row outside any table: no column header or level label before it");
		return;
	}
	if (!rd->in_project && row.labels_only)
		(void) current_project(rd, line);
	(void) current_project(rd, line);
	if (add_row(rd, &row) && !row.labels_only)
		rd->last_row = rd->nrows - 1;
}

static void
stream_record(void *arg, GtCell *cells, int ncells)
{
	GtReader   *rd = (GtReader *) arg;
	const char *raw = cells[0].s;
	int			rawlen = cells[0].len;

	/* the problem quotes the cells from the first to the last, if they are one text */
	if (ncells > 1 && cells[ncells - 1].s > cells[0].s &&
		cells[ncells - 1].s - cells[0].s < 4096)
		rawlen = (int) (cells[ncells - 1].s + cells[ncells - 1].len - cells[0].s);
	read_record(rd, cells, ncells, cells[0].line, raw, rawlen, false);
}

/* Group what the stream holds; all of it when final. */
static void
flush_stream(GtReader *rd, bool final)
{
	int			used;

	if (rd->nstream == 0)
		return;
	used = gt_stream_group(rd->stream, rd->nstream, final, rd->arena_ref, &rd->header_ref,
						   stream_record, rd);
	memmove(rd->stream, rd->stream + used, (rd->nstream - used) * sizeof(GtCell));
	rd->nstream -= used;
	if (rd->nstream == 0 && rd->flip_owed)
	{
		flip_once(rd);
		rd->flip_owed = false;
	}
}

static void
push_stream(GtReader *rd, const GtCell *c)
{
	/* a web page's furniture never joins a row */
	if (gt_is_boilerplate(c->s, c->len))
		return;
	if (rd->nstream == GT_STREAM_CELLS)
		flush_stream(rd, false);
	if (rd->nstream == GT_STREAM_CELLS)
		flush_stream(rd, true);
	rd->stream[rd->nstream++] = *c;
}

/* Run-together text: cut into cells by its anchors, then read as a stream. */
static void
push_runon(GtReader *rd, const GtCell *c)
{
	GtCell	   *cells = palloc(GT_RUNON_CELLS * sizeof(GtCell));
	/* the pieces and the rows made of them point into a copy of the run */
	const char *text = gt_arena_copy(rd->arena_ref, c->s, c->len);
	bool		in_table = rd->runon_in_table;
	int			n = gt_runon_split(text, c->len, cells, GT_RUNON_CELLS, &rd->runon_in_table);
	int			i;

	/* a whole document on one line: room for every cell, not the first 1024 */
	if (n > GT_RUNON_CELLS)
	{
		int			max = n;

		pfree(cells);
		cells = palloc(max * sizeof(GtCell));
		rd->runon_in_table = in_table;
		n = gt_runon_split(text, c->len, cells, max, &rd->runon_in_table);
	}

	for (i = 0; i < n; i++)
	{
		cells[i].line = c->line;
		push_stream(rd, &cells[i]);
	}
	pfree(cells);
}

/*
 * Does the held record continue in rec?  A label split before its 指标
 * (项目完成 / 指标), or a key split over two lines (总体 / 目标).
 */
static bool
joins(const GtRecord *held, const GtRecord *rec)
{
	const GtCell *last = &held->cells[held->ncells - 1];
	const GtCell *next = &rec->cells[0];
	char		buf[96];
	int			field;

	if (rec->ncells == 0 || held->ncells == 0 || last->len + next->len >= (int) sizeof(buf))
		return false;
	if (next->len == 6 && memcmp(next->s, "指标", 6) == 0 && gt_label_prefix(last->s, last->len))
		return true;
	memcpy(buf, last->s, last->len);
	memcpy(buf + last->len, next->s, next->len);
	return held->ncells == 1 && gt_key_word(buf, last->len + next->len, &field) &&
		!gt_key_word(last->s, last->len, &field);
}

/* A key alone on its line, and its value alone on the next (年度目标 / the goal). */
static bool
lone_key_value(const GtRecord *held, const GtRecord *rec)
{
	int			field;

	return held->ncells == 1 && rec->ncells == 1 &&
		gt_key_word(held->cells[0].s, held->cells[0].len, &field) &&
		!gt_key_word(rec->cells[0].s, rec->cells[0].len, &field) &&
		ind_level_lookup_loose(rec->cells[0].s, rec->cells[0].len) == NULL &&
		gt_column_word(rec->cells[0].s, rec->cells[0].len) == GT_COL_NONE;
}

static void
read_grid(GtReader *rd, const GtRecord *rec)
{
	GtRecord   *r = (GtRecord *) rec;

	read_record(rd, r->cells, r->ncells, r->line, r->raw, r->rawlen,
				rd->format == GT_FORMAT_SPACES);
}

/* A grid record, held back one step so that a line's continuation can join it. */
static void
push_grid(GtReader *rd, const GtRecord *rec)
{
	if (rd->holding && rec != NULL && lone_key_value(&rd->held, rec))
	{
		rd->held.cells[rd->held.ncells++] = rec->cells[0];
		return;
	}
	if (rd->holding && rec != NULL && joins(&rd->held, rec))
	{
		GtCell	   *last = &rd->held.cells[rd->held.ncells - 1];
		int			i;

		last->s = gt_arena_concat(rd->arena_ref, last->s, last->len, rec->cells[0].s, rec->cells[0].len);
		last->len += rec->cells[0].len;
		for (i = 1; i < rec->ncells && rd->held.ncells < GT_MAX_CELLS; i++)
			rd->held.cells[rd->held.ncells++] = rec->cells[i];
		return;
	}
	if (rd->holding)
		read_grid(rd, &rd->held);
	rd->holding = (rec != NULL);
	if (rec != NULL)
		rd->held = *rec;
}

/* The text's records, through the cell reader of its format. */
static bool
text_next(void *arg, GtArena *arena pg_attribute_unused(), GtRecord *rec)
{
	return gt_cells_next((GtCellReader *) arg, rec);
}

/*
 * Read text[0..len), handing what it holds to sink as it goes.  result
 * counts what was found; when too_big is set, reading stopped at the limit,
 * the project being read was not handed over, and the caller should raise
 * an error rather than return a part of the input.
 */
void
gt_read(const char *text, int len, const GtOptions *options, const GtSink *sink,
		GtResult *result)
{
	GtCellReader cr;
	GtSource	src;
	GtOptions	opts = {GT_FORMAT_AUTO, NULL};
	char		delim = ',';
	GtArena		arena = {0};

	if (options != NULL)
		opts = *options;
	if (opts.format == GT_FORMAT_AUTO)
		opts.format = gt_detect_format(text, len, &delim);
	else if (opts.format == GT_FORMAT_CSV)
		(void) gt_detect_format(text, len, &delim);
	gt_cells_init(&cr, text, len, opts.format, delim, &arena);
	src.next = text_next;
	src.arg = &cr;
	src.arena = &arena;
	gt_read_source(&src, &opts, sink, result);
	result->nlines = cr.line;
	gt_arena_free(&arena);
}

/*
 * Read the records src gives, in options->format (never auto here).  A
 * record that starts a sheet ends the project before it.
 */
void
gt_read_source(const GtSource *src, const GtOptions *options, const GtSink *sink,
			   GtResult *result)
{
	GtReader   *rd = palloc0(sizeof(GtReader));
	GtRecord   *rec = palloc(sizeof(GtRecord));
	IndPolicy	central;
	int			nlines = 0;

	memset(result, 0, sizeof(*result));
	rd->sink = sink;
	rd->result = result;
	if (options->policy != NULL)
		rd->policy = options->policy;
	else
	{
		ind_policy_preset(IND_PRESET_CENTRAL, &central);
		rd->policy = &central;
	}
	rd->format = options->format;
	result->format = rd->format;
	rd->arena_ref = src->arena;
	rd->stream = palloc(GT_STREAM_CELLS * sizeof(GtCell));
	rd->specbuf = palloc(GT_SPECBUF_SIZE);

	rd->flipped_at = -1;
	while (!rd->stopped && src->next(src->arg, src->arena, rec))
	{
		rd->record_no++;
		nlines = Max(nlines, rec->line);
		if (sink->tick && (++rd->nrecords & 4095) == 0)
			sink->tick(sink->arg);
		if (rec->sheet_start)
		{
			push_grid(rd, NULL);
			flush_stream(rd, true);
			finish_project(rd);
			rd->has_header = false;
			rd->header_ref = NULL;
		}
		if (rec->ncells == 0)
			continue;			/* blank: carries nothing */
		if (rd->format == GT_FORMAT_RUNON ||
			(rec->ncells == 1 && gt_is_runon(rec->cells[0].s, rec->cells[0].len)))
		{
			push_grid(rd, NULL);
			push_runon(rd, &rec->cells[0]);
			continue;
		}
		if (rd->format == GT_FORMAT_LINES)
		{
			push_stream(rd, &rec->cells[0]);
			continue;
		}
		flush_stream(rd, true);
		push_grid(rd, rec);
	}
	push_grid(rd, NULL);
	flush_stream(rd, true);
	result->nlines = nlines;
	if (!result->too_big)
		finish_project(rd);
	if (rd->rows)
		pfree(rd->rows);
	pfree(rd->stream);
	pfree(rd->specbuf);
	pfree(rec);
	pfree(rd);
}

/*
 * A project's name: its 项目名称, or else its title without the form's
 * words (甲项目绩效目标表 is 甲).
 */
GtSlice
gt_project_name(const GtProject *p)
{
	static const char suffix[] = "项目绩效目标表";
	int			sl = (int) strlen(suffix);
	GtSlice		name = p->field[GT_NAME];

	if (name.s == NULL && p->title.s != NULL)
	{
		name = p->title;
		if (name.len > sl && memcmp(name.s + name.len - sl, suffix, sl) == 0)
			name.len -= sl;
	}
	return name;
}

/*
 * An amount cell (万元, as the forms print them): "60.00", "10000万元",
 * "854万(高标准农田建设400万元,…)".  *unit says what the cell names after
 * the number: GT_AMOUNT_YUAN (元: the caller divides by 10,000),
 * GT_AMOUNT_WAN (万) or GT_AMOUNT_NONE.  False when absent or not an amount.
 */
bool
gt_slice_amount(GtSlice s, IndDecimal *d, int *unit)
{
	int			used;

	*unit = GT_AMOUNT_NONE;
	if (s.s == NULL || ind_decimal_parse(s.s, s.len, true, &used, d) != IND_DEC_OK)
		return false;
	if (used < s.len)
	{
		const char *rest = s.s + used;
		int			rl = s.len - used;

		if (rl >= 3 && memcmp(rest, "元", 3) == 0)
			*unit = GT_AMOUNT_YUAN;
		else if (rl >= 3 && memcmp(rest, "万", 3) == 0)
			*unit = GT_AMOUNT_WAN;	/* 10000万元 is 万元 even in a block of 元 */
		else if (rest[0] != '(' && !(rl >= 3 && memcmp(rest, "（", 3) == 0))
			return false;
	}
	return true;
}
