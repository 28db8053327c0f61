/*
 * policy.c
 *		Presets and knobs of scoring policies, and the reader of policy text.
 *
 * Pure code.  Every knob is one row of knob_table: its name, how its value
 * is written, where it lives in IndPolicy and what it means.  Presets are
 * functions of the central defaults, so a preset only states what differs.
 * The sources of every rule are listed in the README, "Scoring", "Rules"
 * (S1 the deployed pmkpi system, P1 the self-evaluation notes, [M]
 * 财预〔2020〕10号, [I] our choice).
 */
#include "postgres.h"

#include <stdarg.h>
#include <stddef.h>

#include "hierarchy.h"
#include "policy.h"
#include "scan.h"

typedef enum KnobKind
{
	KNOB_ENUM,
	KNOB_BOOL,
	KNOB_DECIMAL,
	KNOB_LIST,					/* nvalues decimals separated by '/' */
	KNOB_STEPS,					/* rate:points/rate:points ... */
	KNOB_SET,					/* names separated by '/', or all, or none: a bit mask */
	KNOB_CHECKPOINTS			/* month:percent/month:percent ..., or none */
} KnobKind;

/* A KNOB_SET's names: the bits a name sets (0 when none), the name of a bit. */
typedef struct KnobSet
{
	int			(*mask_of) (const char *s, int len);
	const char *(*name_of) (int bit);
	int			(*nbits) (void);
} KnobSet;

typedef struct Knob
{
	const char *name;
	KnobKind	kind;
	size_t		offset;
	const char *const *words;	/* KNOB_ENUM: spellings, NULL-terminated */
	int			nvalues;		/* KNOB_LIST */
	const char *doc;
	const KnobSet *set;			/* KNOB_SET */
} Knob;

static const char *const reverse_words[] = {"ratio", "linear_2x", NULL};
static const char *const eq_words[] = {"by_nature", "symmetric", "exact", NULL};
static const char *const zero_words[] = {"all_or_nothing", "per_unit", NULL};
static const char *const over_words[] = {"flag", "deduct", NULL};
static const char *const date_words[] = {"reverse_ratio", "all_or_nothing", "per_month", NULL};
static const char *const budget_words[] = {"linear", "steps", NULL};
/* the index is the value: score_digits=1 is 1 */
static const char *const digits_words[] = {"0", "1", "2", NULL};
static const char *const rounding_words[] = {"half_up", "truncate", NULL};
static const char *const unreadable_words[] = {"error", "person", NULL};

static const char *const time_words[] = {"month", "day", NULL};
static const char *const reason_words[] = {"light", "likelihood", NULL};
static const char *const forecast_words[] = {"linear", "current", NULL};
static const char *const project_words[] = {"worst", "budget_goal", NULL};
static const char *const review_words[] = {"off", "error", "warning", "finding", NULL};

/* lights by their bits in IndLight */
static const char *const light_names[IND_NLIGHTS] = {NULL, "blue", "green", "yellow", "red"};

static int
light_mask(const char *s, int len)
{
	int			i;

	for (i = 1; i < IND_NLIGHTS; i++)
		if ((int) strlen(light_names[i]) == len && pg_strncasecmp(s, light_names[i], len) == 0)
			return 1 << i;
	return 0;
}

static const char *
light_name(int bit)
{
	return light_names[bit];
}

/*
 * Level-2 classes by their position in the hierarchy, read loosely (数量,
 * 社会效益).  A level-1 name (满意度, 效益) stands for itself and every level
 * 2 under it, as a reviewer means it.
 */
static int
class_mask(const char *s, int len)
{
	const IndLevel *l = ind_level_lookup_loose(s, len);
	int			mask = 0;
	int			i;

	if (l == NULL)
		return 0;
	if (l->depth == 1)
		for (i = 0; i < ind_level_count(); i++)
			if (ind_level_at(i)->level1 == l->level1)
				mask |= 1 << i;
	return mask | (1 << (int) (l - ind_level_at(0)));
}

static const char *
class_name(int bit)
{
	return ind_level_at(bit)->name;
}

static int
light_count(void)
{
	return IND_NLIGHTS;
}

static const KnobSet light_set = {light_mask, light_name, light_count};
static const KnobSet class_set = {class_mask, class_name, ind_level_count};

#define OFF(field) offsetof(IndPolicy, field)

static const Knob knob_table[] = {
	{"reverse_mode", KNOB_ENUM, OFF(reverse_mode), reverse_words, 0,
	"<= and < missed: ratio gives w*t/a (P1); linear_2x gives w*(2t-a)/t, 0 from 2t (S1)", NULL},
	{"eq_mode", KNOB_ENUM, OFF(eq_mode), eq_words, 0,
	"=: by_nature scores 正向 like >= and 反向 like <= (S1); symmetric penalises both sides; exact is all or nothing", NULL},
	{"eq_tolerance", KNOB_DECIMAL, OFF(eq_tolerance), NULL, 0,
	"=: |a-t| <= eq_tolerance*|t| counts as met", NULL},
	{"strict_gt", KNOB_BOOL, OFF(strict_gt), NULL, 0,
	"> and < require strictly better than the target (S1 scores them like >= and <=)", NULL},
	{"clamp_negative", KNOB_BOOL, OFF(clamp_negative), NULL, 0,
	"negative actual values count as 0 (S1)", NULL},
	{"zero_target_mode", KNOB_ENUM, OFF(zero_mode), zero_words, 0,
	"target 0 with =, <=, <: all_or_nothing (S1), or per_unit losing zero_target_deduct of w per unit", NULL},
	{"zero_target_deduct", KNOB_DECIMAL, OFF(zero_deduct), NULL, 0,
	"per_unit: fraction of the weight lost per unit above 0", NULL},
	{"over_mode", KNOB_ENUM, OFF(over_mode), over_words, 0,
	"over-completion (偏离度): flag only (S1), or deduct w*(1-over_k*(a/t-over_threshold)), not below over_floor*w", NULL},
	{"over_threshold", KNOB_DECIMAL, OFF(over_threshold), NULL, 0,
	"a/t at which over-completion is flagged; for <= targets (t-a)/t >= over_threshold-1 (S1: 1.2)", NULL},
	{"over_k", KNOB_DECIMAL, OFF(over_k), NULL, 0, "deduct: slope", NULL},
	{"over_floor", KNOB_DECIMAL, OFF(over_floor), NULL, 0, "deduct: lowest fraction of the weight kept", NULL},
	{"qual_bands", KNOB_LIST, OFF(qual_bands), NULL, 2,
	"定性: lower edges of the 达成 and 部分达成 bands as fractions of w ([M] 10号 80/60; 湖北 80/50)", NULL},
	{"qual_points", KNOB_LIST, OFF(qual_points), NULL, 3,
	"定性: points of 达成, 部分达成, 未达成 as fractions of w when no manual score is given [I]", NULL},
	{"date_mode", KNOB_ENUM, OFF(date_mode), date_words, 0,
	"deadlines missed: reverse_ratio (planned days / actual days from the period start), all_or_nothing, per_month", NULL},
	{"date_month_deduct", KNOB_DECIMAL, OFF(date_month_deduct), NULL, 0,
	"per_month: fraction of the weight lost per month (or part) late", NULL},
	{"budget_mode", KNOB_ENUM, OFF(budget_mode), budget_words, 0,
	"预算执行率: linear min(rate,1)*W (S1), or steps (江西)", NULL},
	{"budget_steps", KNOB_STEPS, OFF(budget_step_rate), NULL, 0,
	"steps: rate:fraction of W, highest first; below the last step 0 (江西 1:1/0.8:0.7/0.6:0.5)", NULL},
	{"budget_zero_full", KNOB_BOOL, OFF(budget_zero_full), NULL, 0,
	"0 spent of a 0 budget counts as 100 % (浙江); otherwise a 0 budget scores 0", NULL},
	{"budget_reject_over", KNOB_BOOL, OFF(budget_reject_over), NULL, 0,
	"a rate over 100 % is an error instead of being capped (S1 outside 浙江 refuses to save it)", NULL},
	{"budget_weight", KNOB_DECIMAL, OFF(budget_weight), NULL, 0,
	"points of 预算执行率 when the call gives none (10; 湖北 20)", NULL},
	{"grade_bands", KNOB_LIST, OFF(grade_bands), NULL, 3,
	"lowest totals of 优, 良, 中; below the last is 差 (P3: 90/80/60)", NULL},
	{"manual_review", KNOB_BOOL, OFF(manual_review), NULL, 0,
	"flag every = result that differs from the target and every <= result above it for manual review (天津/河北)", NULL},
	{"level_weights", KNOB_LIST, OFF(level_weights), NULL, IND_NWEIGHTS,
	"weights of 产出, 效益, 满意度, 预算执行率 ([M] 10号 50/30/10/10; 湖北 40/40 for 效益+满意度/20)", NULL},
	{"cost_in_output", KNOB_BOOL, OFF(cost_in_output), NULL, 0,
	"2021 framework: 成本 shares 产出's weight (observed practice, P2)", NULL},
	{"score_digits", KNOB_ENUM, OFF(score_digits), digits_words, 0,
	"decimals of the points, of the budget execution score and so of every sum: 0, 1 or 2 (sheets print whole or tenth points)", NULL},
	{"rounding", KNOB_ENUM, OFF(rounding), rounding_words, 0,
	"points to score_digits: half_up, or truncate (cut off, as some sheets print)", NULL},
	{"year", KNOB_DECIMAL, OFF(year), NULL, 0,
	"the sheet's year, for deadlines that name none (9月前, 12月底前, 年底前, 全年); 0: the year of the completion date", NULL},
	{"unreadable", KNOB_ENUM, OFF(unreadable), unreadable_words, 0,
	"an actual that is no value at all (1,5 or 10/12): error (22P02), or person (NULL points, needs_person), so that one cell never fails a view", NULL},
	{"time_basis", KNOB_ENUM, OFF(time_basis), time_words, 0,
	"monitoring: time progress τ is month/12 of the cut-off month (S1), or day of year / days in the year", NULL},
	{"light_bands", KNOB_LIST, OFF(light_bands), NULL, 3,
	"monitoring: progress p = a/(t*τ)*100 from which an indicator is yellow, green, blue; below the first red (S1 60/80/120)", NULL},
	{"budget_bands", KNOB_LIST, OFF(budget_bands), NULL, 2,
	"monitoring: budget progress (E/B)/τ*100 from which the budget is yellow, green; below the first red (S1 60/80)", NULL},
	{"prorate", KNOB_SET, OFF(prorate), NULL, 0,
	"monitoring: level-2 classes whose targets are pro-rated by τ (all, S1); the others are green when met so far, else red (山西 数量/经济效益/社会效益/生态效益/可持续影响/满意度)", &class_set},
	{"reason_lights", KNOB_SET, OFF(reason_lights), NULL, 0,
	"monitoring: lights that require a deviation reason (S1 red/yellow; 宁夏 red)", &light_set},
	{"reason_basis", KNOB_ENUM, OFF(reason_basis), reason_words, 0,
	"monitoring: a reason is required by the light (S1), or by 完成目标可能性 有可能/完全不可能 where one is given (天津)", NULL},
	{"reason_over", KNOB_DECIMAL, OFF(reason_over), NULL, 0,
	"monitoring: a >= result whose (a-t)/t*100 exceeds this, or an = result above t, requires a reason (河北 [I] 20); 0: off", NULL},
	{"checkpoints", KNOB_CHECKPOINTS, OFF(ncheckpoints), NULL, 0,
	"monitoring: month:percent, cumulative budget execution below percent at the end of month warns (四川 4:25/6:40/8:60/10:80); none: off", NULL},
	{"progress_gap", KNOB_DECIMAL, OFF(progress_gap), NULL, 0,
	"monitoring: goal progress and budget progress further apart than this many points warns (四川 10); 0: off", NULL},
	{"forecast", KNOB_ENUM, OFF(forecast), forecast_words, 0,
	"monitoring: the full-year forecast of a number, linear a/τ, or current (the value to date)", NULL},
	{"project_light", KNOB_ENUM, OFF(project_light), project_words, 0,
	"monitoring: a project's light is its worst indicator's (S1), or budget_goal: green, yellow when the goal is not attainable, red when the budget is behind (合肥)", NULL},
	{"review_r1", KNOB_ENUM, OFF(review[0]), review_words, 0,
	"review R1: off, error, warning or finding. 完整性: 产出 and 效益 each have a level-3 indicator; 产出, 效益, 满意度 all present (error)", NULL},
	{"review_r2", KNOB_ENUM, OFF(review[1]), review_words, 0,
	"review R2: off, error, warning or finding. 完整性: the annual goal (年度目标) is written, not blank or a dash (error)", NULL},
	{"review_r3", KNOB_ENUM, OFF(review[2]), review_words, 0,
	"review R3: off, error, warning or finding. 相关性: a quantitative target is a number, not a placeholder (≥**人) or blank (error)", NULL},
	{"review_r4", KNOB_ENUM, OFF(review[3]), review_words, 0,
	"review R4: off, error, warning or finding. 完整性: every quantitative target has a unit (error)", NULL},
	{"review_r5", KNOB_ENUM, OFF(review[4]), review_words, 0,
	"review R5: off, error, warning or finding. 完整性: no two level-3 indicators of a project share a name (warning)", NULL},
	{"review_r6", KNOB_ENUM, OFF(review[5]), review_words, 0,
	"review R6: off, error, warning or finding. 完整性: weights above 0, level sums as the policy splits them, total 100 with the budget line (error)", NULL},
	{"review_r7", KNOB_ENUM, OFF(review[6]), review_words, 0,
	"review R7: off, error, warning or finding. 适当性: a cost indicator (成本指标) written >= or > encourages spending more (warning; U1: error)", NULL},
	{"review_r8", KNOB_ENUM, OFF(review[7]), review_words, 0,
	"review R8: off, error, warning or finding. 相关性: a % target above 100 (warning)", NULL},
	{"review_r9", KNOB_ENUM, OFF(review[8]), review_words, 0,
	"review R9: off, error, warning or finding. 适当性: 资金总额 = 财政拨款 + 其他资金, within review_funds_tolerance (error)", NULL},
	{"review_r10", KNOB_ENUM, OFF(review[9]), review_words, 0,
	"review R10: off, error, warning or finding. 适当性: the money cost indicators add up to at most 资金总额, in 万元 through the unit catalogue (error)", NULL},
	{"review_r11", KNOB_ENUM, OFF(review[10]), review_words, 0,
	"review R11: off, error, warning or finding. 可行性: every 时效 deadline lies within the project's period and the table's year (error)", NULL},
	{"review_r12", KNOB_ENUM, OFF(review[11]), review_words, 0,
	"review R12: off, error, warning or finding. 完整性: 项目属性, where the table has one, is 经常性项目 or 一次性项目 (warning)", NULL},
	{"review_r13", KNOB_ENUM, OFF(review[12]), review_words, 0,
	"review R13: off, error, warning or finding. 相关性: generic 效益 targets: a name that restates its level 2, a target with no measure (有效提高), or every 效益 row at one % (finding)", NULL},
	{"review_r14", KNOB_ENUM, OFF(review[13]), review_words, 0,
	"review R14: off, error, warning or finding. 相关性: a level-3 indicator that does not fit its level 2 (预算执行 under 数量, a deadline outside 时效, 满意度 outside 满意度, money outside 成本) (finding)", NULL},
	{"review_r15", KNOB_ENUM, OFF(review[14]), review_words, 0,
	"review R15: off, error, warning or finding. 相关性: the same indicator under 产出 and under 效益, by name similarity (finding)", NULL},
	{"review_r16", KNOB_ENUM, OFF(review[15]), review_words, 0,
	"review R16: off, error, warning or finding. 相关性: a 满意度 subject found nowhere in the project (a template's text) (finding, heuristic)", NULL},
	{"review_h1", KNOB_ENUM, OFF(review[16]), review_words, 0,
	"review H1: off, error, warning or finding. 适当性 历史标准: a target below last year's actual (warning)", NULL},
	{"review_h2", KNOB_ENUM, OFF(review[17]), review_words, 0,
	"review H2: off, error, warning or finding. 适当性 历史标准: a target unchanged for three years (finding)", NULL},
	{"review_similarity", KNOB_DECIMAL, OFF(review_similarity), NULL, 0,
	"review: character-bigram Dice similarity from which two indicator names are the same (R15, 历史标准) or a name restates its level 2 (R13); 0.6", NULL},
	{"review_funds_tolerance", KNOB_DECIMAL, OFF(review_funds_tolerance), NULL, 0,
	"review R9: 万元 by which 资金总额 may differ from 财政拨款 + 其他资金; 0.1", NULL},
	{"review_grade", KNOB_LIST, OFF(review_grade), NULL, 2,
	"review grade: warnings 优 allows (no error), errors 中 allows; more errors, or R1, is 差; 0/2", NULL},
};

typedef struct Preset
{
	const char *name;
	const char *alias;
	const char *doc;
} Preset;

static const Preset preset_table[] = {
	{"central", "中央", "财预〔2020〕10号 as deployed (S1 defaults): the default"},
	{"hubei", "湖北", "预算执行 20 points, 产出 40, 效益+满意度 40; 定性 bands 80/50"},
	{"jiangxi", "江西", "预算执行率 in steps: 100 % 10, 80 % 7, 60 % 5, below 0"},
	{"zhejiang", "浙江", "0 spent of a 0 budget is 100 %"},
	{"tianjin", "天津", "天津/河北: = results off target and <= results above it flagged for manual review"},
	{"hebei", "河北", "scores as tianjin; in monitoring, results far above the target need a reason"},
	{"shanxi", "山西", "monitoring: only 数量, 效益 and 满意度 targets are pro-rated by time"},
	{"ningxia", "宁夏", "monitoring: only red lights need a deviation reason"},
	{"sichuan", "四川", "monitoring: budget checkpoints 25/40/60/80 % (April to October) and a 10-point progress gap"},
	{"hefei", "合肥", "monitoring: the project light from two flags, budget on track and goal attainable"},
};

static IndDecimal
dec(int64 mant, int scale)
{
	IndDecimal	d;

	d.mant = mant;
	d.scale = scale;
	return d;
}

static void
central(IndPolicy *p)
{
	memset(p, 0, sizeof(*p));
	p->preset = IND_PRESET_CENTRAL;
	p->reverse_mode = IND_REVERSE_RATIO;
	p->eq_mode = IND_EQ_BY_NATURE;
	p->eq_tolerance = dec(0, 0);
	p->strict_gt = false;
	p->clamp_negative = true;
	p->zero_mode = IND_ZERO_ALL_OR_NOTHING;
	p->zero_deduct = dec(1, 1);
	p->over_mode = IND_OVER_FLAG;
	p->over_threshold = dec(12, 1);
	p->over_k = dec(1, 0);
	p->over_floor = dec(8, 1);
	p->qual_bands[0] = dec(8, 1);
	p->qual_bands[1] = dec(6, 1);
	p->qual_points[0] = dec(1, 0);
	p->qual_points[1] = dec(7, 1);
	p->qual_points[2] = dec(3, 1);
	p->date_mode = IND_DATE_REVERSE_RATIO;
	p->date_month_deduct = dec(1, 1);
	p->budget_mode = IND_BUDGET_LINEAR;
	p->budget_nsteps = 3;
	p->budget_step_rate[0] = dec(1, 0);
	p->budget_step_points[0] = dec(1, 0);
	p->budget_step_rate[1] = dec(8, 1);
	p->budget_step_points[1] = dec(7, 1);
	p->budget_step_rate[2] = dec(6, 1);
	p->budget_step_points[2] = dec(5, 1);
	p->budget_zero_full = false;
	p->budget_reject_over = false;
	p->budget_weight = dec(10, 0);
	p->grade_bands[0] = dec(90, 0);
	p->grade_bands[1] = dec(80, 0);
	p->grade_bands[2] = dec(60, 0);
	p->manual_review = false;
	p->level_weights[IND_WEIGHT_OUTPUT] = dec(50, 0);
	p->level_weights[IND_WEIGHT_OUTCOME] = dec(30, 0);
	p->level_weights[IND_WEIGHT_SATISFACTION] = dec(10, 0);
	p->level_weights[IND_WEIGHT_BUDGET] = dec(10, 0);
	p->cost_in_output = true;
	p->score_digits = 2;
	p->rounding = IND_ROUND_HALF_UP;
	p->unreadable = IND_UNREADABLE_ERROR;
	p->time_basis = IND_TIME_MONTH;
	p->light_bands[0] = dec(60, 0);
	p->light_bands[1] = dec(80, 0);
	p->light_bands[2] = dec(120, 0);
	p->budget_bands[0] = dec(60, 0);
	p->budget_bands[1] = dec(80, 0);
	p->prorate = (1 << ind_level_count()) - 1;
	p->reason_lights = (1 << IND_LIGHT_RED) | (1 << IND_LIGHT_YELLOW);
	p->reason_basis = IND_REASON_LIGHT;
	p->reason_over = dec(0, 0);
	p->ncheckpoints = 0;
	p->progress_gap = dec(0, 0);
	p->forecast = IND_FORECAST_LINEAR;
	p->project_light = IND_PROJECT_WORST;
	p->review[0] = IND_REVIEW_ERROR;
	p->review[1] = IND_REVIEW_ERROR;
	p->review[2] = IND_REVIEW_ERROR;
	p->review[3] = IND_REVIEW_ERROR;
	p->review[4] = IND_REVIEW_WARNING;
	p->review[5] = IND_REVIEW_ERROR;
	p->review[6] = IND_REVIEW_WARNING;
	p->review[7] = IND_REVIEW_WARNING;
	p->review[8] = IND_REVIEW_ERROR;
	p->review[9] = IND_REVIEW_ERROR;
	p->review[10] = IND_REVIEW_ERROR;
	p->review[11] = IND_REVIEW_WARNING;
	p->review[12] = IND_REVIEW_FINDING;
	p->review[13] = IND_REVIEW_FINDING;
	p->review[14] = IND_REVIEW_FINDING;
	p->review[15] = IND_REVIEW_FINDING;
	p->review[16] = IND_REVIEW_WARNING;
	p->review[17] = IND_REVIEW_FINDING;
	p->review_similarity = dec(6, 1);
	p->review_funds_tolerance = dec(1, 1);
	p->review_grade[0] = dec(0, 0);
	p->review_grade[1] = dec(2, 0);
}

/* 山西: the classes pro-rated by time; 质量, 时效 and 成本 are not */
static int
shanxi_classes(void)
{
	static const char *const names[] = {"数量指标", "经济效益指标", "社会效益指标", "生态效益指标",
	"可持续影响指标", "满意度指标"};
	int			mask = 0;
	int			i;

	for (i = 0; i < (int) lengthof(names); i++)
		mask |= class_mask(names[i], (int) strlen(names[i]));
	return mask;
}

void
ind_policy_preset(IndPreset preset, IndPolicy *p)
{
	central(p);
	p->preset = preset;
	switch (preset)
	{
		case IND_PRESET_CENTRAL:
			break;
		case IND_PRESET_HUBEI:
			p->budget_weight = dec(20, 0);
			p->qual_bands[1] = dec(5, 1);
			/* 效益 and 满意度 share 40: kept as 效益 40, 满意度 0 */
			p->level_weights[IND_WEIGHT_OUTPUT] = dec(40, 0);
			p->level_weights[IND_WEIGHT_OUTCOME] = dec(40, 0);
			p->level_weights[IND_WEIGHT_SATISFACTION] = dec(0, 0);
			p->level_weights[IND_WEIGHT_BUDGET] = dec(20, 0);
			break;
		case IND_PRESET_JIANGXI:
			p->budget_mode = IND_BUDGET_STEPS;
			break;
		case IND_PRESET_ZHEJIANG:
			p->budget_zero_full = true;
			break;
		case IND_PRESET_TIANJIN:
			p->manual_review = true;
			p->reason_basis = IND_REASON_LIKELIHOOD;
			break;
		case IND_PRESET_HEBEI:
			p->manual_review = true;
			p->reason_over = dec(20, 0);
			break;
		case IND_PRESET_SHANXI:
			p->prorate = shanxi_classes();
			break;
		case IND_PRESET_NINGXIA:
			p->reason_lights = 1 << IND_LIGHT_RED;
			break;
		case IND_PRESET_SICHUAN:
			p->ncheckpoints = 4;
			p->checkpoint_month[0] = dec(4, 0);
			p->checkpoint_rate[0] = dec(25, 0);
			p->checkpoint_month[1] = dec(6, 0);
			p->checkpoint_rate[1] = dec(40, 0);
			p->checkpoint_month[2] = dec(8, 0);
			p->checkpoint_rate[2] = dec(60, 0);
			p->checkpoint_month[3] = dec(10, 0);
			p->checkpoint_rate[3] = dec(80, 0);
			p->progress_gap = dec(10, 0);
			break;
		case IND_PRESET_HEFEI:
			p->project_light = IND_PROJECT_BUDGET_GOAL;
			break;
	}
}


static bool
fail(IndPolicyError *err, const char *hint, const char *fmt, const char *tok, int toklen)
{
	char		token[4 * 32 + 1];
	bool		cut;
	int			n = ind_clip_token(tok, toklen, 32, true, &cut);

	memcpy(token, tok, n);
	token[n] = '\0';
	snprintf(err->detail, sizeof(err->detail), fmt, token);
	err->hint = hint;
	return false;
}

/* A failure without a piece of the input to quote. */
static bool failf(IndPolicyError *err, const char *fmt,...) pg_attribute_printf(2, 3);

static bool
failf(IndPolicyError *err, const char *fmt,...)
{
	va_list		args;

	va_start(args, fmt);
	vsnprintf(err->detail, sizeof(err->detail), fmt, args);
	va_end(args);
	err->hint = NULL;
	return false;
}

static const char knob_hint[] =
"Knobs: reverse_mode, eq_mode, eq_tolerance, strict_gt, clamp_negative, zero_target_mode, "
"zero_target_deduct, over_mode, over_threshold, over_k, over_floor, qual_bands, qual_points, "
"date_mode, date_month_deduct, budget_mode, budget_steps, budget_zero_full, budget_reject_over, "
"budget_weight, grade_bands, manual_review, level_weights, cost_in_output, score_digits, rounding, year, unreadable, "
"time_basis, light_bands, budget_bands, prorate, reason_lights, reason_basis, reason_over, checkpoints, "
"progress_gap, forecast, project_light; "
"SELECT * FROM scoring_policy_knobs('central') shows them.";
static const char preset_hint[] =
"Presets: central, hubei, jiangxi, zhejiang, tianjin, hebei, shanxi, ningxia, sichuan, hefei "
"(or 中央, 湖北, 江西, 浙江, 天津, 河北, 山西, 宁夏, 四川, 合肥).";

/* A decimal that is the whole of s[0..len). */
static bool
whole_decimal(const char *s, int len, IndDecimal *d)
{
	int			used;

	return len > 0 && ind_decimal_parse(s, len, false, &used, d) == IND_DEC_OK && used == len;
}

static bool
same_word(const char *s, int len, const char *w)
{
	return (int) strlen(w) == len && pg_strncasecmp(s, w, len) == 0;
}

static bool
set_knob(const Knob *k, IndPolicy *p, const char *v, int vlen, IndPolicyError *err)
{
	char	   *field = (char *) p + k->offset;
	int			i;

	switch (k->kind)
	{
		case KNOB_ENUM:
			for (i = 0; k->words[i] != NULL; i++)
				if (same_word(v, vlen, k->words[i]))
				{
					*(int *) field = i;
					return true;
				}
			return fail(err, NULL, "\"%s\" is not a value of this knob.", v, vlen);
		case KNOB_BOOL:
			if (same_word(v, vlen, "true") || same_word(v, vlen, "on") || same_word(v, vlen, "yes"))
				*(bool *) field = true;
			else if (same_word(v, vlen, "false") || same_word(v, vlen, "off") || same_word(v, vlen, "no"))
				*(bool *) field = false;
			else
				return fail(err, NULL, "\"%s\" is not true or false.", v, vlen);
			return true;
		case KNOB_DECIMAL:
			if (!whole_decimal(v, vlen, (IndDecimal *) field))
				return fail(err, NULL, "\"%s\" is not a number.", v, vlen);
			return true;
		case KNOB_LIST:
			{
				IndDecimal *vals = (IndDecimal *) field;
				int			start = 0;
				int			n = 0;
				int			pos;

				for (pos = 0; pos <= vlen; pos++)
				{
					if (pos < vlen && v[pos] != '/')
						continue;
					if (n >= k->nvalues || !whole_decimal(v + start, pos - start, &vals[n]))
						return fail(err, NULL, "\"%s\" is not a list of numbers separated by \"/\" of the right length.", v, vlen);
					n++;
					start = pos + 1;
				}
				if (n != k->nvalues)
					return fail(err, NULL, "\"%s\" has the wrong number of values.", v, vlen);
				return true;
			}
		case KNOB_STEPS:
			{
				int			start = 0;
				int			n = 0;
				int			pos;

				for (pos = 0; pos <= vlen; pos++)
				{
					int			colon;

					if (pos < vlen && v[pos] != '/')
						continue;
					for (colon = start; colon < pos && v[colon] != ':'; colon++)
						;
					if (n >= IND_MAX_BUDGET_STEPS || colon >= pos ||
						!whole_decimal(v + start, colon - start, &p->budget_step_rate[n]) ||
						!whole_decimal(v + colon + 1, pos - colon - 1, &p->budget_step_points[n]))
						return fail(err, NULL, "\"%s\" is not a list of rate:fraction steps such as 1:1/0.8:0.7/0.6:0.5.", v, vlen);
					n++;
					start = pos + 1;
				}
				p->budget_nsteps = n;
				return true;
			}
		case KNOB_SET:
			{
				int			mask = 0;
				int			start = 0;
				int			pos;

				if (same_word(v, vlen, "all"))
					mask = ((1 << k->set->nbits()) - 1) & ~(k->set == &light_set ? 1 : 0);
				else if (!same_word(v, vlen, "none"))
					for (pos = 0; pos <= vlen; pos++)
					{
						int			bits;

						if (pos < vlen && v[pos] != '/')
							continue;
						bits = k->set->mask_of(v + start, pos - start);
						if (bits == 0)
							return fail(err, NULL, "\"%s\" is not all, none, or names separated by \"/\".", v, vlen);
						mask |= bits;
						start = pos + 1;
					}
				*(int *) field = mask;
				return true;
			}
		case KNOB_CHECKPOINTS:
			{
				int			start = 0;
				int			n = 0;
				int			pos;

				if (same_word(v, vlen, "none"))
				{
					p->ncheckpoints = 0;
					return true;
				}
				for (pos = 0; pos <= vlen; pos++)
				{
					int			colon;

					if (pos < vlen && v[pos] != '/')
						continue;
					for (colon = start; colon < pos && v[colon] != ':'; colon++)
						;
					if (n >= IND_MAX_CHECKPOINTS || colon >= pos ||
						!whole_decimal(v + start, colon - start, &p->checkpoint_month[n]) ||
						!whole_decimal(v + colon + 1, pos - colon - 1, &p->checkpoint_rate[n]))
						return fail(err, NULL, "\"%s\" is not none or a list of month:percent checkpoints such as 4:25/6:40/8:60/10:80.", v, vlen);
					n++;
					start = pos + 1;
				}
				p->ncheckpoints = n;
				return true;
			}
	}
	return false;
}

static bool
in_range(IndDecimal d, int64 lo_mant, int lo_scale, int64 hi_mant, int hi_scale)
{
	return ind_decimal_cmp(d, dec(lo_mant, lo_scale)) >= 0 &&
		ind_decimal_cmp(d, dec(hi_mant, hi_scale)) <= 0;
}

/* The knob values must make sense together. */
static bool
check_policy(const IndPolicy *p, IndPolicyError *err)
{
	int			i;

	if (ind_decimal_cmp(p->eq_tolerance, dec(0, 0)) < 0)
		return failf(err, "eq_tolerance must not be negative.");
	if (ind_decimal_cmp(p->over_threshold, dec(1, 0)) <= 0)
		return failf(err, "over_threshold must be greater than 1.");
	if (ind_decimal_cmp(p->over_k, dec(0, 0)) < 0)
		return failf(err, "over_k must not be negative.");
	if (!in_range(p->over_floor, 0, 0, 1, 0) || !in_range(p->zero_deduct, 0, 0, 1, 0) ||
		!in_range(p->date_month_deduct, 0, 0, 1, 0))
		return failf(err, "over_floor, zero_target_deduct and date_month_deduct are fractions between 0 and 1.");
	if (!(ind_decimal_cmp(p->qual_bands[1], dec(0, 0)) > 0 &&
		  ind_decimal_cmp(p->qual_bands[1], p->qual_bands[0]) < 0 &&
		  ind_decimal_cmp(p->qual_bands[0], dec(1, 0)) <= 0))
		return failf(err, "qual_bands must be two fractions with 0 < 部分达成 < 达成 <= 1.");
	if (!(ind_decimal_cmp(p->qual_points[0], p->qual_bands[0]) >= 0 &&
		  ind_decimal_cmp(p->qual_points[0], dec(1, 0)) <= 0 &&
		  ind_decimal_cmp(p->qual_points[1], p->qual_bands[1]) >= 0 &&
		  ind_decimal_cmp(p->qual_points[1], p->qual_bands[0]) < 0 &&
		  ind_decimal_cmp(p->qual_points[2], dec(0, 0)) >= 0 &&
		  ind_decimal_cmp(p->qual_points[2], p->qual_bands[1]) < 0))
		return failf(err, "qual_points must each lie inside their grade's band.");
	if (p->budget_nsteps < 1)
		return failf(err, "budget_steps needs at least one step.");
	for (i = 0; i < p->budget_nsteps; i++)
	{
		if (!in_range(p->budget_step_rate[i], 0, 0, 1, 0) || !in_range(p->budget_step_points[i], 0, 0, 1, 0))
			return failf(err, "budget_steps rates and fractions lie between 0 and 1.");
		if (i > 0 && (ind_decimal_cmp(p->budget_step_rate[i], p->budget_step_rate[i - 1]) >= 0 ||
					  ind_decimal_cmp(p->budget_step_points[i], p->budget_step_points[i - 1]) > 0))
			return failf(err, "budget_steps go from the highest rate down, with points not increasing.");
	}
	if (ind_decimal_cmp(p->budget_weight, dec(0, 0)) < 0)
		return failf(err, "budget_weight must not be negative.");
	if (p->year.scale != 0 || (p->year.mant != 0 && (p->year.mant < 1900 || p->year.mant > 2999)))
		return failf(err, "year is a year from 1900 to 2999 (or 0: the completion date's year).");
	if (!(ind_decimal_cmp(p->grade_bands[0], p->grade_bands[1]) > 0 &&
		  ind_decimal_cmp(p->grade_bands[1], p->grade_bands[2]) > 0 &&
		  ind_decimal_cmp(p->grade_bands[2], dec(0, 0)) >= 0))
		return failf(err, "grade_bands must be three decreasing totals, e.g. 90/80/60.");
	for (i = 0; i < IND_NWEIGHTS; i++)
		if (ind_decimal_cmp(p->level_weights[i], dec(0, 0)) < 0)
			return failf(err, "level_weights must not be negative.");
	if (!(ind_decimal_cmp(p->light_bands[0], dec(0, 0)) >= 0 &&
		  ind_decimal_cmp(p->light_bands[0], p->light_bands[1]) < 0 &&
		  ind_decimal_cmp(p->light_bands[1], p->light_bands[2]) < 0))
		return failf(err, "light_bands must be three increasing percentages, e.g. 60/80/120.");
	if (!(ind_decimal_cmp(p->budget_bands[0], dec(0, 0)) >= 0 &&
		  ind_decimal_cmp(p->budget_bands[0], p->budget_bands[1]) < 0))
		return failf(err, "budget_bands must be two increasing percentages, e.g. 60/80.");
	if (ind_decimal_cmp(p->reason_over, dec(0, 0)) < 0 || ind_decimal_cmp(p->progress_gap, dec(0, 0)) < 0)
		return failf(err, "reason_over and progress_gap must not be negative (0 turns them off).");
	if (!in_range(p->review_similarity, 1, 2, 1, 0))
		return failf(err, "review_similarity is a fraction from 0.01 to 1.");
	if (ind_decimal_cmp(p->review_funds_tolerance, dec(0, 0)) < 0)
		return failf(err, "review_funds_tolerance must not be negative.");
	for (i = 0; i < 2; i++)
		if (p->review_grade[i].scale != 0 || p->review_grade[i].mant < 0 || p->review_grade[i].mant > 1000)
			return failf(err, "review_grade is two counts, warnings/errors, e.g. 0/2.");
	for (i = 0; i < p->ncheckpoints; i++)
	{
		IndDecimal	m = p->checkpoint_month[i];

		if (m.scale != 0 || m.mant < 1 || m.mant > 12 || !in_range(p->checkpoint_rate[i], 0, 0, 100, 0))
			return failf(err, "checkpoints are month:percent with a month from 1 to 12 and a percent from 0 to 100.");
		if (i > 0 && (m.mant <= p->checkpoint_month[i - 1].mant ||
					  ind_decimal_cmp(p->checkpoint_rate[i], p->checkpoint_rate[i - 1]) < 0))
			return failf(err, "checkpoints go from the earliest month on, with percents not decreasing.");
	}
	return true;
}

static bool
is_separator(const char *s, int len, int *n)
{
	if ((*n = ind_space_len(s, len)) > 0)
		return true;
	if (len >= 1 && (s[0] == ',' || s[0] == ';'))
	{
		*n = 1;
		return true;
	}
	return false;
}

/*
 * Read "[preset] [knob=value ...]", separated by blanks, commas or
 * semicolons.  An empty text is the central policy.
 */
bool
ind_policy_parse(const char *s, int len, IndPolicy *p, IndPolicyError *err)
{
	int			pos = 0;
	bool		first = true;

	central(p);
	err->detail[0] = '\0';
	err->hint = NULL;
	err->too_long = false;
	if (len > IND_MAX_POLICY_BYTES)
	{
		err->too_long = true;
		return failf(err, "A policy longer than %d bytes is surely not one.", IND_MAX_POLICY_BYTES);
	}
	while (pos < len)
	{
		int			n;
		int			start;
		int			eq = -1;
		int			i;

		if (is_separator(s + pos, len - pos, &n))
		{
			pos += n;
			continue;
		}
		start = pos;
		while (pos < len && !is_separator(s + pos, len - pos, &n))
		{
			if (s[pos] == '=' && eq < 0)
				eq = pos;
			pos += ind_char_len(s + pos, len - pos);
		}

		if (eq < 0)
		{
			/* a preset name, allowed only first */
			bool		found = false;

			if (!first)
				return fail(err, knob_hint, "\"%s\" is not knob=value; a preset comes first.", s + start, pos - start);
			for (i = 0; i < (int) lengthof(preset_table); i++)
				if (same_word(s + start, pos - start, preset_table[i].name) ||
					same_word(s + start, pos - start, preset_table[i].alias))
				{
					ind_policy_preset((IndPreset) i, p);
					found = true;
				}
			if (!found)
				return fail(err, preset_hint, "Unknown preset \"%s\".", s + start, pos - start);
		}
		else
		{
			const Knob *k = NULL;

			for (i = 0; i < (int) lengthof(knob_table); i++)
				if (same_word(s + start, eq - start, knob_table[i].name))
					k = &knob_table[i];
			if (k == NULL)
				return fail(err, knob_hint, "Unknown knob \"%s\".", s + start, eq - start);
			if (!set_knob(k, p, s + eq + 1, pos - eq - 1, err))
			{
				char		detail[IND_POLICY_DETAIL_LEN];

				snprintf(detail, sizeof(detail), "%s: %s", k->name, err->detail);
				memcpy(err->detail, detail, sizeof(detail));
				if (err->hint == NULL)
					err->hint = k->doc;
				return false;
			}
		}
		first = false;
	}
	return check_policy(p, err);
}

int
ind_policy_nknobs(void)
{
	return lengthof(knob_table);
}

const char *
ind_policy_knob_name(int i)
{
	return knob_table[i].name;
}

const char *
ind_policy_knob_doc(int i)
{
	return knob_table[i].doc;
}

int
ind_policy_npresets(void)
{
	return lengthof(preset_table);
}

const char *
ind_policy_preset_name(int i)
{
	return preset_table[i].name;
}

const char *
ind_policy_preset_doc(int i)
{
	return preset_table[i].doc;
}

/* Knob i's value in p, written as the parser reads it. */
int
ind_policy_knob_format(int i, const IndPolicy *p, char *buf, int buflen)
{
	const Knob *k = &knob_table[i];
	const char *field = (const char *) p + k->offset;
	int			len = 0;
	int			j;
	char		num[IND_DEC_BUFLEN];

	switch (k->kind)
	{
		case KNOB_ENUM:
			return snprintf(buf, buflen, "%s", k->words[*(const int *) field]);
		case KNOB_BOOL:
			return snprintf(buf, buflen, "%s", *(const bool *) field ? "true" : "false");
		case KNOB_DECIMAL:
			ind_decimal_format(*(const IndDecimal *) field, num);
			return snprintf(buf, buflen, "%s", num);
		case KNOB_LIST:
			/* stop when full: snprintf returns what it would have written */
			for (j = 0; j < k->nvalues && len < buflen; j++)
			{
				ind_decimal_format(((const IndDecimal *) field)[j], num);
				len += snprintf(buf + len, buflen - len, "%s%s", j > 0 ? "/" : "", num);
			}
			return Min(len, buflen - 1);
		case KNOB_STEPS:
			for (j = 0; j < p->budget_nsteps && len < buflen; j++)
			{
				char		pts[IND_DEC_BUFLEN];

				ind_decimal_format(p->budget_step_rate[j], num);
				ind_decimal_format(p->budget_step_points[j], pts);
				len += snprintf(buf + len, buflen - len, "%s%s:%s", j > 0 ? "/" : "", num, pts);
			}
			return Min(len, buflen - 1);
		case KNOB_SET:
			{
				int			mask = *(const int *) field;
				int			all = ((1 << k->set->nbits()) - 1) & ~(k->set == &light_set ? 1 : 0);

				if (mask == all)
					return snprintf(buf, buflen, "all");
				if (mask == 0)
					return snprintf(buf, buflen, "none");
				for (j = 0; j < k->set->nbits() && len < buflen; j++)
					if (mask & (1 << j))
						len += snprintf(buf + len, buflen - len, "%s%s", len > 0 ? "/" : "", k->set->name_of(j));
				return Min(len, buflen - 1);
			}
		case KNOB_CHECKPOINTS:
			if (p->ncheckpoints == 0)
				return snprintf(buf, buflen, "none");
			for (j = 0; j < p->ncheckpoints && len < buflen; j++)
			{
				char		pct[IND_DEC_BUFLEN];

				ind_decimal_format(p->checkpoint_month[j], num);
				ind_decimal_format(p->checkpoint_rate[j], pct);
				len += snprintf(buf + len, buflen - len, "%s%s:%s", j > 0 ? "/" : "", num, pct);
			}
			return Min(len, buflen - 1);
	}
	return 0;
}
