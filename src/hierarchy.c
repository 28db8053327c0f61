/*
 * hierarchy.c
 *		The vocabulary of indicator levels.
 *
 * 2020 framework (财预〔2020〕10号): 产出 (数量, 质量, 时效, 成本), 效益 (经济,
 * 社会, 生态效益, 可持续影响), 满意度 (服务对象满意度).  2021 framework
 * (财预〔2021〕101号): 成本 becomes a level 1 with 经济成本, 社会成本 and
 * 生态环境成本.  Canonical names carry the 指标 suffix the documents use;
 * tables often drop it ("经济效益", "可持续影响"), and both read the same.
 *
 * Pure code: static tables, looked up by exact (trimmed) spelling.
 */
#include "postgres.h"

#include "hierarchy.h"
#include "scan.h"

/* Named positions in levels[], so that the spellings below say what they mean. */
typedef enum LevelCode
{
	LV_OUTPUT,					/* 产出指标 */
	LV_QUANTITY,				/* 数量指标 */
	LV_QUALITY,					/* 质量指标 */
	LV_TIMELINESS,				/* 时效指标 */
	LV_COST_2020,				/* 成本指标 as a level 2 under 产出 */
	LV_COST,					/* 成本指标 as a level 1 (2021) */
	LV_ECONOMIC_COST,			/* 经济成本指标 */
	LV_SOCIAL_COST,				/* 社会成本指标 */
	LV_ECOLOGICAL_COST,			/* 生态环境成本指标 */
	LV_OUTCOME,					/* 效益指标 */
	LV_ECONOMIC,				/* 经济效益指标 */
	LV_SOCIAL,					/* 社会效益指标 */
	LV_ECOLOGICAL,				/* 生态效益指标 */
	LV_SUSTAINABLE,				/* 可持续影响指标 */
	LV_SATISFACTION,			/* 满意度指标 */
	LV_SERVED,					/* 服务对象满意度指标 */
	LV_COUNT
} LevelCode;

static const IndLevel levels[LV_COUNT] = {
	[LV_OUTPUT] = {"产出指标", 1, IND_L1_OUTPUT, 100, "both"},
	[LV_QUANTITY] = {"数量指标", 2, IND_L1_OUTPUT, 110, "both"},
	[LV_QUALITY] = {"质量指标", 2, IND_L1_OUTPUT, 120, "both"},
	[LV_TIMELINESS] = {"时效指标", 2, IND_L1_OUTPUT, 130, "both"},
	/* as a level 2, 成本指标 sits under 产出 (2020 framework) */
	[LV_COST_2020] = {"成本指标", 2, IND_L1_OUTPUT, 140, "2020"},
	[LV_COST] = {"成本指标", 1, IND_L1_COST, 200, "2021"},
	[LV_ECONOMIC_COST] = {"经济成本指标", 2, IND_L1_COST, 210, "2021"},
	[LV_SOCIAL_COST] = {"社会成本指标", 2, IND_L1_COST, 220, "2021"},
	[LV_ECOLOGICAL_COST] = {"生态环境成本指标", 2, IND_L1_COST, 230, "2021"},
	[LV_OUTCOME] = {"效益指标", 1, IND_L1_OUTCOME, 300, "both"},
	[LV_ECONOMIC] = {"经济效益指标", 2, IND_L1_OUTCOME, 310, "both"},
	[LV_SOCIAL] = {"社会效益指标", 2, IND_L1_OUTCOME, 320, "both"},
	[LV_ECOLOGICAL] = {"生态效益指标", 2, IND_L1_OUTCOME, 330, "both"},
	[LV_SUSTAINABLE] = {"可持续影响指标", 2, IND_L1_OUTCOME, 340, "both"},
	[LV_SATISFACTION] = {"满意度指标", 1, IND_L1_SATISFACTION, 400, "both"},
	[LV_SERVED] = {"服务对象满意度指标", 2, IND_L1_SATISFACTION, 410, "both"},
};

typedef struct LevelSpelling
{
	const char *spelling;
	LevelCode	index;
} LevelSpelling;

/*
 * Spellings in use.  "成本指标" and "成本" read as the 2020 level 2; the
 * level-1 reading is chosen by ind_level1_entry() where a level 1 is meant.
 */
static const LevelSpelling spellings[] = {
	{"产出指标", LV_OUTPUT}, {"产出", LV_OUTPUT}, {"产出目标", LV_OUTPUT},
	{"项目完成指标", LV_OUTPUT}, {"项目产出指标", LV_OUTPUT}, {"产出值", LV_OUTPUT},
	{"数量值", LV_QUANTITY}, {"质量值", LV_QUALITY}, {"时效值", LV_TIMELINESS},
	{"成本值", LV_COST_2020},
	{"数量指标", LV_QUANTITY}, {"数量", LV_QUANTITY},
	{"质量指标", LV_QUALITY}, {"质量", LV_QUALITY},
	{"时效指标", LV_TIMELINESS}, {"时效", LV_TIMELINESS}, {"进度指标", LV_TIMELINESS},
	{"成本指标", LV_COST_2020}, {"成本", LV_COST_2020}, {"成本控制指标", LV_COST_2020},
	{"经济成本指标", LV_ECONOMIC_COST}, {"经济成本", LV_ECONOMIC_COST},
	{"社会成本指标", LV_SOCIAL_COST}, {"社会成本", LV_SOCIAL_COST},
	{"生态环境成本指标", LV_ECOLOGICAL_COST}, {"生态环境成本", LV_ECOLOGICAL_COST},
	{"生态成本指标", LV_ECOLOGICAL_COST}, {"生态成本", LV_ECOLOGICAL_COST},
	{"效益指标", LV_OUTCOME}, {"效益", LV_OUTCOME}, {"效果指标", LV_OUTCOME},
	{"项目效益指标", LV_OUTCOME}, {"效益值", LV_OUTCOME},
	{"经济效益指标", LV_ECONOMIC}, {"经济效益", LV_ECONOMIC},
	{"社会效益指标", LV_SOCIAL}, {"社会效益", LV_SOCIAL},
	{"生态效益指标", LV_ECOLOGICAL}, {"生态效益", LV_ECOLOGICAL},
	{"生态环境效益指标", LV_ECOLOGICAL}, {"生态环境效益", LV_ECOLOGICAL},
	{"可持续影响指标", LV_SUSTAINABLE}, {"可持续影响", LV_SUSTAINABLE},
	{"可持续发展指标", LV_SUSTAINABLE}, {"可持续性影响指标", LV_SUSTAINABLE},
	{"可持续发展影响指标", LV_SUSTAINABLE}, {"可持续性发展影响指标", LV_SUSTAINABLE},
	{"可持续影响效益指标", LV_SUSTAINABLE},
	{"满意度指标", LV_SATISFACTION}, {"满意度", LV_SATISFACTION}, {"满意度目标", LV_SATISFACTION},
	{"服务对象满意度指标", LV_SERVED}, {"服务对象满意度", LV_SERVED},
	{"社会公众或服务对象满意度", LV_SERVED},
	{"社会公众满意度", LV_SERVED}, {"群众满意度", LV_SERVED},
	{"服务对象或受益者满意度指标", LV_SERVED}, {"受益对象满意度指标", LV_SERVED},
	{"受益群众满意度指标", LV_SERVED}, {"社会公众或服务对象满意度指标", LV_SERVED},
};

/* The level a (trimmed) label names, or NULL. */
const IndLevel *
ind_level_lookup(const char *s, int len)
{
	int			start = ind_skip_spaces(s, len, 0);
	int			end = ind_trim_end(s, start, len);
	int			i;

	if (end <= start)
		return NULL;
	for (i = 0; i < (int) lengthof(spellings); i++)
	{
		const char *sp = spellings[i].spelling;

		if (sp[0] == s[start] && (int) strlen(sp) == end - start &&
			memcmp(sp, s + start, end - start) == 0)
			return &levels[spellings[i].index];
	}
	return NULL;
}

/* Longest label a table prints (服务对象或受益者满意度指标 is 13 characters). */
#define LABEL_MAX_CHARS 16

/*
 * A level label: a spelling of the vocabulary, or a longer form of the
 * forms' own words ending in 指标 (可持续性发展影响指标, 受益对象满意度指标)
 * that names one level 2 unambiguously.
 */
const IndLevel *
ind_level_lookup_loose(const char *s, int len)
{
	const IndLevel *l = ind_level_lookup(s, len);
	static const struct
	{
		const char *core;
		const char *level;
	}			cores[] = {
		{"满意", "服务对象满意度指标"}, {"可持续", "可持续影响指标"},
		{"经济效益", "经济效益指标"}, {"社会效益", "社会效益指标"}, {"生态效益", "生态效益指标"},
		{"经济成本", "经济成本指标"}, {"社会成本", "社会成本指标"}, {"生态环境成本", "生态环境成本指标"},
	};
	int			i;
	int			found = -1;
	bool		cut;

	if (l != NULL || len < 9 || memcmp(s + len - 6, "指标", 6) != 0)
		return l;
	ind_clip_token(s, len, LABEL_MAX_CHARS, false, &cut);
	if (cut)
		return NULL;
	for (i = 0; i < (int) lengthof(cores); i++)
		if (ind_contains(s, len, cores[i].core))
		{
			if (found >= 0)
				return NULL;	/* two levels named: not a label */
			found = i;
		}
	return found >= 0 ? ind_level_lookup(cores[found].level, strlen(cores[found].level)) : NULL;
}

/* The level-1 entry of a slot. */
const IndLevel *
ind_level1_entry(int level1)
{
	int			i;

	for (i = 0; i < (int) lengthof(levels); i++)
		if (levels[i].depth == 1 && levels[i].level1 == level1)
			return &levels[i];
	return NULL;
}

/*
 * A label given where a level 1 is meant: "成本指标" there is the 2021
 * level 1, not the 2020 level 2 under 产出 that a bare lookup returns.
 */
const IndLevel *
ind_level_as_level1(const IndLevel *l)
{
	if (l == &levels[LV_COST_2020])
		return &levels[LV_COST];
	return l;
}

/* The flat spelling table, for scanners that look for any label at a position. */
int
ind_spelling_count(void)
{
	return lengthof(spellings);
}

const char *
ind_spelling_at(int k, const IndLevel **level)
{
	*level = &levels[spellings[k].index];
	return spellings[k].spelling;
}

int
ind_level_count(void)
{
	return lengthof(levels);
}

const IndLevel *
ind_level_at(int i)
{
	return &levels[i];
}

/* The spellings of level i; returns how many. */
int
ind_level_spellings(int i, const char **out, int max)
{
	int			n = 0;
	int			j;

	for (j = 0; j < (int) lengthof(spellings) && n < max; j++)
		if ((int) spellings[j].index == i)
			out[n++] = spellings[j].spelling;
	/* 成本指标 as level 1 shares the 2020 level 2's spellings */
	if (levels[i].depth == 1 && levels[i].level1 == IND_L1_COST)
		for (j = 0; j < (int) lengthof(spellings) && n < max; j++)
			if (spellings[j].index == LV_COST_2020)
				out[n++] = spellings[j].spelling;
	return n;
}
