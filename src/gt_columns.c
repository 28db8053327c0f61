/*
 * gt_columns.c
 *		The words of a goal table that are not data: the column header row,
 *		the project header's key words and a web page's boilerplate.
 *
 * These are the words of the national and provincial forms (财预〔2020〕10号
 * and the provinces' 项目支出绩效目标表/申报表), not of any one table: a
 * header row decides which data columns a row has, a key word introduces a
 * project field.  Matching ignores a trailing colon, a "(万元)" unit, and a
 * leading "其中:" or "(一)", which the forms print around the same words.
 *
 * Pure code: static tables.
 */
#include "postgres.h"

#include "gt_columns.h"
#include "scan.h"

static const IndWord column_words[] = {
	{"绩效指标", GT_COL_BLOCK},
	{"一级指标", GT_COL_LEVEL1}, {"指标类型", GT_COL_LEVEL1}, {"一级", GT_COL_LEVEL1},
	{"二级指标", GT_COL_LEVEL2}, {"二级", GT_COL_LEVEL2},
	{"三级指标", GT_COL_NAME}, {"指标名称", GT_COL_NAME}, {"三级", GT_COL_NAME},
	{"指标内容", GT_COL_NAME},
	{"指标性质", GT_COL_NATURE}, {"指标属性", GT_COL_NATURE},
	{"指标方向", GT_COL_DIRECTION}, {"比较方式", GT_COL_DIRECTION}, {"运算符", GT_COL_DIRECTION},
	{"目标值", GT_COL_TARGET}, {"指标值", GT_COL_TARGET}, {"年度指标值", GT_COL_TARGET},
	{"指标值及单位", GT_COL_TARGET}, {"指标目标值", GT_COL_TARGET}, {"年度目标值", GT_COL_TARGET},
	{"本年度指标值", GT_COL_TARGET}, {"预期指标值", GT_COL_TARGET}, {"本年预期值", GT_COL_TARGET},
	{"预期目标值", GT_COL_TARGET}, {"绩效指标值", GT_COL_TARGET}, {"标准值", GT_COL_TARGET},
	{"计量单位", GT_COL_UNIT}, {"度量单位", GT_COL_UNIT}, {"单位", GT_COL_UNIT},
	{"分值", GT_COL_WEIGHT}, {"权重", GT_COL_WEIGHT}, {"指标权重", GT_COL_WEIGHT},
	{"权重分值", GT_COL_WEIGHT},
	{"备注", GT_COL_NOTE}, {"绩效标准", GT_COL_NOTE}, {"评分标准", GT_COL_NOTE},
	{"评(扣)分标准", GT_COL_NOTE}, {"指标说明", GT_COL_NOTE},
	{"指标描述", GT_COL_DESC}, {"指标解释", GT_COL_DESC},
	{"上年实际值", GT_COL_SKIP}, {"上年完成值", GT_COL_SKIP}, {"上年度实际完成值", GT_COL_SKIP},
	{"长期指标值", GT_COL_SKIP}, {"中长期指标值", GT_COL_SKIP},
};

/* A parenthesised qualifier after a column word: (长期) (年度) (包含数字及文字描述) (分) */
static int
qualifier_len(const char *s, int len, bool *long_term)
{
	static const char *const opens[] = {"(", "（"};
	static const char *const closes[] = {")", "）"};
	int			i;

	*long_term = false;
	for (i = 0; i < 2; i++)
	{
		int			ol = (int) strlen(opens[i]);

		if (len > ol && memcmp(s, opens[i], ol) == 0)
		{
			int			j;

			for (j = ol; j < len; j++)
			{
				int			k;

				for (k = 0; k < 2; k++)
				{
					int			cl = (int) strlen(closes[k]);

					if (j + cl <= len && memcmp(s + j, closes[k], cl) == 0)
					{
						const char *q = s + ol;
						int			ql = j - ol;

						*long_term = ind_contains(q, ql, "长期") || ind_contains(q, ql, "中期");
						return j + cl;
					}
				}
			}
		}
	}
	return 0;
}

/* The longest column word at the start of s; its length, 0 if none. */
int
gt_column_word_at(const char *s, int len, GtColumn *col)
{
	int			code;
	static IndWordSet set = IND_WORD_SET(column_words);
	int			n = ind_match_word_set(s, len, &set, &code);

	if (n > 0)
		*col = (GtColumn) code;
	return n;
}

/* A whole cell that is a column word, with its qualifier; GT_COL_NONE otherwise. */
GtColumn
gt_column_word(const char *s, int len)
{
	GtColumn	col = GT_COL_NONE;
	int			n = gt_column_word_at(s, len, &col);
	bool		long_term;

	if (n == 0)
		return GT_COL_NONE;
	/* "绩效指标(权重分值90分,…)" labels the block whatever follows */
	if (col == GT_COL_BLOCK)
		return (n == len || qualifier_len(s + n, len - n, &long_term) == len - n) ? col : GT_COL_NONE;
	if (n < len)
	{
		int			q = qualifier_len(s + n, len - n, &long_term);

		if (q != len - n)
			return GT_COL_NONE;
		if (long_term)
			return GT_COL_SKIP;
	}
	return col;
}

/*
 * A column header row: three or more column words (the block label aside),
 * among them a level or name column and a target column.
 */
bool
gt_header_read(const GtCell *cells, int n, GtHeader *h)
{
	int			i;
	int			words = 0;
	bool		has_level = false;
	bool		has_target = false;
	int			name_at = -1;

	memset(h, 0, sizeof(*h));
	for (i = 0; i < n; i++)
	{
		GtColumn	c = gt_column_word(cells[i].s, cells[i].len);

		/* the block label may carry its weights: 绩效指标(权重分值90分 ...) */
		if (i == 0 && c == GT_COL_NONE && cells[i].len >= 12 &&
			memcmp(cells[i].s, "绩效指标", 12) == 0)
			c = GT_COL_BLOCK;
		if (c == GT_COL_NONE)
			return false;
		if (c == GT_COL_BLOCK)
			continue;
		h->col[h->ncols++] = c;
		words++;
		switch (c)
		{
			case GT_COL_LEVEL1:
				has_level = true;
				break;
			case GT_COL_LEVEL2:
				has_level = true;
				h->has_level2 = true;
				break;
			case GT_COL_NAME:
				h->has_name = true;
				name_at = h->ncols - 1;
				break;
			case GT_COL_TARGET:
				has_target = true;
				break;
			case GT_COL_WEIGHT:
				h->has_weight = true;
				break;
			case GT_COL_DESC:
				h->has_desc = true;
				break;
			case GT_COL_UNIT:
				h->has_unit = true;
				break;
			default:
				break;
		}
	}
	if (words < 3 || !(has_level || h->has_name) || !has_target)
		return false;
	/* the data columns after the (last) name column; long-term ones aside */
	for (i = 0; i < h->ncols; i++)
		if (h->col[i] == GT_COL_NAME)
			name_at = i;
	for (i = 0; i < h->ncols; i++)
		if (h->col[i] == GT_COL_SKIP)
			h->has_skip = true;
	for (i = name_at + 1; i < h->ncols; i++)
		if (h->col[i] != GT_COL_LEVEL2 && h->col[i] != GT_COL_NAME)
			h->values[h->nvalues++] = h->col[i];
	return true;
}

/* ---- project header keys ---- */

/* Key words and the GtField each introduces (GT_FIELD_OTHER: not imported). */
static const IndWord key_words[] = {
	{"项目编码", GT_CODE}, {"项目代码", GT_CODE}, {"项目编号", GT_CODE},
	{"项目名称", GT_NAME}, {"二级项目名称", GT_NAME},
	{"主管部门", GT_DEPARTMENT}, {"主管部门及代码", GT_DEPARTMENT},
	{"主管部门及编码", GT_DEPARTMENT},
	{"实施单位", GT_IMPLEMENTER}, {"预算单位", GT_IMPLEMENTER}, {"项目实施单位", GT_IMPLEMENTER},
	{"资金总额", GT_TOTAL}, {"年度资金总额", GT_TOTAL}, {"当年资金总额", GT_TOTAL},
	{"项目总投资", GT_TOTAL}, {"项目资金总额", GT_TOTAL},
	{"财政拨款数", GT_FISCAL}, {"财政拨款", GT_FISCAL}, {"当年财政拨款", GT_FISCAL},
	{"财政拨款小计", GT_FISCAL}, {"本年财政拨款", GT_FISCAL},
	{"非财政拨款数", GT_NONFISCAL}, {"非财政拨款", GT_NONFISCAL}, {"其他资金", GT_NONFISCAL},
	{"当年其他资金", GT_NONFISCAL},
	{"预算执行率权重", GT_BUDGET_WEIGHT}, {"预算执行率权重(%)", GT_BUDGET_WEIGHT},
	{"预算执行率权重（%）", GT_BUDGET_WEIGHT}, {"预算执行率权重(分)", GT_BUDGET_WEIGHT},
	{"年度目标", GT_GOAL}, {"年度绩效目标", GT_GOAL}, {"总体目标", GT_GOAL},
	/* keys of the forms whose values are not imported */
	{"一级项目名称", GT_FIELD_OTHER}, {"对应一级项目", GT_FIELD_OTHER},
	{"项目类型", GT_FIELD_OTHER}, {"项目类别", GT_FIELD_OTHER}, {"项目分类", GT_FIELD_OTHER},
	{"项目属性", GT_FIELD_OTHER}, {"资金用途", GT_FIELD_OTHER}, {"资金性质", GT_FIELD_OTHER},
	{"项目开始日期", GT_FIELD_OTHER}, {"项目完成日期", GT_FIELD_OTHER},
	{"项目起止时间", GT_FIELD_OTHER}, {"项目期限", GT_FIELD_OTHER},
	{"项目负责人", GT_FIELD_OTHER}, {"项目负责人及电话", GT_FIELD_OTHER},
	{"项目联系人", GT_FIELD_OTHER}, {"联系电话", GT_FIELD_OTHER}, {"归口科室", GT_FIELD_OTHER},
	{"项目功能科目", GT_FIELD_OTHER}, {"重要程度", GT_FIELD_OTHER}, {"项目口径", GT_FIELD_OTHER},
	{"中央补助安排", GT_FIELD_OTHER}, {"省级财政安排", GT_FIELD_OTHER},
	{"预算申报数", GT_FIELD_OTHER}, {"基本情况", GT_FIELD_OTHER},
	{"项目立项必要性", GT_FIELD_OTHER}, {"保证项目实施的制度措施", GT_FIELD_OTHER},
	{"项目实施计划", GT_FIELD_OTHER}, {"组织实施单位", GT_FIELD_OTHER},
	{"监督管理单位", GT_FIELD_OTHER}, {"政策依据", GT_FIELD_OTHER}, {"其他依据", GT_FIELD_OTHER},
	{"需要说明的其他问题", GT_FIELD_OTHER}, {"中期目标", GT_FIELD_OTHER},
	{"立项依据", GT_FIELD_OTHER}, {"主要内容", GT_FIELD_OTHER},
	{"项目主要内容、立项依据", GT_FIELD_OTHER}, {"项目绩效目标", GT_FIELD_OTHER},
	{"最近年度绩效评价情况", GT_FIELD_OTHER}, {"附上一年度评价报告列示的主要问题", GT_FIELD_OTHER},
	/* the lines of a funds block */
	{"一般公共预算", GT_FIELD_OTHER}, {"政府性基金", GT_FIELD_OTHER},
	{"国有资本经营预算", GT_FIELD_OTHER}, {"自有资金小计", GT_FIELD_OTHER},
	{"事业收入", GT_FIELD_OTHER}, {"经营性收入", GT_FIELD_OTHER}, {"其他收入", GT_FIELD_OTHER},
	{"上级补助收入", GT_FIELD_OTHER}, {"上年结转", GT_FIELD_OTHER}, {"金额", GT_FIELD_OTHER},
	{"年初安排金额", GT_FIELD_OTHER}, {"资金来源", GT_FIELD_OTHER},
};

/* 一 … 十, three bytes each */
static bool
is_numeral(const char *q)
{
	static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
	int			i;

	for (i = 0; i < (int) lengthof(numerals); i++)
		if (memcmp(q, numerals[i], 3) == 0)
			return true;
	return false;
}

/* Words the forms print before or after a key: "其中:", "(一)", ":", "(万元)". */
static void
strip_key_dressing(const char **sp, int *lenp)
{
	const char *s = *sp;
	int			len = *lenp;
	static const char *const prefixes[] = {"其中：", "其中:", "其中"};
	static const char *const suffixes[] = {"：", ":", "（万元）", "(万元)"};
	int			i;
	bool		again = true;

	while (again)
	{
		again = false;
		for (i = 0; i < (int) lengthof(prefixes); i++)
		{
			int			pl = (int) strlen(prefixes[i]);

			if (len > pl && memcmp(s, prefixes[i], pl) == 0)
			{
				s += pl;
				len -= pl;
				again = true;
			}
		}
		/* an ordinal: 1、 2、 */
		if (len > 4 && s[0] >= '1' && s[0] <= '9' && memcmp(s + 1, "、", 3) == 0)
		{
			s += 4;
			len -= 4;
			again = true;
		}
		/* an ordinal: (一) （二） */
		{
			int			ol = (len > 0 && s[0] == '(') ? 1 : (len >= 3 && memcmp(s, "（", 3) == 0) ? 3 : 0;

			if (ol > 0 && len > ol + 3)
			{
				const char *q = s + ol;
				int			k = 0;

				/* one or two numerals, then the closing bracket */
				while (k < 6 && ol + k + 3 <= len && is_numeral(q + k))
					k += 3;
				if (k > 0 && ol + k < len &&
					(q[k] == ')' || (ol + k + 3 <= len && memcmp(q + k, "）", 3) == 0)))
				{
					int			skip = ol + k + (q[k] == ')' ? 1 : 3);

					if (skip < len)
					{
						s += skip;
						len -= skip;
						again = true;
					}
				}
			}
		}
		for (i = 0; i < (int) lengthof(suffixes); i++)
		{
			int			sl = (int) strlen(suffixes[i]);

			if (len > sl && memcmp(s + len - sl, suffixes[i], sl) == 0)
			{
				len -= sl;
				again = true;
			}
		}
		{
			int			a = ind_skip_spaces(s, len, 0);
			int			b = ind_trim_end(s, a, len);

			if (a > 0 || b < len)
			{
				s += a;
				len = b - a;
			}
		}
	}
	*sp = s;
	*lenp = len;
}

/* Is the whole cell a key word?  *field is its GtField or GT_FIELD_OTHER. */
bool
gt_key_word(const char *s, int len, int *field)
{
	strip_key_dressing(&s, &len);
	return len > 0 && gt_key_word_at(s, len, field) == len;
}

/* The longest key word at the start of s (run-together text); 0 if none. */
int
gt_key_word_at(const char *s, int len, int *field)
{
	static IndWordSet set = IND_WORD_SET(key_words);

	return ind_match_word_set(s, len, &set, field);
}

/*
 * A year as the forms print it under a title: "(2022年)", "（2022年度）",
 * "2020年度)", "2023年度".  Its length at s (0 if none); *year gets the digits.
 */
int
gt_year_at(const char *s, int len, const char **year)
{
	int			p = 0;
	int			d;

	if (p < len && s[p] == '(')
		p++;
	else if (len >= 3 && memcmp(s, "（", 3) == 0)
		p = 3;
	d = p;
	while (p < len && s[p] >= '0' && s[p] <= '9')
		p++;
	if (p - d != 4 || len - p < 3 || memcmp(s + p, "年", 3) != 0)
		return 0;
	*year = s + d;
	p += 3;
	if (len - p >= 3 && memcmp(s + p, "度", 3) == 0)
		p += 3;
	if (p < len && s[p] == ')')
		p++;
	else if (len - p >= 3 && memcmp(s + p, "）", 3) == 0)
		p += 3;
	return p;
}

/* Cells that label a block without being data ("投入目标 (万元)" before 资金总额). */
bool
gt_is_label_only(const char *s, int len)
{
	static const char *const words[] = {
		"投入目标 (万元)", "投入目标(万元)", "投入目标（万元）", "投入目标", "其中:", "其中：",
		"(万元)", "（万元）", "资金来源", "年初安排金额(万元)", "资金情况 (万元)", "资金情况(万元)",
		"资金情况", "项目资金(万元)", "项目资金", "金额(万元)", "项目资金（万元）",
	};
	int			i;

	for (i = 0; i < (int) lengthof(words); i++)
		if ((int) strlen(words[i]) == len && memcmp(s, words[i], len) == 0)
			return true;
	return false;
}

/*
 * A web page's furniture around a table: navigation, publication data,
 * share and print links.  Such a line is not a problem worth reporting,
 * and never a row.
 */
bool
gt_is_boilerplate(const char *s, int len)
{
	static const char *const markers[] = {
		"发布时间", "发布日期", "浏览量", "浏览次数", "来源:", "来源：", "当前位置", "首页 >",
		"扫一扫", "[打印]", "[关闭]", "【打印】", "【关闭】", "字号", "索 引 号", "索引号",
		"发布机构", "智能问答", "你还可以输入", "继续阅读", "文本内容", "分享到", "上一篇",
		"下一篇", "打印本页", "关闭窗口", "附件:", "附件：", "[下载]", "文     号",
	};
	static bool first_byte[256];
	static bool ready = false;
	int			p,
				i;

	if (len > 400)
		return false;
	/* every cell is looked at: test a position's first byte before any marker */
	if (!ready)
	{
		for (i = 0; i < (int) lengthof(markers); i++)
			first_byte[(unsigned char) markers[i][0]] = true;
		ready = true;
	}
	for (p = 0; p < len; p++)
	{
		if (!first_byte[(unsigned char) s[p]])
			continue;
		for (i = 0; i < (int) lengthof(markers); i++)
		{
			int			ml = (int) strlen(markers[i]);

			if (markers[i][0] == s[p] && ml <= len - p && memcmp(s + p, markers[i], ml) == 0)
				return true;
		}
	}
	return false;
}
