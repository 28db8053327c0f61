/*
 * gt_row.c
 *		The importer's row stage: one record's cells to an indicator row, and
 *		the row's indicator once its levels are known.
 *
 * Exports shift cells about: a cell may slip a column or two, a level label
 * may sit in the wrong column, a name may start the line, and space- or
 * PDF-separated text loses its empty cells.  So cells are read by what they
 * are, with the table's header row (when it has one) saying which data
 * columns follow the name:
 *
 *   - level labels first, found by the hierarchy vocabulary;
 *   - then the anchor, if the row has one: the first cell that is a nature
 *     word (正向 反向 定性), a comparator word or a combined target (≥95%).
 *     Before it stands the name; after it the comparator, the target, the
 *     unit, the weight and notes;
 *   - without an anchor, the header's columns in order: the name, then the
 *     target whatever it says (有效提高, 2021年1月-12月, 63人), then unit and
 *     weight by what they are.  A table without a name column (指标类型 |
 *     指标名称 | 指标值 | 指标描述, where 指标名称 holds the level 2) takes
 *     the description as the name and says so;
 *   - without either, a bare target (63人, 100%) after the name.
 *
 * A row that has a name is returned even when its target or weight does not
 * read (the project stage reports it); cells that make no row are reported
 * by the caller with the reason given here.
 *
 * Pure code.
 */
#include "postgres.h"

#include "actual.h"
#include "decimal.h"
#include "goal_table.h"
#include "infer.h"
#include "scan.h"

static const GtSlice empty = {NULL, 0};

static void
set(GtSlice *sl, const GtCell *c)
{
	sl->s = c->s;
	sl->len = c->len;
}

/* From the first cell to the last, as the input has them (names with blanks). */
static void
set_span(GtSlice *sl, const GtCell *first, const GtCell *last)
{
	sl->s = first->s;
	sl->len = (int) (last->s + last->len - first->s);
}

static bool
slice_eq(GtSlice s, const char *w)
{
	return s.s != NULL && (int) strlen(w) == s.len && memcmp(s.s, w, s.len) == 0;
}

/* A whole cell that is a plain number (a weight, an amount). */
static bool
is_number(const GtCell *c)
{
	int			used;
	IndDecimal	d;

	return ind_decimal_parse(c->s, c->len, true, &used, &d) == IND_DEC_OK && used == c->len;
}

/* A weight: a number, or a percentage or points (20%, 10分) in a 权重 column. */
static bool
is_weight(const GtCell *c)
{
	int			used;
	IndDecimal	d;
	int			rest;

	if (ind_decimal_parse(c->s, c->len, true, &used, &d) != IND_DEC_OK)
		return false;
	rest = c->len - used;
	return rest == 0 ||
		(rest == 1 && c->s[used] == '%') ||
		(rest == 3 && (memcmp(c->s + used, "％", 3) == 0 || memcmp(c->s + used, "分", 3) == 0));
}

/* The form's placeholder for a value never filled in: ≥**人, ＊＊%. */
static bool
is_placeholder(const GtCell *c)
{
	bool		cut;

	ind_clip_token(c->s, c->len, 16, false, &cut);
	return !cut && (ind_contains(c->s, c->len, "**") || ind_contains(c->s, c->len, "＊＊"));
}

static bool
is_anchor(const GtCell *c)
{
	return ind_is_nature_word(c->s, c->len) || ind_is_comparator_word(c->s, c->len) ||
		ind_is_combined_target(c->s, c->len) || is_placeholder(c);
}

/*
 * Take the leading level labels of c[from..n) into row; returns the index of
 * the first cell that is not one.  Labels come level 1 first, then level 2,
 * then the name, so the cell after a level-2 label is the name even when it
 * is a word of the vocabulary (an indicator called 满意度 under 服务对象满意度).
 * A level 1 printed again in the level-2 column (满意度指标 | 满意度指标)
 * stands for that level's only level 2.
 */
static int
read_labels(const GtCell *c, int from, int end, GtRow *row)
{
	int			i;

	for (i = from; i < end; i++)
	{
		const IndLevel *l = ind_level_lookup_loose(c[i].s, c[i].len);

		if (l == NULL)
			break;
		/* after the level 2, a label is the name if it is a level 1 or the last cell */
		if (row->label2.level != NULL && (l->depth == 1 || i == end - 1))
			break;
		if (l->depth == 1 && row->label1.level == NULL)
			gt_label_set(&row->label1, l, c[i].s, c[i].len);
		else if (l->depth == 1 && row->label1.level->level1 == l->level1)
		{
			const IndLevel *l2 = NULL;
			int			j;

			for (j = 0; j < ind_level_count(); j++)
			{
				const IndLevel *x = ind_level_at(j);

				if (x->depth == 2 && x->level1 == l->level1)
				{
					if (l2 != NULL)
					{
						l2 = NULL;
						break;
					}
					l2 = x;
				}
			}
			if (l2 == NULL)
				break;
			gt_label_set(&row->label2, l2, c[i].s, c[i].len);
		}
		else if (l->depth == 1)
			break;
		else
			gt_label_set(&row->label2, l, c[i].s, c[i].len);
	}
	return i;
}

/*
 * After the anchor: [nature] [comparator] target [unit] [weight] [notes].
 * A unit stands before the weight and is not a number, except an Excel
 * serial date that a table formatted into both columns (44,561 44,561).
 */
static void
read_tail(const GtCell *c, int n, int i, const GtHeader *h, bool spaced, GtRow *row)
{
	bool		cut = true;

	if (i < n && ind_is_nature_word(c[i].s, c[i].len))
		set(&row->nature, &c[i++]);
	if (i < n && ind_is_comparator_word(c[i].s, c[i].len))
		set(&row->comparator, &c[i++]);
	if (i >= n)
		return;
	set(&row->target, &c[i]);
	row->notes |= c[i++].notes;
	if (i < n && i + 1 < n && is_weight(&c[i + 1]) &&
		(!is_number(&c[i]) ||
		 (c[i].len == row->target.len && memcmp(c[i].s, row->target.s, c[i].len) == 0)))
		set(&row->unit, &c[i++]);
	else if (i < n && !is_weight(&c[i]) &&
			 (i + 1 == n || (spaced && is_weight(&c[i + 1]))) &&
			 (h == NULL || h->has_unit || (spaced && is_number(&c[i - 1]))) &&
			 (ind_clip_token(c[i].s, c[i].len, 10, false, &cut), !cut))
	{
		/* a unit, no weight column; or "≥ 200 人" split at its blanks */
		set(&row->unit, &c[i++]);
	}
	if (i < n && is_weight(&c[i]))
		set(&row->weight, &c[i++]);
	if (i < n)
	{
		set(&row->note_first, &c[i]);
		set(&row->note_last, &c[n - 1]);
	}
}

/* The header's data columns over c[i..n), in order. */
static void
read_columns(const GtCell *c, int n, int i, const GtHeader *h, int first_value, GtRow *row)
{
	int			v;

	for (v = first_value; v < h->nvalues && i < n; v++)
	{
		switch (h->values[v])
		{
			case GT_COL_NATURE:
				/* 指标性质 may hold a symbol (≧ ═ ≤) instead of a nature */
				if (ind_is_comparator_word(c[i].s, c[i].len))
					set(&row->comparator, &c[i++]);
				else
					set(&row->nature, &c[i++]);
				break;
			case GT_COL_DIRECTION:
				set(&row->comparator, &c[i++]);
				break;
			case GT_COL_TARGET:
				row->notes |= c[i].notes;
				set(&row->target, &c[i++]);
				break;
			case GT_COL_UNIT:
				set(&row->unit, &c[i++]);
				break;
			case GT_COL_WEIGHT:
				set(&row->weight, &c[i++]);
				break;
			case GT_COL_SKIP:
				i++;			/* last year's value: the row's target is this year's */
				break;
			case GT_COL_DESC:
				if (row->name.s == NULL)
				{
					set(&row->name, &c[i++]);
					row->notes |= GT_NOTE_NAME_FROM_DESC;
					break;
				}
				/* FALLTHROUGH */
			default:
				set(&row->note_first, &c[i]);
				set(&row->note_last, &c[n - 1]);
				return;
		}
	}
	if (i < n)
	{
		set(&row->note_first, &c[i]);
		set(&row->note_last, &c[n - 1]);
	}
}

/* How many of the header's data columns a row must fill: all but unit, weight, notes. */
static int
required_values(const GtHeader *h)
{
	int			v,
				n = 0;

	for (v = 0; v < h->nvalues; v++)
		if (h->values[v] == GT_COL_TARGET)
			n = v + 1;
	return n;
}

bool
gt_row_read(const GtCell *c, int n, const GtHeader *h, bool spaced,
			GtRow *row, char *reason, int reasonlen)
{
	int			i = 0;
	int			k;
	int			m;

	row->name = row->nature = row->comparator = row->target = row->unit = row->weight = empty;
	row->note_first = row->note_last = empty;
	row->label1.level = row->label2.level = NULL;
	row->labels_only = false;
	row->notes = 0;

	/* the block's own label (绩效指标) is not data */
	if (n > 0 && c[0].len >= 12 && memcmp(c[0].s, "绩效指标", 12) == 0 &&
		ind_level_lookup_loose(c[0].s, c[0].len) == NULL)
		i = 1;
	/*
	 * With last year's or the long-term value beside this year's, the
	 * first target-looking cell is not the row's target: the header's
	 * columns decide.
	 */
	k = n;
	if (h == NULL || !h->has_skip)
		for (k = i; k < n; k++)
			if (is_anchor(&c[k]))
				break;
	m = read_labels(c, i, k, row);
	/*
	 * A level-1 word just before the anchor, alone on its record, is the
	 * name (满意度 under 服务对象满意度, read from a stream of cells); a
	 * level-2 label there means the name cell is empty.
	 */
	if (k < n && m == k && k == i + 1 && row->label1.level != NULL && row->label2.level == NULL &&
		!(c[k - 1].len > 6 && memcmp(c[k - 1].s + c[k - 1].len - 6, "指标", 6) == 0))
	{
		row->label1.level = row->label2.level = NULL;
		m = read_labels(c, i, k - 1, row);
	}
	if (k < n && k > m)
	{
		/* the name stands before the anchor: one cell, or words split at blanks */
		if (k - m > 1 && !spaced)
		{
			bool		cut1,
						cut2;
			int			n1 = ind_clip_token(c[m].s, c[m].len, 20, false, &cut1);
			int			n2 = ind_clip_token(c[m + 1].s, c[m + 1].len, 20, false, &cut2);

			snprintf(reason, reasonlen, "two names before the indicator's nature: \"%.*s%s\" and \"%.*s%s\"",
					 n1, c[m].s, cut1 ? "..." : "", n2, c[m + 1].s, cut2 ? "..." : "");
			return false;
		}
		set_span(&row->name, &c[m], &c[k - 1]);
		read_tail(c, n, k, h, spaced, row);
	}
	else if (k < n && h != NULL && h->has_desc && k + 1 < n)
	{
		/* no name column: the description after the target names the row */
		read_tail(c, n, k, h, spaced, row);
		if (row->note_first.s == NULL)
		{
			snprintf(reason, reasonlen, "no indicator name before the nature, comparator or target");
			return false;
		}
		row->name = row->note_first;
		row->name.len = (int) (row->note_last.s + row->note_last.len - row->note_first.s);
		row->note_first = row->note_last = empty;
		row->notes |= GT_NOTE_NAME_FROM_DESC;
	}
	else if (k < n)
	{
		snprintf(reason, reasonlen, "no indicator name before the nature, comparator or target");
		return false;
	}
	else if (m == n)
	{
		if (row->label1.level == NULL && row->label2.level == NULL)
		{
			snprintf(reason, reasonlen, "an empty line");
			return false;
		}
		row->labels_only = true;
		return true;
	}
	else if (h != NULL && h->nvalues > 0)
	{
		int			left = n - m;
		int			want = 1 + h->nvalues;
		int			need = 1 + required_values(h);

		if (left == want - 1 && h->has_desc && h->values[h->nvalues - 1] == GT_COL_DESC)
			read_columns(c, n, m, h, 0, row);	/* name from the description */
		else if (left > want && spaced)
		{
			/* blanks split the name: it takes what the columns do not */
			set_span(&row->name, &c[m], &c[n - h->nvalues - 1]);
			read_columns(c, n, n - h->nvalues, h, 0, row);
		}
		else if (left >= need || left >= 2)
		{
			set(&row->name, &c[m]);
			if (left == want || h->nvalues == 1)
				read_columns(c, n, m + 1, h, 0, row);
			else
			{
				/* cells went missing: the target follows the name, the rest by type */
				int			t = m + 1;

				row->notes |= c[t].notes;
				set(&row->target, &c[t++]);
				if (t < n && !is_weight(&c[t]) && h->has_unit)
					set(&row->unit, &c[t++]);
				if (t < n && is_weight(&c[t]) && h->has_weight)
					set(&row->weight, &c[t++]);
				if (t < n)
				{
					set(&row->note_first, &c[t]);
					set(&row->note_last, &c[n - 1]);
				}
			}
		}
		else
		{
			snprintf(reason, reasonlen, "no target after the indicator's name");
			return false;
		}
	}
	else
	{
		bool		cut;

		/*
		 * No header, no anchor: a bare target with its unit (63人, 100%,
		 * 12月底前) after a name of two characters or more.  A lone number
		 * may be a weight or an amount, so it makes no row here.
		 */
		for (k = m + 1; k < n; k++)
			if ((ind_is_bare_target(c[k].s, c[k].len) && !is_number(&c[k])) ||
				ind_is_date_text(c[k].s, c[k].len))
				break;
		ind_clip_token(c[m].s, c[m].len, 1, false, &cut);
		if (k >= n || (k - m > 1 && !spaced) || !cut)
		{
			snprintf(reason, reasonlen,
					 "neither a header line nor an indicator row (no nature, comparator or target cell)");
			return false;
		}
		set_span(&row->name, &c[m], &c[k - 1]);
		read_tail(c, n, k, h, spaced, row);
		row->notes |= GT_NOTE_BARE_ROW;
	}
	if (h != NULL && h->has_skip)
		row->notes |= GT_NOTE_ANNUAL;
	if (row->weight.s == NULL && row->target.s != NULL && h != NULL && h->has_weight)
		row->notes |= GT_NOTE_NO_WEIGHT;
	row->placeholder = slice_eq(row->name, "无") && slice_eq(row->target, "无");
	return true;
}

/* ---- the row's indicator ---- */

/* An Excel serial date as a number (44561, 44,561) within 2000-2099; its day number. */
static bool
excel_serial(GtSlice s, int32 *days)
{
	IndDecimal	d;
	int			used;
	int64		v = 0;
	int			i;

	if (s.s == NULL || ind_decimal_parse(s.s, s.len, true, &used, &d) != IND_DEC_OK || used != s.len)
		return false;
	for (i = 0; i < s.len; i++)
	{
		if (s.s[i] == ',')
			continue;
		if (s.s[i] < '0' || s.s[i] > '9')
			return false;
		v = v * 10 + (s.s[i] - '0');
		if (v > 100000)
			return false;
	}
	/* 36526 = 2000-01-01, 73050 = 2099-12-31 */
	if (v < 36526 || v > 73050)
		return false;
	/* Excel's day 1 is 1900-01-01 counted with a 29 February 1900 that never was */
	*days = (int32) (v - 36526);
	return true;
}

static bool
is_timeliness(const IndLevel *l2)
{
	return l2 != NULL && strcmp(l2->name, "时效指标") == 0;
}

/*
 * The indicator of a row, through the four-column constructor and the
 * inference rules (infer.c); *notes gets what was read differently from the
 * cells (an Excel date), *inferred how a missing comparator was chosen.
 */
IndStatus
gt_row_spec(const GtRow *row, char *specbuf, IndSpec *spec, IndError *err, int *inferred)
{
	GtSlice		nature = row->nature,
				cmp = row->comparator,
				target = row->target,
				unit = row->unit;
	int32		days;

	*inferred = 0;
	/* "≥**人": the form's placeholder, never filled in (7*24小时 is a value) */
	if (target.s != NULL && (ind_contains(target.s, target.len, "**") ||
							 ind_contains(target.s, target.len, "＊＊")))
		return ind_fail_cell(err, IND_ERR_SYNTAX,
							 "The target \"%s\" is a placeholder: the table gives no value.",
							 target.s, target.len);
	if ((row->notes & GT_NOTE_OCR_EQ) && target.len > 3)
	{
		cmp.s = "=";
		cmp.len = 1;
		target.s += 3;
		target.len -= 3;
	}
	/* a date a spreadsheet printed as its serial number (44,561 = 2021-12-31) */
	if ((row->notes & GT_NOTE_SERIAL_DATE) && excel_serial(target, &days))
	{
		int			y,
					mo,
					d;
		char	   *date = specbuf + IND_TEXTBUF_SIZE;

		ind_civil_from_days(days, &y, &mo, &d);
		target.s = date;
		target.len = snprintf(date, GT_SPECBUF_SIZE - IND_TEXTBUF_SIZE, "%d年%d月%d日前", y, mo, d);
		nature.s = "定性";
		nature.len = strlen("定性");
		cmp = unit = empty;
	}
	return ind_parse_columns_level(nature.s, nature.len, cmp.s, cmp.len, target.s, target.len,
								   unit.s, unit.len, row->level2, specbuf, spec, err, inferred);
}

/* Does a row hold an Excel serial date where a date belongs?  (Called once levels are known.) */
bool
gt_row_serial_date(const GtRow *row)
{
	int32		days;

	if (!excel_serial(row->target, &days))
		return false;
	return is_timeliness(row->level2) ||
		(row->unit.s != NULL && excel_serial(row->unit, &days));
}
