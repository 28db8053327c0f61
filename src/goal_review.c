/*
 * goal_review.c
 *		The goal-table review's rules (R1..R16, H1, H2) over one project.
 *
 * Each rule reads the typed rows the importer or the reference schema
 * holds; none re-reads the table's text, so a review agrees with what
 * scoring and monitoring will later use.  A rule turned off by the policy
 * is not evaluated at all.  Messages are written for a review opinion:
 * the indicator's name, what is wrong and what to write instead.
 */
#include "postgres.h"

#include <limits.h>
#include <stdarg.h>

#include "actual.h"
#include "exact.h"
#include "goal_review.h"
#include "scan.h"
#include "units.h"
#include "weights.h"

static const struct
{
	const char *code;
	const char *dimension;
}			rule_info[IND_REVIEW_NRULES] = {
	{"R1", "完整性"}, {"R2", "完整性"}, {"R3", "相关性"}, {"R4", "完整性"},
	{"R5", "完整性"}, {"R6", "完整性"}, {"R7", "适当性"}, {"R8", "相关性"},
	{"R9", "适当性"}, {"R10", "适当性"}, {"R11", "可行性"}, {"R12", "完整性"},
	{"R13", "相关性"}, {"R14", "相关性"}, {"R15", "相关性"}, {"R16", "相关性"},
	{"H1", "适当性"}, {"H2", "适当性"},
};

const char *
gr_rule_code(int rule)
{
	return rule >= 0 && rule < IND_REVIEW_NRULES ? rule_info[rule].code : NULL;
}

const char *
gr_rule_dimension(int rule)
{
	return rule >= 0 && rule < IND_REVIEW_NRULES ? rule_info[rule].dimension : NULL;
}

int
gr_rule_count(void)
{
	return IND_REVIEW_NRULES;
}

const char *
gr_severity_name(int severity)
{
	switch (severity)
	{
		case IND_REVIEW_ERROR:
			return "error";
		case IND_REVIEW_WARNING:
			return "warning";
		case IND_REVIEW_FINDING:
			return "finding";
	}
	return "off";
}

/*
 * 88号's grades from the counts: findings are for a person and never lower
 * a grade; a table missing a level 1 (R1 at error) has no goal to budget
 * against.
 */
const char *
gr_grade(int errors, int warnings, bool incomplete, const IndPolicy *policy)
{
	if (incomplete || errors > policy->review_grade[1].mant)
		return "差";
	if (errors > 0)
		return "中";
	if (warnings > policy->review_grade[0].mant)
		return "良";
	return "优";
}

/*
 * Similarity of two names: the Dice coefficient of their character bigrams
 * (2 × shared / all), over code points, blanks left out.  pg_trgm does not
 * fit Chinese names: it keeps only what the database's locale calls
 * alphanumeric (nothing of CJK under the C locale), and its trigrams of a
 * four-character name share almost nothing with a five-character variant.
 */
#define GR_MAX_CHARS 128

/* A name's characters, each packed into one integer (UTF-8 is at most 4 bytes). */
static int
split_chars(const char *s, int len, uint32 *out)
{
	int			n = 0;
	int			i = 0;

	while (i < len && n < GR_MAX_CHARS)
	{
		int			sp = ind_space_len(s + i, len - i);
		int			cl,
					k;
		uint32		c = 0;

		if (sp > 0)
		{
			i += sp;
			continue;
		}
		cl = ind_char_len(s + i, len - i);
		if (cl <= 0 || cl > 4)
			cl = 1;
		for (k = 0; k < cl; k++)
			c = (c << 8) | (unsigned char) s[i + k];
		out[n++] = c;
		i += cl;
	}
	return n;
}

void
gr_similarity(const char *a, int alen, const char *b, int blen, int *common, int *total)
{
	uint32		ac[GR_MAX_CHARS],
				bc[GR_MAX_CHARS];
	uint64		bb[GR_MAX_CHARS];
	int			na = split_chars(a, alen, ac);
	int			nb = split_chars(b, blen, bc);
	int			i,
				j;

	*common = 0;
	if (na < 2 || nb < 2)
	{
		/* a one-character name is the same only as itself */
		*total = 2;
		if (na == 1 && nb == 1 && ac[0] == bc[0])
			*common = 1;
		return;
	}
	*total = (na - 1) + (nb - 1);
	for (j = 0; j + 1 < nb; j++)
		bb[j] = ((uint64) bc[j] << 32) | bc[j + 1];
	for (i = 0; i + 1 < na; i++)
	{
		uint64		x = ((uint64) ac[i] << 32) | ac[i + 1];

		for (j = 0; j + 1 < nb; j++)
			if (bb[j] == x)
			{
				bb[j] = 0;		/* used: no packed bigram is 0 */
				(*common)++;
				break;
			}
	}
}

/* 2 × common / total >= threshold, exactly. */
static bool
reaches(int common, int total, IndDecimal threshold)
{
	int128		lhs = (int128) 2 * common * ind_pow10[threshold.scale];
	int128		rhs = (int128) threshold.mant * total;

	return total > 0 && lhs >= rhs;
}

bool
gr_similar(const char *a, const char *b, IndDecimal threshold)
{
	int			common,
				total;

	if (a == NULL || b == NULL)
		return false;
	gr_similarity(a, (int) strlen(a), b, (int) strlen(b), &common, &total);
	return reaches(common, total, threshold);
}

/* A growing message buffer. */
typedef struct GrBuf
{
	char	   *data;
	int			len;
	int			cap;
} GrBuf;

static void gr_printf(GrBuf *b, const char *fmt,...) pg_attribute_printf(2, 3);

static void
gr_printf(GrBuf *b, const char *fmt,...)
{
	for (;;)
	{
		va_list		ap;
		int			n;

		va_start(ap, fmt);
		n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
		if (b->len + n < b->cap)
		{
			b->len += n;
			return;
		}
		b->cap = (b->len + n + 1) * 2;
		b->data = repalloc(b->data, b->cap);
	}
}

typedef struct GrCtx
{
	const GrProject *p;
	GrRow	   *rows;
	int			nrows;
	const IndPolicy *policy;
	GrEmit		emit;
	void	   *arg;
	GrBuf		buf;
	GrFinding	f;
} GrCtx;

static bool
on(const GrCtx *c, int rule)
{
	return c->policy->review[rule] != IND_REVIEW_OFF;
}

/* Start a finding of rule; add rows with add_row, text with gr_printf(&c->buf). */
static void
begin(GrCtx *c, int rule)
{
	c->f.rule = rule;
	c->f.severity = c->policy->review[rule];
	c->f.nrows = 0;
	c->buf.len = 0;
	c->buf.data[0] = '\0';
}

static void
add_row(GrCtx *c, int i)
{
	if (c->f.nrows < GR_MAX_FINDING_ROWS)
		c->f.rows[c->f.nrows++] = i;
}

static void
finish(GrCtx *c)
{
	c->f.message = c->buf.data;
	c->emit(c->arg, &c->f);
}

static const char *
nz(const char *s)
{
	return s ? s : "";
}

static bool
has(const char *s, const char *w)
{
	return s != NULL && ind_contains(s, (int) strlen(s), w);
}

static bool
blank(const char *s)
{
	return s == NULL || ind_skip_spaces(s, (int) strlen(s), 0) >= (int) strlen(s);
}

/*
 * A row that says "not applicable": 无 in the name (tables keep a 生态效益
 * row with 无 and 0 points rather than drop the line).  Rules pass over it.
 */
static bool
says_absent(const GrRow *r)
{
	static const char *const words[] = {"无", "-", "/", "／", "—", "－", "无此项", "不适用", "暂无"};
	const char *n = r->name;
	int			len,
				start,
				end,
				i;

	if (blank(n))
		return true;
	len = (int) strlen(n);
	start = ind_skip_spaces(n, len, 0);
	end = ind_trim_end(n, start, len);
	for (i = 0; i < (int) lengthof(words); i++)
		if (end - start == (int) strlen(words[i]) && memcmp(n + start, words[i], end - start) == 0)
			return true;
	return false;
}

static void
fmt_dec(IndDecimal d, char *buf)
{
	ind_decimal_format(ind_decimal_normalize(d), buf);
}

/* A ratio printed with at most 4 decimals, trailing zeros dropped. */
static void
fmt_ratio(IndRatio r, char *buf)
{
	IndDecimal	d;

	if (!ind_ratio_round(r, 4, &d))
	{
		strcpy(buf, "?");
		return;
	}
	fmt_dec(d, buf);
}

/* The target as a table prints it: ≥95%, 10～20人, 2022年12月前. */
static void
fmt_target(const IndSpec *s, char *buf, int buflen)
{
	static const char *const symbols[] = {"", "≥", ">", "=", "<", "≤", ""};
	char		lo[IND_DEC_BUFLEN],
				hi[IND_DEC_BUFLEN];

	if (s->op == IND_OP_NONE)
	{
		int			n = Min(s->text_len, buflen - 1);

		/* never a character cut in two */
		n = s->text ? ind_utf8_whole(s->text, n) : 0;
		memcpy(buf, s->text ? s->text : "", n);
		buf[n] = '\0';
		return;
	}
	fmt_dec(s->lo, lo);
	if (s->op == IND_OP_RANGE)
	{
		fmt_dec(s->hi, hi);
		snprintf(buf, buflen, "%s～%s%.*s", lo, hi, s->unit_len, s->unit ? s->unit : "");
		return;
	}
	snprintf(buf, buflen, "%s%s%.*s", symbols[s->op], lo, s->unit_len, s->unit ? s->unit : "");
}

static bool
is_cost(const GrRow *r)
{
	return (r->l1 != NULL && r->l1->level1 == IND_L1_COST) ||
		(r->l2 != NULL && r->l2->level1 == IND_L1_COST) ||
		(r->l2 != NULL && strcmp(r->l2->name, "成本指标") == 0);
}

static bool
level2_is(const GrRow *r, const char *name)
{
	return r->l2 != NULL && strcmp(r->l2->name, name) == 0;
}

static int
compute_slot(const GrRow *r)
{
	if (is_cost(r))
		return IND_L1_COST;
	return r->l1 != NULL ? r->l1->level1 : -1;
}

/* What resolve_levels() worked out once per row. */
static inline bool
absent(const GrRow *r)
{
	return r->na;
}

static inline int
level1_of(const GrRow *r)
{
	return r->slot;
}

static bool
quantitative(const GrRow *r)
{
	return r->has_spec && r->spec.op != IND_OP_NONE;
}

/* The unit resolves to money (元, 万元 ...), not a rate such as 元/人. */
static bool
money(const IndSpec *s)
{
	IndUnitRef	ref;

	return s->unit != NULL && s->unit_len > 0 && ind_unit_resolve(s->unit, s->unit_len, &ref) &&
		ref.den == NULL && strcmp(ref.num->dimension, "money") == 0;
}

static bool
is_percent(const IndSpec *s)
{
	return s->unit != NULL && s->unit_len == 1 && s->unit[0] == '%';
}

static bool
deadline(const GrRow *r, int year, IndDeadline *d)
{
	return r->has_spec && r->spec.op == IND_OP_NONE && r->spec.text_len > 0 &&
		ind_parse_deadline_in(r->spec.text, r->spec.text_len, year, d);
}

static const char *
level_label(const GrRow *r)
{
	if (r->l2 != NULL)
		return r->l2->name;
	if (r->level2 != NULL)
		return r->level2;
	return r->l1 != NULL ? r->l1->name : nz(r->level1);
}

/* R1: the levels a goal table cannot do without. */
static void
rule_levels(GrCtx *c)
{
	static const int needed[] = {IND_L1_OUTPUT, IND_L1_OUTCOME, IND_L1_SATISFACTION};
	static const char *const names[] = {"产出指标", "效益指标", "满意度指标"};
	int			count[IND_L1_COUNT] = {0};
	int			i,
				missing = 0;

	for (i = 0; i < c->nrows; i++)
	{
		int			l = c->rows[i].l1 != NULL ? c->rows[i].l1->level1 : -1;

		if (l >= 0 && !absent(&c->rows[i]))
			count[l]++;
	}
	if (!on(c, GR_R1))
		return;
	for (i = 0; i < (int) lengthof(needed); i++)
		if (count[needed[i]] == 0)
			missing++;
	if (missing == 0)
		return;
	begin(c, GR_R1);
	gr_printf(&c->buf, "绩效指标不完整：未设置");
	missing = 0;
	for (i = 0; i < (int) lengthof(needed); i++)
		if (count[needed[i]] == 0)
			gr_printf(&c->buf, "%s%s", missing++ ? "、" : "", names[i]);
	gr_printf(&c->buf, "的三级指标，应至少设置产出、效益和满意度指标各一项");
	finish(c);
}

/* R2: the annual goal is written. */
static void
rule_goal(GrCtx *c)
{
	const char *g = c->p->annual_goal;
	int			len = g ? (int) strlen(g) : 0;
	int			i = 0;
	bool		only_marks = true;

	if (!on(c, GR_R2))
		return;
	while (i < len)
	{
		int			sp = ind_space_len(g + i, len - i);
		int			cl;

		if (sp > 0)
		{
			i += sp;
			continue;
		}
		cl = ind_char_len(g + i, len - i);
		if (cl <= 0)
			cl = 1;
		if (!(strchr("-_*/.", g[i]) != NULL && cl == 1) && !ind_is_dash(g + i, cl) &&
			!(cl == 3 && (memcmp(g + i, "无", 3) == 0 || memcmp(g + i, "＊", 3) == 0 ||
						  memcmp(g + i, "／", 3) == 0)))
		{
			only_marks = false;
			break;
		}
		i += cl;
	}
	if (!only_marks)
		return;
	begin(c, GR_R2);
	if (len == 0)
		gr_printf(&c->buf, "未填写年度绩效目标，应概述项目当年计划完成的任务和预期达到的效果");
	else
		gr_printf(&c->buf, "年度绩效目标为“%s”，未填写实际内容，应概述项目当年计划完成的任务和预期达到的效果", g);
	finish(c);
}

/* R3, R4, R7, R8, R14 and R11: what each row says on its own. */
static void
rule_rows(GrCtx *c)
{
	int			year = c->p->year >= 1 && c->p->year <= 9999 ? c->p->year : 0;
	int			i;

	for (i = 0; i < c->nrows; i++)
	{
		GrRow	   *r = &c->rows[i];
		char		t[IND_MAX_TEXT_BYTES + 128];
		IndDeadline d;

		if (absent(r))
			continue;
		if (r->has_spec)
			fmt_target(&r->spec, t, sizeof(t));
		if (!r->has_spec && on(c, GR_R3))
		{
			begin(c, GR_R3);
			add_row(c, i);
			if (blank(r->target_cell))
				gr_printf(&c->buf, "三级指标“%s”未填写指标值，应填写可衡量的目标值", nz(r->name));
			else if (has(r->target_cell, "*") || has(r->target_cell, "＊") || has(r->target_cell, "×"))
				gr_printf(&c->buf, "三级指标“%s”的指标值“%s”为占位符，应填写具体数值", nz(r->name), r->target_cell);
			else
				gr_printf(&c->buf, "三级指标“%s”的指标值“%s”无法识别为数值、区间或定性目标，应改写为可衡量的目标值",
						  nz(r->name), r->target_cell);
			finish(c);
		}
		if (quantitative(r) && (r->spec.unit == NULL || r->spec.unit_len == 0) && on(c, GR_R4))
		{
			begin(c, GR_R4);
			add_row(c, i);
			gr_printf(&c->buf, "三级指标“%s”的指标值%s未填写计量单位", nz(r->name), t);
			finish(c);
		}
		if (quantitative(r) && is_cost(r) && (r->spec.op == IND_OP_GE || r->spec.op == IND_OP_GT) &&
			on(c, GR_R7))
		{
			begin(c, GR_R7);
			add_row(c, i);
			gr_printf(&c->buf, "成本指标“%s”的指标值为%s，成本指标应以“≤”设定上限，“≥”会鼓励多花钱", nz(r->name), t);
			finish(c);
		}
		if (quantitative(r) && is_percent(&r->spec) && on(c, GR_R8))
		{
			IndDecimal	top = r->spec.op == IND_OP_RANGE ? r->spec.hi : r->spec.lo;
			IndDecimal	hundred = {100, 0};

			if (ind_decimal_cmp(top, hundred) > 0)
			{
				begin(c, GR_R8);
				add_row(c, i);
				gr_printf(&c->buf, "三级指标“%s”的指标值%s超过100%%，请核实口径（增长率等应写明基数）", nz(r->name), t);
				finish(c);
			}
		}
		if (on(c, GR_R14))
		{
			int			l1 = level1_of(r);
			const char *why = NULL;

			if (l1 != IND_L1_COST && l1 >= 0 &&
				(has(r->name, "预算执行") || has(r->name, "资金支付") || has(r->name, "资金到位") ||
				 has(r->name, "支出进度") || has(r->name, "支付进度") || has(r->name, "资金执行")))
				why = "属于预算执行情况，已由预算执行率单独评价，不宜作为绩效指标";
			else if (l1 >= 0 && l1 != IND_L1_SATISFACTION && has(r->name, "满意"))
				why = "为满意度指标，应列入满意度指标";
			else if (r->l2 != NULL && !level2_is(r, "时效指标") && l1 == IND_L1_OUTPUT &&
					 deadline(r, year ? year : 2000, &d))
				why = "的指标值为时间节点，应列入时效指标";
			else if (quantitative(r) && money(&r->spec) && l1 == IND_L1_OUTPUT && !is_cost(r))
				why = "以金额计量，应列入成本指标";
			if (why != NULL)
			{
				begin(c, GR_R14);
				add_row(c, i);
				gr_printf(&c->buf, "%s“%s”%s", level_label(r), nz(r->name), why);
				finish(c);
			}
		}
		if (on(c, GR_R11) && (year > 0 || c->p->has_start || c->p->has_end) &&
			deadline(r, year, &d))
		{
			int32		first = year > 0 ? ind_days_from_civil(year, 1, 1) : PG_INT32_MIN;
			int32		last = year > 0 ? ind_days_from_civil(year, 12, 31) : PG_INT32_MAX;
			bool		in_year = d.end >= first && d.end <= last;
			bool		in_period = (!c->p->has_start || d.end >= c->p->period_start) &&
				(!c->p->has_end || d.end <= c->p->period_end);

			if (!in_year || !in_period)
			{
				int			y,
							m,
							dd;

				ind_civil_from_days(d.end, &y, &m, &dd);
				begin(c, GR_R11);
				add_row(c, i);
				gr_printf(&c->buf, "时效指标“%s”的完成时限%s（%d年%d月%d日）", nz(r->name), t, y, m, dd);
				if (!in_year)
					gr_printf(&c->buf, "不在%d年度内", year);
				if (!in_period)
				{
					int			y1,
								m1,
								d1,
								y2,
								m2,
								d2;

					ind_civil_from_days(c->p->has_start ? c->p->period_start : d.end, &y1, &m1, &d1);
					ind_civil_from_days(c->p->has_end ? c->p->period_end : d.end, &y2, &m2, &d2);
					gr_printf(&c->buf, "%s超出项目实施期（%d年%d月%d日至%d年%d月%d日）", in_year ? "" : "，且",
							  y1, m1, d1, y2, m2, d2);
				}
				gr_printf(&c->buf, "，应在项目实施期和预算年度内完成");
				finish(c);
			}
		}
	}
}

/* R5: a name twice in one table. */
static void
rule_duplicates(GrCtx *c)
{
	bool	   *seen;
	int			i,
				j;

	if (!on(c, GR_R5))
		return;
	seen = palloc0(sizeof(bool) * Max(c->nrows, 1));
	for (i = 0; i < c->nrows; i++)
	{
		int			n = 1;

		if (seen[i] || absent(&c->rows[i]))
			continue;
		for (j = i + 1; j < c->nrows; j++)
			if (!seen[j] && c->rows[j].name != NULL && strcmp(c->rows[i].name, c->rows[j].name) == 0)
				n++;
		if (n < 2)
			continue;
		begin(c, GR_R5);
		for (j = i; j < c->nrows; j++)
			if (c->rows[j].name != NULL && strcmp(c->rows[i].name, c->rows[j].name) == 0)
			{
				seen[j] = true;
				add_row(c, j);
			}
		gr_printf(&c->buf, "三级指标“%s”在同一项目中出现%d次，应合并或改为不同的指标", c->rows[i].name, n);
		finish(c);
	}
	pfree(seen);
}

/* R6: weights above 0, split as the policy says, 100 in all. */
static void
rule_weights(GrCtx *c)
{
	IndWeightSums ws;
	IndWeightSplit split;
	IndRatio	total = ind_ratio_int(0);
	bool		any = false;
	bool		summed = true;
	int			i;

	if (!on(c, GR_R6))
		return;
	for (i = 0; i < c->nrows; i++)
		if (c->rows[i].weight.known)
			any = true;
	if (!any)
		return;					/* a table that prints no weights: the sheet will */

	{
		int			n = 0;

		begin(c, GR_R6);
		for (i = 0; i < c->nrows; i++)
		{
			GrRow	   *r = &c->rows[i];

			if (!absent(r) && (!r->weight.known || r->weight.v.mant <= 0))
				n++;
		}
		if (n > 0)
		{
			gr_printf(&c->buf, "%d项指标的分值未填写或不大于0：", n);
			n = 0;
			for (i = 0; i < c->nrows; i++)
			{
				GrRow	   *r = &c->rows[i];

				if (!absent(r) && (!r->weight.known || r->weight.v.mant <= 0))
				{
					gr_printf(&c->buf, "%s%s", n++ ? "、" : "", nz(r->name));
					add_row(c, i);
				}
			}
			gr_printf(&c->buf, "，每项指标应赋予大于0的分值");
			finish(c);
		}
	}

	ind_weight_sums_init(&ws);
	for (i = 0; i < c->nrows; i++)
	{
		GrRow	   *r = &c->rows[i];
		IndRatio	w;

		if (!r->weight.known)
			continue;
		w = ind_ratio_from_decimal(r->weight.v);
		if (!ind_ratio_add(total, w, &total))
			return;
		if (r->l1 == NULL || !ind_weight_sums_add(&ws, r->l1, w, c->policy))
			summed = false;
	}
	if (summed)
	{
		ind_weight_split(&ws, c->policy, &split);
		if (!ind_weight_sums_match(&ws, &split))
		{
			char		b[6][IND_DEC_BUFLEN + 8];

			fmt_ratio(ws.sum[IND_L1_OUTPUT], b[0]);
			fmt_ratio(ws.sum[IND_L1_OUTCOME], b[1]);
			fmt_ratio(ws.sum[IND_L1_SATISFACTION], b[2]);
			fmt_ratio(split.output, b[3]);
			fmt_ratio(split.outcome, b[4]);
			fmt_ratio(split.satisfaction, b[5]);
			begin(c, GR_R6);
			gr_printf(&c->buf, "各一级指标分值为产出%s分、效益%s分、满意度%s分，评分规则要求产出%s分、效益%s分、满意度%s分",
					  b[0], b[1], b[2], b[3], b[4], b[5]);
			finish(c);
			return;
		}
	}
	if (c->p->budget_weight.known)
	{
		IndRatio	all;
		IndRatio	hundred = ind_ratio_int(100);

		if (ind_ratio_add(total, ind_ratio_from_decimal(c->p->budget_weight.v), &all) &&
			ind_ratio_cmp(all, hundred) != 0)
		{
			char		b[3][IND_DEC_BUFLEN + 8];

			fmt_ratio(total, b[0]);
			fmt_dec(c->p->budget_weight.v, b[1]);
			fmt_ratio(all, b[2]);
			begin(c, GR_R6);
			gr_printf(&c->buf, "各项指标分值合计%s分，加预算执行率%s分共%s分，应为100分", b[0], b[1], b[2]);
			finish(c);
		}
	}
}

/* R9: the funds add up.  R10: the money costs fit in them. */
static void
rule_funds(GrCtx *c)
{
	const GrProject *p = c->p;
	char		b[4][IND_DEC_BUFLEN + 8];
	int			i;

	if (on(c, GR_R9) && p->total.known && p->fiscal.known && p->non_fiscal.known)
	{
		IndRatio	sum,
					diff;

		if (ind_ratio_add(ind_ratio_from_decimal(p->fiscal.v), ind_ratio_from_decimal(p->non_fiscal.v), &sum) &&
			ind_ratio_sub(ind_ratio_from_decimal(p->total.v), sum, &diff))
		{
			if (ind_ratio_sign(diff) < 0)
				diff.num = -diff.num;
			if (ind_ratio_cmp(diff, ind_ratio_from_decimal(c->policy->review_funds_tolerance)) > 0)
			{
				fmt_dec(p->total.v, b[0]);
				fmt_dec(p->fiscal.v, b[1]);
				fmt_dec(p->non_fiscal.v, b[2]);
				fmt_ratio(sum, b[3]);
				begin(c, GR_R9);
				gr_printf(&c->buf, "资金总额%s万元不等于财政拨款%s万元与其他资金%s万元之和%s万元", b[0], b[1], b[2], b[3]);
				finish(c);
			}
		}
	}
	if (on(c, GR_R10) && p->total.known)
	{
		IndRatio	sum = ind_ratio_int(0);
		IndRatio   *vals = palloc(sizeof(IndRatio) * Max(c->nrows, 1));
		int			nvals = 0;
		int			k;

		begin(c, GR_R10);
		for (i = 0; i < c->nrows; i++)
		{
			GrRow	   *r = &c->rows[i];
			int128		num,
						den;
			IndRatio	f;

			if (!quantitative(r) || !is_cost(r) || !money(&r->spec) || absent(r))
				continue;
			if (ind_unit_factor(r->spec.unit, r->spec.unit_len, "万元", (int) strlen("万元"), &num, &den) != IND_CONV_OK)
				continue;
			f.num = num;
			f.den = den;
			if (!ind_ratio_mul(ind_ratio_from_decimal(r->spec.op == IND_OP_RANGE ? r->spec.hi : r->spec.lo), f,
							   &vals[nvals]) ||
				!ind_ratio_add(sum, vals[nvals], &sum))
				return;
			nvals++;
			add_row(c, i);
		}

		/*
		 * A row that is the sum of all the others (年度预算总成本 beside
		 * 出差总成本 and 劳务总成本) is their total, not one more cost.
		 */
		for (k = 0; k < nvals && nvals > 2; k++)
		{
			IndRatio	twice;

			if (ind_ratio_add(vals[k], vals[k], &twice) && ind_ratio_cmp(twice, sum) == 0)
			{
				sum = vals[k];
				break;
			}
		}
		if (nvals > 0 && ind_ratio_cmp(sum, ind_ratio_from_decimal(p->total.v)) > 0)
		{
			fmt_ratio(sum, b[0]);
			fmt_dec(p->total.v, b[1]);
			gr_printf(&c->buf, "成本指标金额合计%s万元，超过项目资金总额%s万元，成本指标应控制在预算之内", b[0], b[1]);
			finish(c);
		}
		pfree(vals);
	}
}

/* R12: 项目属性, where the table has one. */
static void
rule_attribute(GrCtx *c)
{
	const char *a = c->p->attribute;

	if (!on(c, GR_R12) || a == NULL)
		return;
	if ((has(a, "经常性") && !has(a, "一次性")) || (has(a, "一次性") && !has(a, "经常性")))
		return;
	begin(c, GR_R12);
	if (blank(a))
		gr_printf(&c->buf, "未填写项目属性，应注明经常性项目或一次性项目");
	else
		gr_printf(&c->buf, "项目属性“%s”应为经常性项目或一次性项目之一", a);
	finish(c);
}

/* A qualitative target that names no measure: 有效提高, 明显改善. */
static bool
vague(const IndSpec *s)
{
	static const char *const adverbs[] = {"有效", "明显", "显著", "逐步", "进一步", "有所", "不断", "大幅", "稳步", "持续", "全面", "较大"};
	static const char *const verbs[] = {"提高", "提升", "改善", "增强", "加强", "增加", "促进", "推动", "推进", "发挥", "保障"};
	static const char *const words[] = {"良好", "较好", "好", "高", "提高", "提升", "改善", "增强", "是", "有", "达标", "明显", "显著"};
	int			i,
				len;
	bool		adverb = false,
				verb = false;
	char		t[IND_MAX_TEXT_BYTES + 1];

	if (s->op != IND_OP_NONE || s->text_len <= 0 || s->text_len > IND_MAX_TEXT_BYTES)
		return false;
	memcpy(t, s->text, s->text_len);
	t[s->text_len] = '\0';
	len = s->text_len;
	for (i = 0; i < len; i++)
		if (t[i] >= '0' && t[i] <= '9')
			return false;
	for (i = 0; i < (int) lengthof(words); i++)
		if (strcmp(t, words[i]) == 0)
			return true;
	if (len > 36)
		return false;			/* a sentence says more than a slogan */
	for (i = 0; i < (int) lengthof(adverbs); i++)
		adverb = adverb || ind_contains(t, len, adverbs[i]);
	for (i = 0; i < (int) lengthof(verbs); i++)
		verb = verb || ind_contains(t, len, verbs[i]);
	return adverb && verb;
}

/* The level 2's own words: 社会效益指标 → 社会效益. */
static const char *
level2_core(const GrRow *r, char *buf, int buflen)
{
	int			len;

	if (r->l2 == NULL)
		return NULL;
	len = (int) strlen(r->l2->name);
	if (len > 6 && memcmp(r->l2->name + len - 6, "指标", 6) == 0)
		len -= 6;
	if (len >= buflen)
		return NULL;
	memcpy(buf, r->l2->name, len);
	buf[len] = '\0';
	return buf;
}

/* R13: 效益 targets that cannot be assessed (不具考核性). */
static void
rule_generic(GrCtx *c)
{
	int			i,
				n = 0,
				same_pct = 0;
	const IndSpec *first = NULL;
	IndDecimal	ninety_five = {95, 0};
	bool		any = false;

	if (!on(c, GR_R13))
		return;
	begin(c, GR_R13);
	gr_printf(&c->buf, "效益指标不具考核性：");
	for (i = 0; i < c->nrows; i++)
	{
		GrRow	   *r = &c->rows[i];
		char		core[64];
		const char *lc;

		if (level1_of(r) != IND_L1_OUTCOME || absent(r))
			continue;
		n++;
		if (quantitative(r) && is_percent(&r->spec) && r->spec.op != IND_OP_RANGE &&
			ind_decimal_cmp(r->spec.lo, ninety_five) >= 0 &&
			(first == NULL || (ind_decimal_cmp(first->lo, r->spec.lo) == 0 && first->op == r->spec.op)))
		{
			if (first == NULL)
				first = &r->spec;
			same_pct++;
		}
		lc = level2_core(r, core, sizeof(core));
		if (lc != NULL && gr_similar(r->name, lc, c->policy->review_similarity))
		{
			gr_printf(&c->buf, "%s“%s”仅重复二级指标名称", any ? "；" : "", r->name);
			add_row(c, i);
			any = true;
		}
		else if (r->has_spec && vague(&r->spec))
		{
			gr_printf(&c->buf, "%s“%s”的指标值“%.*s”无可衡量的标准", any ? "；" : "", r->name,
					  r->spec.text_len, r->spec.text);
			add_row(c, i);
			any = true;
		}
	}
	if (n >= 2 && same_pct == n && first != NULL)
	{
		char		t[IND_MAX_TEXT_BYTES + 128];

		fmt_target(first, t, sizeof(t));
		gr_printf(&c->buf, "%s全部%d项效益指标的指标值均为%s，未体现项目特点", any ? "；" : "", n, t);
		if (!any)
			for (i = 0; i < c->nrows; i++)
				if (level1_of(&c->rows[i]) == IND_L1_OUTCOME && !absent(&c->rows[i]))
					add_row(c, i);
		any = true;
	}
	if (!any)
		return;
	gr_printf(&c->buf, "。应细化量化，写明衡量标准或计算方法和数据来源");
	finish(c);
}

/* R15: one indicator written under 产出 and again under 效益. */
static void
rule_repeated(GrCtx *c)
{
	int			i,
				j;

	if (!on(c, GR_R15))
		return;
	for (i = 0; i < c->nrows; i++)
	{
		if (level1_of(&c->rows[i]) != IND_L1_OUTPUT || absent(&c->rows[i]))
			continue;
		for (j = 0; j < c->nrows; j++)
		{
			int			common,
						total;
			char		s[IND_DEC_BUFLEN + 8];
			IndRatio	dice;

			if (level1_of(&c->rows[j]) != IND_L1_OUTCOME || absent(&c->rows[j]))
				continue;
			gr_similarity(c->rows[i].name, (int) strlen(c->rows[i].name),
						  c->rows[j].name, (int) strlen(c->rows[j].name), &common, &total);
			if (!reaches(common, total, c->policy->review_similarity))
				continue;
			dice.num = 2 * common;
			dice.den = total;
			{
				IndDecimal	d;

				if (!ind_ratio_round(dice, 2, &d))
					continue;
				ind_decimal_format(d, s);
			}
			begin(c, GR_R15);
			add_row(c, i);
			add_row(c, j);
			gr_printf(&c->buf, "产出指标“%s”与效益指标“%s”实为同一指标（名称相似度%s），效益指标应反映产出带来的效果", c->rows[i].name,
					  c->rows[j].name, s);
			finish(c);
		}
	}
}

/*
 * R16: a 满意度 row whose subject (参训学员 in 参训学员满意度) shares no
 * character with the project's name, goal or other indicators, the mark of
 * a row copied from another project's table.  Characters every subject has
 * (人, 员, 对象 ...) prove nothing and are left out.
 */
static void
rule_template(GrCtx *c)
{
	static const char *const generic[] = {"服务对象", "受益对象", "受益群众", "受益人群", "人民群众", "社会公众", "公众",
	"群众", "服务", "对象", "社会", "满意度", "满意率", "满意程度", "满意", "综合", "总体", "整体", "调查", "群体"};
	static const char stop[] = "人员者等度的对象群众方户民各类相关有关单位部门";
	int			i,
				j;

	if (!on(c, GR_R16))
		return;
	for (i = 0; i < c->nrows; i++)
	{
		GrRow	   *r = &c->rows[i];
		char		subject[256];
		int			len,
					k,
					chars = 0;
		bool		found = false;

		if (level1_of(r) != IND_L1_SATISFACTION || absent(r) || strlen(r->name) >= sizeof(subject))
			continue;
		strcpy(subject, r->name);
		for (k = 0; k < (int) lengthof(generic); k++)
		{
			char	   *at;
			int			wl = (int) strlen(generic[k]);

			while ((at = strstr(subject, generic[k])) != NULL)
				memmove(at, at + wl, strlen(at + wl) + 1);
		}
		len = (int) strlen(subject);
		for (k = 0; k < len && !found;)
		{
			int			cl = ind_char_len(subject + k, len - k);
			char		ch[8];

			if (cl <= 0 || cl > 4)
				cl = 1;
			memcpy(ch, subject + k, cl);
			ch[cl] = '\0';
			k += cl;
			if (cl == 1 || strstr(stop, ch) != NULL)
				continue;
			chars++;
			if (has(c->p->name, ch) || has(c->p->annual_goal, ch))
				found = true;
			for (j = 0; j < c->nrows && !found; j++)
				if (j != i && level1_of(&c->rows[j]) != IND_L1_SATISFACTION && has(c->rows[j].name, ch))
					found = true;
		}
		if (chars == 0 || found)
			continue;
		begin(c, GR_R16);
		add_row(c, i);
		gr_printf(&c->buf, "满意度指标“%s”的调查对象与项目名称、年度目标和其他指标均无关联，可能套用了其他项目的模板，请核实", r->name);
		finish(c);
	}
}

/* The same project in an earlier table: by code, or by name (codes carry the year). */
static bool
same_project(const GrCtx *c, const GrHistory *h)
{
	if (c->p->code != NULL && h->project_code != NULL && strcmp(c->p->code, h->project_code) == 0)
		return true;
	return c->p->name != NULL && h->project_name != NULL && strcmp(c->p->name, h->project_name) == 0;
}

/* The canonical text of a spec, for comparing targets; false if it would not fit. */
#define GR_SPEC_BUF (IND_MAX_TEXT_BYTES + 128)

static bool
spec_text(const IndSpec *s, char *buf)
{
	if (ind_format_length(s) >= GR_SPEC_BUF)
		return false;
	buf[ind_format(s, buf)] = '\0';
	return true;
}

static int
null_last_cmp(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

/*
 * Of two earlier rows that match as well, the one on the row's own line,
 * else the lower line, else the project's own code over its name, else by
 * code, target and actual: a total order, so that the choice never depends
 * on the order of the history array.
 */
static bool
better_line(const GrCtx *c, const GrHistory *h, const GrHistory *best, int line)
{
	int			hl = h->source_line > 0 ? h->source_line : INT_MAX;
	int			bl = best->source_line > 0 ? best->source_line : INT_MAX;
	bool		hcode,
				bcode;
	int			k;

	if (line > 0 && (h->source_line == line) != (best->source_line == line))
		return h->source_line == line;
	if (hl != bl)
		return hl < bl;
	hcode = c->p->code != NULL && h->project_code != NULL && strcmp(c->p->code, h->project_code) == 0;
	bcode = c->p->code != NULL && best->project_code != NULL && strcmp(c->p->code, best->project_code) == 0;
	if (hcode != bcode)
		return hcode;
	if ((k = null_last_cmp(h->project_code, best->project_code)) != 0)
		return k < 0;
	if (h->has_spec != best->has_spec)
		return h->has_spec;
	if (h->has_spec)
	{
		char		x[GR_SPEC_BUF],
					y[GR_SPEC_BUF];

		if (spec_text(&h->spec, x) && spec_text(&best->spec, y) && (k = strcmp(x, y)) != 0)
			return k < 0;
	}
	return null_last_cmp(h->actual, best->actual) < 0;
}

static const GrHistory *
earlier(const GrCtx *c, const GrRow *r, const GrHistory *hist, int nhist, int year)
{
	const GrHistory *best = NULL;
	int			best_common = 0,
				best_total = 1;
	int			i;

	/* the same name first: the usual case, and no similarity to compute */
	for (i = 0; i < nhist; i++)
	{
		const GrHistory *h = &hist[i];

		if (h->year == year && h->name != NULL && strcmp(h->name, r->name) == 0 && same_project(c, h) &&
			(best == NULL || better_line(c, h, best, r->source_line)))
			best = h;
	}
	if (best != NULL)
		return best;
	for (i = 0; i < nhist; i++)
	{
		const GrHistory *h = &hist[i];
		int			common,
					total;
		int128		cmp;

		if (h->year != year || h->name == NULL || !same_project(c, h))
			continue;
		gr_similarity(h->name, (int) strlen(h->name), r->name, (int) strlen(r->name), &common, &total);
		if (!reaches(common, total, c->policy->review_similarity))
			continue;
		/* the most similar, then by line */
		cmp = (int128) common * best_total - (int128) best_common * total;
		if (best == NULL || cmp > 0 || (cmp == 0 && better_line(c, h, best, r->source_line)))
		{
			best = h;
			best_common = common;
			best_total = total;
		}
	}
	return best;
}

static bool
same_spec(const IndSpec *a, const IndSpec *b)
{
	char		x[GR_SPEC_BUF],
				y[GR_SPEC_BUF];

	return spec_text(a, x) && spec_text(b, y) && strcmp(x, y) == 0;
}

/* H1 and H2: the 历史标准 of 101号, where earlier tables are at hand. */
static void
rule_history(GrCtx *c, const GrHistory *hist, int nhist)
{
	int			year = c->p->year >= 1 && c->p->year <= 9999 ? c->p->year : 0;
	int			i;

	if (nhist == 0 || year <= 0 || (!on(c, GR_H1) && !on(c, GR_H2)))
		return;
	for (i = 0; i < c->nrows; i++)
	{
		GrRow	   *r = &c->rows[i];
		const GrHistory *h1,
				   *h2;
		char		t[IND_MAX_TEXT_BYTES + 128];

		if (!r->has_spec || absent(r))
			continue;
		h1 = earlier(c, r, hist, nhist, year - 1);
		if (h1 == NULL)
			continue;
		if (on(c, GR_H1) && h1->actual != NULL && quantitative(r) && r->spec.op != IND_OP_RANGE &&
			r->spec.op != IND_OP_EQ)
		{
			IndActual	a;
			IndError	err;
			int			alen = (int) strlen(h1->actual);

			if (ind_parse_actual(h1->actual, alen, &a, &err) == IND_OK && a.kind == IND_ACTUAL_NUMBER &&
				ind_actual_to_target_unit(&r->spec, &a, &err) == IND_OK)
			{
				int			cmp = ind_ratio_cmp(a.value, ind_ratio_from_decimal(r->spec.lo));
				bool		more = r->spec.op == IND_OP_GE || r->spec.op == IND_OP_GT;

				if ((more && cmp > 0) || (!more && cmp < 0))
				{
					fmt_target(&r->spec, t, sizeof(t));
					begin(c, GR_H1);
					add_row(c, i);
					gr_printf(&c->buf, "三级指标“%s”的指标值%s%s上年（%d年）实际完成值%s，指标值设定偏%s，应参考历史标准", r->name,
							  t, more ? "低于" : "高于", year - 1, h1->actual, more ? "低" : "松");
					finish(c);
				}
			}
		}
		if (on(c, GR_H2) && h1->has_spec && same_spec(&r->spec, &h1->spec))
		{
			h2 = earlier(c, r, hist, nhist, year - 2);
			if (h2 != NULL && h2->has_spec && same_spec(&r->spec, &h2->spec))
			{
				fmt_target(&r->spec, t, sizeof(t));
				begin(c, GR_H2);
				add_row(c, i);
				gr_printf(&c->buf, "三级指标“%s”的指标值%s连续三年（%d—%d年）未变，应结合上年完成情况调整", r->name, t,
						  year - 2, year);
				finish(c);
			}
		}
	}
}

static void
resolve_levels(GrRow *r)
{
	const IndLevel *l1 = r->level1 ? ind_level_lookup_loose(r->level1, (int) strlen(r->level1)) : NULL;
	const IndLevel *l2 = r->level2 ? ind_level_lookup_loose(r->level2, (int) strlen(r->level2)) : NULL;

	/* 成本指标 in the level-1 column is the 2021 level 1, not 2020's level 2 */
	if (l1 != NULL)
		l1 = ind_level_as_level1(l1);
	if (l1 != NULL && l1->depth != 1)
		l1 = ind_level1_entry(l1->level1);
	if (l2 != NULL && l2->depth != 2)
		l2 = NULL;
	if (l1 == NULL && l2 != NULL)
		l1 = ind_level1_entry(l2->level1);
	r->l1 = l1;
	r->l2 = l2;
	r->slot = compute_slot(r);
	r->na = says_absent(r);
}

/*
 * Review one project: its rows (levels resolved here) and, for H1 and H2,
 * earlier tables' rows.  Findings come in rule order.  Returns through
 * emit only; the grade is the caller's, from the counts (gr_grade).
 */
void
gr_review(const GrProject *p, GrRow *rows, int nrows, const GrHistory *hist, int nhist,
		  const IndPolicy *policy, GrEmit emit, void *arg)
{
	GrCtx		c;
	int			i;

	c.p = p;
	c.rows = rows;
	c.nrows = nrows;
	c.policy = policy;
	c.emit = emit;
	c.arg = arg;
	c.buf.cap = 512;
	c.buf.len = 0;
	c.buf.data = palloc(c.buf.cap);
	for (i = 0; i < nrows; i++)
	{
		/* tables repeat their labels row after row: look each up once */
		if (i > 0 && rows[i].level1 != NULL && rows[i - 1].level1 != NULL &&
			rows[i].level2 != NULL && rows[i - 1].level2 != NULL &&
			strcmp(rows[i].level1, rows[i - 1].level1) == 0 &&
			strcmp(rows[i].level2, rows[i - 1].level2) == 0)
		{
			rows[i].l1 = rows[i - 1].l1;
			rows[i].l2 = rows[i - 1].l2;
			rows[i].slot = rows[i - 1].slot;
			rows[i].na = says_absent(&rows[i]);
		}
		else
			resolve_levels(&rows[i]);
	}

	rule_levels(&c);
	rule_goal(&c);
	rule_rows(&c);
	rule_duplicates(&c);
	rule_weights(&c);
	rule_funds(&c);
	rule_attribute(&c);
	rule_generic(&c);
	rule_repeated(&c);
	rule_template(&c);
	rule_history(&c, hist, nhist);
	pfree(c.buf.data);
}
