/*
 * gt_runon.c
 *		Run-together text: a PDF copy that lost every separator, read by its
 *		anchors.
 *
 * "产出指标数量指标免费开放天数=300天质量指标…" still says where its cells
 * are: level labels (the vocabulary's spellings that end in 指标), column
 * words (一级指标 …), the forms' key words (项目名称 …), titles (…绩效目标表),
 * and inside a row, the comparator and the number with its unit.  Between
 * two anchors stands a row's name and target: split at the comparator
 * ("免费开放天数" "=300天"), at a bare number that runs to the end
 * ("受益人数" "63人"), or at a qualitative target word the forms use
 * ("对当地文物保护、文化传承影响" "长远").  A piece that none of these splits
 * stays one cell, so the row stage reports it: nothing is guessed.
 *
 * OCR reads "=" before a number as "二" (二100百分比); inside a row, "二"
 * between a non-digit and an ASCII digit is read as "=", and the row's
 * import_note says so.
 *
 * Pure code.
 */
#include "postgres.h"

#include "goal_table.h"
#include "infer.h"
#include "literal.h"
#include "scan.h"
#include "units.h"

/* The qualitative targets the forms use, longest first where one ends another. */
static const char *const answer_words[] = {
	"有效提高", "有效提升", "有效增强", "明显提升", "明显提高", "显著提升", "显著提高", "持续改善",
	"巩固提高", "稳步提升", "逐步提高", "进一步提高", "进一步提升", "不断提高", "持续提升",
	"长远", "长期", "提升", "提高", "改善", "增强", "良好", "达标", "合格", "是",
};

/* Level labels that end in 指标: only these cut run-together text. */
static int
label_at(const char *s, int len, bool after_level1, const IndLevel **level)
{
	int			best = 0;
	int			k;

	if (len <= 0)
		return 0;
	for (k = 0; k < ind_spelling_count(); k++)
	{
		const IndLevel *l;
		const char *sp = ind_spelling_at(k, &l);
		int			wl;
		bool		suffixed;

		if (sp[0] != s[0])
			continue;
		wl = (int) strlen(sp);
		suffixed = wl >= 6 && memcmp(sp + wl - 6, "指标", 6) == 0;
		/* right after a level 1, its level 2 may drop the 指标 (服务对象满意度) */
		if (!suffixed && !(after_level1 && l->depth == 2 && wl >= 9))
			continue;
		if (wl > best && wl <= len && memcmp(s, sp, wl) == 0)
		{
			best = wl;
			*level = l;
		}
	}
	return best;
}

/* "…绩效目标表" or "…绩效目标申报表" ending at s+pos; the length of the word. */
static int
title_word_at(const char *s, int len)
{
	static const char *const words[] = {"绩效目标申报表", "绩效目标表"};
	int			i;

	for (i = 0; i < (int) lengthof(words); i++)
	{
		int			wl = (int) strlen(words[i]);

		if (wl <= len && memcmp(s, words[i], wl) == 0)
			return wl;
	}
	return 0;
}

static void
emit(GtCell *out, int *n, int max, const char *s, int len, int notes)
{
	int			a = ind_skip_spaces(s, len, 0);
	int			b = ind_trim_end(s, a, len);

	if (b <= a)
		return;
	/* beyond max, only counted: the caller makes room and splits again */
	if (*n < max)
	{
		out[*n].s = s + a;
		out[*n].len = b - a;
		out[*n].col = *n;
		out[*n].notes = notes;
		out[*n].line = 0;
	}
	(*n)++;
}

static bool
is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * The longest target that split_row looks for: a comparator, two numbers and
 * two units of at most IND_MAX_UNIT_BYTES fit with room to spare.  Every test
 * there reads the whole rest of the piece (ind_parse_literal, and
 * ind_is_bare_target through ind_trim_end), so trying them at every position
 * of a long piece was quadratic in its length.
 */
#define GT_SPLIT_TARGET_MAX 1024

/* A row's name and target run together: cut where the target starts. */
static void
split_row(const char *s, int len, GtCell *out, int *n, int max)
{
	int			p;
	int			i;

	for (p = 1; p < len; p += ind_char_len(s + p, len - p))
	{
		int			code_len;
		IndSpec		spec;
		IndError	err;

		/* no target is this long: the name goes on */
		if (len - p > GT_SPLIT_TARGET_MAX)
			continue;
		/* a comparator followed by a number: the target starts here */
		if ((code_len = ind_is_comparator_word(s + p, 1) ? 1 : 0) > 0 ||
			ind_is_combined_target(s + p, len - p))
		{
			if (ind_parse_literal(s + p, len - p, &spec, &err) == IND_OK)
			{
				emit(out, n, max, s, p, 0);
				emit(out, n, max, s + p, len - p, 0);
				return;
			}
		}
		/* OCR's 二 for = */
		if (len - p > 3 && memcmp(s + p, "二", 3) == 0 && is_ascii_digit(s[p + 3]) &&
			!is_ascii_digit(s[p - 1]) && ind_is_bare_target(s + p + 3, len - p - 3))
		{
			emit(out, n, max, s, p, 0);
			emit(out, n, max, s + p, len - p, GT_NOTE_OCR_EQ);
			return;
		}
	}
	/* a bare number that runs to the end: 受益人数63人 */
	for (p = 1; p < len; p += ind_char_len(s + p, len - p))
		if (is_ascii_digit(s[p]) && !is_ascii_digit(s[p - 1]) && s[p - 1] != '.' &&
			((len - p <= GT_SPLIT_TARGET_MAX && ind_is_bare_target(s + p, len - p)) ||
			 ind_is_date_text(s + p, len - p)))
		{
			emit(out, n, max, s, p, 0);
			emit(out, n, max, s + p, len - p, 0);
			return;
		}
	/* a qualitative target word at the end, after a name of two characters or more */
	for (i = 0; i < (int) lengthof(answer_words); i++)
	{
		int			wl = (int) strlen(answer_words[i]);

		if (len >= wl + 6 && memcmp(s + len - wl, answer_words[i], wl) == 0)
		{
			emit(out, n, max, s, len - wl, 0);
			emit(out, n, max, s + len - wl, wl, GT_NOTE_ANSWER_SPLIT);
			return;
		}
	}
	emit(out, n, max, s, len, 0);
}

/*
 * Where a row's target ends inside text that runs on into the next thing (a
 * title): after the comparator, the number and the longest catalogue unit.
 * 0 when the text holds no such target.
 */
static int
target_end(const char *s, int len)
{
	int			p;

	for (p = 0; p < len; p += ind_char_len(s + p, len - p))
	{
		IndDecimal	d;
		int			used;
		int			q = p;
		int			c;

		if (ind_is_comparator_word(s + p, 1))
			q = p + 1;
		else if (ind_is_combined_target(s + p, Min(len - p, 6)))
			q = p + 3;
		else
			continue;
		if (ind_decimal_parse(s + q, len - q, true, &used, &d) != IND_DEC_OK)
			continue;
		q += used;
		/* the longest catalogue unit, of up to eight characters */
		for (c = Min(len - q, 24); c > 0; c--)
		{
			IndUnitRef	ref;

			if (ind_char_len(s + q, c) > 0 && ind_unit_resolve(s + q, c, &ref))
				return q + c;
		}
		return q;
	}
	return 0;
}

/*
 * Is this one cell several run together?  Two or more level labels ending in
 * 指标, or a title followed by key words, inside a long cell.
 */
bool
gt_is_runon(const char *s, int len)
{
	int			p;
	int			labels = 0;
	int			keys = 0;
	bool		cut;

	ind_clip_token(s, len, 30, false, &cut);
	if (!cut)
		return false;
	/* two labels ending in 指标, or three key words: cheap checks first */
	{
		int			n = 0;

		for (p = 0; p + 6 <= len && n < 2; p++)
			if (memcmp(s + p, "指标", 6) == 0)
			{
				n++;
				p += 5;
			}
		if (n < 2 && !ind_contains(s, len, "项目"))
			return false;
	}
	for (p = 0; p < len; p += ind_char_len(s + p, len - p))
	{
		const IndLevel *l;
		int			field;
		int			n = label_at(s + p, len - p, false, &l);

		if (n > 0)
		{
			labels++;
			p += n - 1;
			continue;
		}
		if ((n = gt_key_word_at(s + p, len - p, &field)) > 0 && p > 0)
		{
			keys++;
			p += n - 1;
		}
	}
	return labels >= 2 || keys >= 3;
}

/*
 * Split run-together text into cells; returns how many there are, which may
 * be more than max (only the first max are stored).  in_table says
 * whether the table's rows have started (a column word or a label was
 * seen): before, what stands between key words is their values; after,
 * it is a row's name and target.  It carries over from one call to the
 * next, since a run may be broken by a line break.
 */
int
gt_runon_split(const char *s, int len, GtCell *out, int max, bool *in_table)
{
	int			n = 0;
	int			start = 0;
	int			p = 0;
	bool		after_level1 = false;

	while (p < len)
	{
		const IndLevel *l = NULL;
		GtColumn	col;
		int			field;
		int			w;

		col = GT_COL_NONE;
		if ((w = title_word_at(s + p, len - p)) > 0)
		{
			const char *digits;
			int			y = gt_year_at(s + p + w, len - p - w, &digits);

			/* a title right after a row: the row's target ends at its unit */
			if (*in_table && p > start)
			{
				int			cut = target_end(s + start, p - start);

				if (cut > 0)
				{
					split_row(s + start, cut, out, &n, max);
					start += cut;
				}
			}

			/* the title runs from the last cut to its end, with its year */
			emit(out, &n, max, s + start, p + w - start, 0);
			if (y > 0)
				emit(out, &n, max, s + p + w, y, 0);
			p += w + y;
			start = p;
			*in_table = false;
			after_level1 = false;
			continue;
		}
		/* column words of four characters or more: shorter ones occur in names */
		w = gt_column_word_at(s + p, len - p, &col);
		if (w < 12 || col == GT_COL_BLOCK)
		{
			col = GT_COL_NONE;
			w = 0;
		}
		if (w == 0)
			w = label_at(s + p, len - p, after_level1, &l);
		if (w == 0 && !*in_table)
			w = gt_key_word_at(s + p, len - p, &field);
		if (w == 0)
		{
			p += ind_char_len(s + p, len - p);
			continue;
		}
		/* before the table, what stands between key words is their values */
		if (p > start)
		{
			if (*in_table && col == GT_COL_NONE)
				split_row(s + start, p - start, out, &n, max);
			else
				emit(out, &n, max, s + start, p - start, 0);
		}
		if (col != GT_COL_NONE || l != NULL)
			*in_table = true;
		emit(out, &n, max, s + p, w, 0);
		after_level1 = (l != NULL && l->depth == 1);
		p += w;
		start = p;
	}
	if (len > start)
	{
		if (*in_table)
			split_row(s + start, len - start, out, &n, max);
		else
			emit(out, &n, max, s + start, len - start, 0);
	}
	return n;
}
