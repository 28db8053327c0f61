/*
 * infer.c
 *		Bare targets: the comparator a goal table leaves out.
 *
 * Real tables print "63人", "100%", "1600元/亩" or "12月底前" with no
 * comparator.  A literal without one stays an error (a lone number says
 * nothing about which way is better), but a table row says more: its
 * level 2.  The rules (README, "Targets without a comparator"):
 *
 *   - a date or a period (2021年12月前, 12月底, 2021年1月-12月, 2023.07-2024.01)
 *     is a deadline: qualitative, scored by date;
 *   - under a cost level 2 (成本指标, 经济/社会/生态环境成本指标): <=;
 *   - under any other level 2: >=;
 *   - with no level 2: <= for money and durations (天, 小时, 月, 年, 工作日 …),
 *     >= otherwise;
 *   - a comparator written after the value (95%以上, 60万元以内) is read as such.
 *
 * The caller is told which rule applied, so a reviewer can check it.
 *
 * Pure code.
 */
#include "postgres.h"

#include "decimal.h"
#include "infer.h"
#include "scan.h"
#include "units.h"

/* A unit that long is a sentence, not a unit: such a cell is text. */
#define BARE_UNIT_MAX_CHARS 8

typedef struct Suffix
{
	const char *word;
	const char *cmp;
} Suffix;

static const Suffix suffixes[] = {
	{"及以上", ">="}, {"以上", ">="}, {"及以下", "<="}, {"以下", "<="}, {"以内", "<="},
	{"之内", "<="},
};

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * A date or period: a four-digit year before 年 or a separator (2021年,
 * 2023.07, 2022-12-31), or a month number before 月 that is not a count of
 * months (12月底, 6月前, 1月-12月; but 6个月 is a duration).
 */
bool
ind_is_date_text(const char *s, int len)
{
	int			i = ind_skip_spaces(s, len, 0);
	int			d = i;

	while (d < len && is_digit(s[d]))
		d++;
	if (d == i)
		return false;
	if (d - i == 4 && d < len &&
		(memcmp(s + d, "年", Min(3, len - d)) == 0 ||
		 ((s[d] == '.' || s[d] == '-' || s[d] == '/') && d + 1 < len && is_digit(s[d + 1]))))
		return true;
	if (d - i <= 2 && d + 3 <= len && memcmp(s + d, "月", 3) == 0)
	{
		int			m = (d - i == 1) ? s[i] - '0' : (s[i] - '0') * 10 + (s[i + 1] - '0');

		return m >= 1 && m <= 12;
	}
	return false;
}

/* A number, optionally with a unit of a few characters: 63人, 100%, 1600元/亩, 2. */
bool
ind_is_bare_target(const char *s, int len)
{
	IndDecimal	v;
	int			used;
	int			a = ind_skip_spaces(s, len, 0);
	int			b = ind_trim_end(s, a, len);
	int			chars = 0;
	int			p;

	if (b <= a || ind_decimal_parse(s + a, b - a, true, &used, &v) != IND_DEC_OK)
		return false;
	if (ind_is_date_text(s + a, b - a))
		return false;
	for (p = ind_skip_spaces(s, b, a + used); p < b; p += ind_char_len(s + p, b - p))
	{
		if (is_digit(s[p]))
			return false;		/* 1000元/人给补助 is prose with numbers in it */
		chars++;
	}
	return chars <= BARE_UNIT_MAX_CHARS;
}

static bool
is_cost_level(const IndLevel *l2)
{
	return l2 != NULL && (l2->level1 == IND_L1_COST || strcmp(l2->name, "成本指标") == 0);
}

/* The unit of a bare target, for the no-level-2 rule: money or time count against. */
static const char *
cmp_from_unit(const char *s, int len)
{
	IndDecimal	v;
	int			used;
	IndUnitRef	ref;
	int			a = ind_skip_spaces(s, len, 0);
	int			b = ind_trim_end(s, a, len);
	int			u;

	if (ind_decimal_parse(s + a, b - a, true, &used, &v) != IND_DEC_OK)
		return NULL;
	u = ind_skip_spaces(s, b, a + used);
	if (u < b && ind_unit_resolve(s + u, b - u, &ref) &&
		(strcmp(ref.num->dimension, "money") == 0 || strcmp(ref.num->dimension, "time") == 0 ||
		 strcmp(ref.num->dimension, "calendar") == 0 || strcmp(ref.num->dimension, "workday") == 0))
		return "<=";
	return NULL;
}

/* The same rule for a unit in its own column: read as the unit of "1". */
static const char *
unit_column_cmp(const char *us, int ul)
{
	char		buf[IND_MAX_UNIT_BYTES + 2];

	if (us == NULL || ul <= 0 || ul > IND_MAX_UNIT_BYTES)
		return NULL;
	buf[0] = '1';
	memcpy(buf + 1, us, ul);
	return cmp_from_unit(buf, ul + 1);
}

IndStatus
ind_parse_columns_level(const char *ns, int nl, const char *cs, int cl,
						const char *ts, int tl, const char *us, int ul,
						const IndLevel *level2, char *textbuf, IndSpec *spec,
						IndError *err, int *inferred)
{
	IndStatus	st;
	int			ta,
				tb;
	const char *cmp;
	int			i;

	*inferred = IND_INFER_NONE;
	if (ns == NULL)
		nl = 0;
	if (cs == NULL)
		cl = 0;
	if (ts == NULL)
		tl = 0;
	ta = ind_skip_spaces(ts ? ts : "", tl, 0);
	tb = ind_trim_end(ts ? ts : "", ta, tl);
	/* a nature or a comparator says it all */
	if (ind_skip_spaces(ns ? ns : "", nl, 0) < nl || ind_skip_spaces(cs ? cs : "", cl, 0) < cl ||
		tb <= ta)
		return ind_parse_columns(ns, nl, cs, cl, ts, tl, us, ul, textbuf, spec, err);

	if (ind_is_date_text(ts + ta, tb - ta))
	{
		*inferred = IND_INFER_DATE;
		return ind_parse_columns("定性", strlen("定性"), NULL, 0, ts, tl, us, ul, textbuf, spec, err);
	}
	/* 95%以上: the comparator after the value */
	for (i = 0; i < (int) lengthof(suffixes); i++)
	{
		int			sl = (int) strlen(suffixes[i].word);

		if (tb - ta > sl && memcmp(ts + tb - sl, suffixes[i].word, sl) == 0 &&
			ind_is_bare_target(ts + ta, tb - ta - sl))
		{
			*inferred = IND_INFER_SUFFIX;
			return ind_parse_columns(NULL, 0, suffixes[i].cmp, 2, ts + ta, tb - ta - sl,
									 us, ul, textbuf, spec, err);
		}
	}
	if (!ind_is_bare_target(ts + ta, tb - ta))
		return ind_parse_columns(ns, nl, cs, cl, ts, tl, us, ul, textbuf, spec, err);

	if (level2 != NULL)
	{
		cmp = is_cost_level(level2) ? "<=" : ">=";
		*inferred = IND_INFER_LEVEL2;
	}
	else if ((cmp = cmp_from_unit(ts + ta, tb - ta)) != NULL || (cmp = unit_column_cmp(us, ul)) != NULL)
		*inferred = IND_INFER_UNIT;
	else
	{
		cmp = ">=";
		*inferred = IND_INFER_DEFAULT;
	}
	st = ind_parse_columns(NULL, 0, cmp, 2, ts, tl, us, ul, textbuf, spec, err);
	if (st != IND_OK)
		*inferred = IND_INFER_NONE;
	return st;
}
