/*
 * gt_levels.c
 *		The importer's level stage: level labels as tables print them, and
 *		the levels of every row of a project.
 *
 * Labels fill down; a level-2 label implies its level 1; the rows that
 * follow a 无 placeholder (which stands alone in its level 2) wait for the
 * next level-2 label.  A row is never given a level 2 of another level 1,
 * nor a level 1 it does not have: such a row keeps what it has and is
 * reported (the first review of this code found both inventions).
 *
 * Pure code.
 */
#include "postgres.h"

#include "goal_table.h"
#include "scan.h"

/* Is s the first half of a label split before its 指标 ("经济效益" / "指标")? */
bool
gt_label_prefix(const char *s, int len)
{
	char		buf[GT_LABEL_BYTES];

	if (len <= 0 || len + 6 >= (int) sizeof(buf))
		return false;
	memcpy(buf, s, len);
	memcpy(buf + len, "指标", 6);
	return ind_level_lookup(s, len) == NULL ? ind_level_lookup_loose(buf, len + 6) != NULL
		: ind_level_lookup(buf, len + 6) != NULL;
}

void
gt_label_set(GtLabel *l, const IndLevel *level, const char *s, int len)
{
	l->level = level;
	l->len = Min(len, GT_LABEL_BYTES - 1);
	l->len = ind_utf8_whole(s, l->len);
	memcpy(l->printed, s, l->len);
	l->printed[l->len] = '\0';
}

/* The only level 2 of a level 1, if it has one (满意度: 服务对象满意度). */
static const IndLevel *
sole_level2(const IndLevel *l1)
{
	const IndLevel *found = NULL;
	int			i;

	if (l1 == NULL)
		return NULL;
	for (i = 0; i < ind_level_count(); i++)
	{
		const IndLevel *l = ind_level_at(i);

		if (l->depth == 2 && l->level1 == l1->level1)
		{
			if (found != NULL)
				return NULL;
			found = l;
		}
	}
	return found;
}

static bool
same_level1(const IndLevel *a, const IndLevel *b)
{
	return a != NULL && b != NULL && a->level1 == b->level1;
}

static void
place(GtRow *row, const IndLevel *l1, int from1, const IndLevel *l2, int from2)
{
	row->level1 = l1;
	row->from1 = from1;
	row->level2 = l2;
	row->from2 = from2;
	row->pending = false;
}

void
gt_assign_levels(GtRow *rows, int nrows)
{
	int			i,
				j;
	const IndLevel *cur1 = NULL;
	const IndLevel *cur2 = NULL;
	int			from1 = -1,
				from2 = -1;
	bool		after_placeholder = false;
	int			first_pending = -1;

	for (i = 0; i < nrows; i++)
	{
		GtRow	   *row = &rows[i];

		if (row->label1.level != NULL)
		{
			const IndLevel *l1 = ind_level_as_level1(row->label1.level);

			if (!same_level1(cur1, l1))
			{
				cur2 = NULL;
				from2 = -1;
			}
			cur1 = l1;
			from1 = i;
		}
		if (row->label2.level != NULL)
		{
			const IndLevel *l2 = row->label2.level;

			/* 成本指标 under a 2021 成本 level 1 stays there */
			if (!(cur1 != NULL && cur1->level1 == IND_L1_COST && l2->level1 == IND_L1_OUTPUT &&
				  strcmp(l2->name, "成本指标") == 0) && !same_level1(cur1, l2))
			{
				cur1 = ind_level1_entry(l2->level1);
				from1 = -1;
			}
			cur2 = l2;
			from2 = i;
			row->labelled2 = true;
			after_placeholder = false;
			/* rows that waited belong to this level 2, if under the same level 1 */
			if (first_pending >= 0)
			{
				for (j = first_pending; j < i; j++)
					if (rows[j].pending &&
						(rows[j].level1 == NULL || same_level1(rows[j].level1, cur1)))
						place(&rows[j], cur1, rows[j].level1 ? rows[j].from1 : from1, cur2, from2);
				first_pending = -1;
				for (j = 0; j < i; j++)
					if (rows[j].pending)
					{
						first_pending = j;
						break;
					}
			}
		}
		if (row->labels_only)
			continue;
		if (row->label2.level == NULL && (after_placeholder || cur2 == NULL))
		{
			row->pending = true;
			row->level1 = cur1;
			row->from1 = from1;
			row->level2 = NULL;
			row->from2 = -1;
			if (first_pending < 0)
				first_pending = i;
		}
		else
			place(row, cur1, from1, cur2, from2);
		if (row->placeholder)
			after_placeholder = true;
	}

	/*
	 * The project ends: rows still waiting keep their own level 1, and take
	 * the last level 2 only if it is under that level 1 (or the sole level 2
	 * of their level 1, as 服务对象满意度 is of 满意度).
	 */
	for (j = 0; j < nrows; j++)
		if (rows[j].pending)
		{
			GtRow	   *row = &rows[j];

			if (row->level1 == NULL && cur2 != NULL)
				place(row, cur1, from1, cur2, from2);
			else if (same_level1(row->level1, cur2) && !after_placeholder)
				place(row, row->level1, row->from1, cur2, from2);
			else
				place(row, row->level1, row->from1, sole_level2(row->level1), -1);
		}
}
