/*
 * gt_stream.c
 *		Rows from a stream of cells: text copied from a web page, one cell per
 *		line (or per paragraph), and the cells cut out of run-together text.
 *
 * Such a stream has lost its rows, not its order.  A row is rebuilt from
 * what its cells are: a key word takes the cell after it as its value; a
 * run of column words is the header row; a level label stands alone (labels
 * fill down); any other cell starts an indicator row, which takes the
 * header's data columns that follow the name, each by what it is (a nature
 * word, a comparator, the target whatever it says, a unit, a weight).
 * Without a header, a row is a name followed by a target that reads as one.
 *
 * A label split over two cells ("经济效益" then "指标") and a key split so
 * ("主管部门" then "及编码") are joined first.
 *
 * Pure code.
 */
#include "postgres.h"

#include "goal_table.h"
#include "infer.h"
#include "literal.h"
#include "scan.h"

static bool
cell_is(const GtCell *c, const char *w)
{
	return (int) strlen(w) == c->len && memcmp(c->s, w, c->len) == 0;
}

static bool
is_number_cell(const GtCell *c)
{
	IndDecimal	d;
	int			used;

	return ind_decimal_parse(c->s, c->len, true, &used, &d) == IND_DEC_OK;
}

/* A cell that starts something else: it never continues a row. */
static bool
is_structure(const GtCell *c)
{
	int			field;
	const char *digits;

	return ind_level_lookup_loose(c->s, c->len) != NULL || gt_key_word(c->s, c->len, &field) ||
		gt_year_at(c->s, c->len, &digits) == c->len ||
		gt_column_word(c->s, c->len) != GT_COL_NONE ||
		ind_contains(c->s, c->len, "绩效目标表") || ind_contains(c->s, c->len, "绩效目标申报表");
}

/* Do two cells make one key word ("主管部门" "及编码")? */
static bool
joins_key(const GtCell *a, const GtCell *b)
{
	char		buf[64];
	int			field;

	if (a->len + b->len >= (int) sizeof(buf))
		return false;
	memcpy(buf, a->s, a->len);
	memcpy(buf + a->len, b->s, b->len);
	return gt_key_word(buf, a->len + b->len, &field);
}

static bool
is_target_like(const GtCell *c)
{
	return ind_is_nature_word(c->s, c->len) || ind_is_comparator_word(c->s, c->len) ||
		ind_is_combined_target(c->s, c->len) || ind_is_bare_target(c->s, c->len) ||
		ind_is_date_text(c->s, c->len);
}

/* How many cells after c[i] (the name) belong to its row, by the header's columns. */
static int
row_length(const GtCell *c, int n, int i, const GtHeader *h)
{
	int			j = i + 1;
	int			v;

	if (h == NULL)
	{
		/* name, then [nature] [comparator] target [unit] [weight] */
		if (j >= n || is_structure(&c[j]) || !is_target_like(&c[j]))
			return 1;
		if (ind_is_nature_word(c[j].s, c[j].len))
			j++;
		if (j < n && ind_is_comparator_word(c[j].s, c[j].len))
			j++;
		if (j < n && !is_structure(&c[j]))
			j++;
		if (j + 1 < n && !is_number_cell(&c[j]) && is_number_cell(&c[j + 1]))
			j++;
		if (j < n && is_number_cell(&c[j]) && !is_target_like(&c[j + 1 < n ? j + 1 : j]))
			j++;
		return j - i;
	}
	for (v = 0; v < h->nvalues && j < n && !is_structure(&c[j]); v++)
	{
		switch (h->values[v])
		{
			case GT_COL_NATURE:
				if (ind_is_nature_word(c[j].s, c[j].len) || ind_is_comparator_word(c[j].s, c[j].len))
					j++;
				break;
			case GT_COL_DIRECTION:
				if (ind_is_comparator_word(c[j].s, c[j].len))
					j++;
				break;
			case GT_COL_TARGET:
				j++;
				break;
			case GT_COL_UNIT:
				if (!is_number_cell(&c[j]) && !ind_is_nature_word(c[j].s, c[j].len) &&
					(h->has_weight ? (j + 1 < n && is_number_cell(&c[j + 1])) : c[j].len <= 24))
					j++;
				break;
			case GT_COL_WEIGHT:
				if (is_number_cell(&c[j]))
					j++;
				break;
			case GT_COL_DESC:
			case GT_COL_SKIP:
				j++;
				break;
			default:
				/* notes are not told from the next row's name: left to it */
				break;
		}
	}
	return j - i;
}

/*
 * Group c[0..n) into records and hand each to fn.  Unless final, the last
 * few cells are left for the next call (a row may continue there); returns
 * how many cells were used.
 */
int
gt_stream_group(GtCell *c, int n, bool final, GtArena *arena,
				const GtHeader *const *header, GtRecordFn fn, void *arg)
{
	int			i = 0;
	int			limit = final ? n : n - 16;

	while (i < limit)
	{
		GtCell		rec[GT_MAX_CELLS];
		int			field;
		int			k = 0;

		rec[k++] = c[i];
		/* a label or a key split over two cells */
		if (i + 1 < n &&
			((cell_is(&c[i + 1], "指标") && gt_label_prefix(c[i].s, c[i].len)) ||
			 joins_key(&c[i], &c[i + 1])))
		{
			rec[0].s = gt_arena_concat(arena, c[i].s, c[i].len, c[i + 1].s, c[i + 1].len);
			rec[0].len = c[i].len + c[i + 1].len;
			i++;
		}
		i++;
		if (gt_key_word(rec[0].s, rec[0].len, &field))
		{
			if (i < n && !is_structure(&c[i]))
				rec[k++] = c[i++];
		}
		else if (gt_column_word(rec[0].s, rec[0].len) != GT_COL_NONE)
		{
			while (i < n && k < GT_MAX_CELLS && gt_column_word(c[i].s, c[i].len) != GT_COL_NONE)
				rec[k++] = c[i++];
		}
		else if (!is_structure(&rec[0]) ||
				 /* a label word followed by a nature or target is a name (满意度 under 服务对象满意度) */
				 (k == 1 && i < n && ind_level_lookup_loose(rec[0].s, rec[0].len) != NULL &&
				  (ind_is_nature_word(c[i].s, c[i].len) || ind_is_comparator_word(c[i].s, c[i].len) ||
				   ind_is_combined_target(c[i].s, c[i].len))))
		{
			int			len = row_length(c, n, i - 1, *header);

			while (--len > 0 && k < GT_MAX_CELLS)
				rec[k++] = c[i++];
		}
		fn(arg, rec, k);
	}
	return i;
}
