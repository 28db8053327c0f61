/*
 * policy.h
 *		Scoring policies: the Ministry of Finance default and its regional
 *		variants, as a preset plus knobs.
 *
 * A policy is written as text, "preset knob=value ...", e.g. 'central',
 * 'hubei', 'central reverse_mode=linear_2x over_threshold=1.3'.  The text
 * is what SQL passes around (it travels to any node and any tool); the
 * parsed IndPolicy is what the rules read.  Fractions are of the weight.
 */
#ifndef INDICATOR_POLICY_H
#define INDICATOR_POLICY_H

#include "postgres.h"

#include "decimal.h"

typedef enum IndPreset
{
	IND_PRESET_CENTRAL = 0,
	IND_PRESET_HUBEI,
	IND_PRESET_JIANGXI,
	IND_PRESET_ZHEJIANG,
	IND_PRESET_TIANJIN,
	IND_PRESET_HEBEI,			/* scores as tianjin; monitors over-completion */
	IND_PRESET_SHANXI,
	IND_PRESET_NINGXIA,
	IND_PRESET_SICHUAN,
	IND_PRESET_HEFEI
} IndPreset;

typedef enum IndReverseMode
{
	IND_REVERSE_RATIO = 0,		/* t/a (P1) */
	IND_REVERSE_LINEAR_2X		/* 1 - (a-t)/t, 0 from 2t on (S1) */
} IndReverseMode;

typedef enum IndEqMode
{
	IND_EQ_BY_NATURE = 0,		/* 正向 scored like >=, 反向 like <= */
	IND_EQ_SYMMETRIC,			/* below like >=, above like <= */
	IND_EQ_EXACT				/* all or nothing */
} IndEqMode;

typedef enum IndZeroMode
{
	IND_ZERO_ALL_OR_NOTHING = 0,
	IND_ZERO_PER_UNIT			/* lose zero_target_deduct of w per unit */
} IndZeroMode;

typedef enum IndOverMode
{
	IND_OVER_FLAG = 0,			/* keep the score, raise the flag */
	IND_OVER_DEDUCT				/* also reduce the score (适度调减) */
} IndOverMode;

typedef enum IndDateMode
{
	IND_DATE_REVERSE_RATIO = 0, /* planned days / actual days */
	IND_DATE_ALL_OR_NOTHING,
	IND_DATE_PER_MONTH			/* lose date_month_deduct of w per month */
} IndDateMode;

typedef enum IndBudgetMode
{
	IND_BUDGET_LINEAR = 0,		/* min(rate, 1) x weight */
	IND_BUDGET_STEPS			/* 江西 */
} IndBudgetMode;

#define IND_MAX_BUDGET_STEPS 6

/* Enumerated knobs are held in ints so that the knob table can set them. */
/* The shares of level_weights, in the order the knob writes them. */
typedef enum IndWeightShare
{
	IND_WEIGHT_OUTPUT = 0,		/* 产出 (with 成本) */
	IND_WEIGHT_OUTCOME,			/* 效益 */
	IND_WEIGHT_SATISFACTION,	/* 满意度 */
	IND_WEIGHT_BUDGET,			/* 预算执行率 */
	IND_NWEIGHTS
} IndWeightShare;

typedef enum IndRounding
{
	IND_ROUND_HALF_UP = 0,
	IND_ROUND_TRUNCATE			/* cut off, as some sheets print (97.3 % of 2 points: 1.9) */
} IndRounding;

typedef enum IndUnreadable
{
	IND_UNREADABLE_ERROR = 0,	/* a malformed actual (1,5 or 10/12) is 22P02 */
	IND_UNREADABLE_PERSON		/* ... is left to a person: NULL points, needs_person */
} IndUnreadable;

/* Monitoring (运行监控): see monitor.h. */
typedef enum IndTimeBasis
{
	IND_TIME_MONTH = 0,			/* τ = m/12 (S1) */
	IND_TIME_DAY				/* τ = day of year / days in the year */
} IndTimeBasis;

typedef enum IndReasonBasis
{
	IND_REASON_LIGHT = 0,		/* the light says (S1: red or yellow) */
	IND_REASON_LIKELIHOOD		/* 完成可能性 有可能/完全不可能 says (天津) */
} IndReasonBasis;

typedef enum IndForecastMode
{
	IND_FORECAST_LINEAR = 0,	/* a/τ */
	IND_FORECAST_CURRENT		/* the value to date */
} IndForecastMode;

typedef enum IndProjectLight
{
	IND_PROJECT_WORST = 0,		/* the worst indicator light (S1) */
	IND_PROJECT_BUDGET_GOAL		/* 合肥: budget and goal, two flags */
} IndProjectLight;

/* Monitoring lights, from best to worst: the worst is the largest. */
typedef enum IndLight
{
	IND_LIGHT_NONE = 0,			/* no light: a person must judge */
	IND_LIGHT_BLUE,				/* 蓝: running ahead */
	IND_LIGHT_GREEN,			/* 绿 */
	IND_LIGHT_YELLOW,			/* 黄 */
	IND_LIGHT_RED,				/* 红 */
	IND_NLIGHTS
} IndLight;

#define IND_MAX_CHECKPOINTS 12

/*
 * Goal-table review (目标审核): the rules R1..R16 of the rules document and
 * the two 历史标准 comparisons H1, H2, each at a severity or off.
 */
typedef enum IndReviewSeverity
{
	IND_REVIEW_OFF = 0,
	IND_REVIEW_ERROR,
	IND_REVIEW_WARNING,
	IND_REVIEW_FINDING
} IndReviewSeverity;

#define IND_REVIEW_NRULES 18	/* R1..R16, H1, H2 */

typedef struct IndPolicy
{
	int			preset;			/* IndPreset */
	int			reverse_mode;	/* IndReverseMode */
	int			eq_mode;		/* IndEqMode */
	IndDecimal	eq_tolerance;	/* |a - t| <= tol * |t| counts as equal */
	bool		strict_gt;		/* > and < need strictly better */
	bool		clamp_negative; /* negative actuals count as 0 */
	int			zero_mode;		/* IndZeroMode */
	IndDecimal	zero_deduct;
	int			over_mode;		/* IndOverMode */
	IndDecimal	over_threshold; /* a/t at which over-completion is flagged */
	IndDecimal	over_k;
	IndDecimal	over_floor;
	IndDecimal	qual_bands[2];	/* lower edges of 达成 and 部分达成 */
	IndDecimal	qual_points[3]; /* 达成, 部分达成, 未达成 */
	int			date_mode;		/* IndDateMode */
	IndDecimal	date_month_deduct;
	int			budget_mode;	/* IndBudgetMode */
	int			budget_nsteps;
	IndDecimal	budget_step_rate[IND_MAX_BUDGET_STEPS];
	IndDecimal	budget_step_points[IND_MAX_BUDGET_STEPS];
	bool		budget_zero_full;	/* 0 spent of 0 budget is 100 % */
	bool		budget_reject_over; /* a rate over 100 % is an error */
	IndDecimal	budget_weight;
	IndDecimal	grade_bands[3]; /* lowest totals of 优, 良, 中 */
	bool		manual_review;	/* flag every miss of = and <= for review */
	IndDecimal	level_weights[IND_NWEIGHTS];	/* by IndWeightShare */
	bool		cost_in_output; /* 成本 shares 产出's weight */
	IndDecimal	year;			/* the sheet's year, for deadlines without one (9月前); 0: none */
	int			score_digits;	/* decimals of points: 0, 1 or 2 */
	int			rounding;		/* IndRounding */
	int			unreadable;		/* IndUnreadable */
	/* monitoring */
	int			time_basis;		/* IndTimeBasis */
	IndDecimal	light_bands[3]; /* p (%) from which yellow, green, blue */
	IndDecimal	budget_bands[2];	/* r (%) from which yellow, green */
	int			prorate;		/* level-2 classes pro-rated by τ: bits of ind_level_at() */
	int			reason_lights;	/* lights that require a reason: bits of IndLight */
	int			reason_basis;	/* IndReasonBasis */
	IndDecimal	reason_over;	/* 河北: (a-t)/t (%) above which a reason is required; 0 off */
	int			ncheckpoints;	/* 四川: cumulative execution by month */
	IndDecimal	checkpoint_month[IND_MAX_CHECKPOINTS];
	IndDecimal	checkpoint_rate[IND_MAX_CHECKPOINTS];
	IndDecimal	progress_gap;	/* 四川: |goal - budget progress| (points) warned; 0 off */
	int			forecast;		/* IndForecastMode */
	int			project_light;	/* IndProjectLight */
	/* goal-table review */
	int			review[IND_REVIEW_NRULES];	/* IndReviewSeverity of each rule */
	IndDecimal	review_similarity;	/* name similarity (bigram Dice) that counts as the same */
	IndDecimal	review_funds_tolerance; /* R9: 万元 */
	IndDecimal	review_grade[2];	/* warnings 优 allows, errors 中 allows */
} IndPolicy;

#define IND_POLICY_DETAIL_LEN 256

typedef struct IndPolicyError
{
	char		detail[IND_POLICY_DETAIL_LEN];
	const char *hint;
	bool		too_long;		/* longer than IND_MAX_POLICY_BYTES (54000) */
} IndPolicyError;

/* No real policy comes near this; a longer text is refused with 54000. */
#define IND_MAX_POLICY_BYTES 4096

extern bool ind_policy_parse(const char *s, int len, IndPolicy *p, IndPolicyError *err);
extern void ind_policy_preset(IndPreset preset, IndPolicy *p);

/* For listing: knob i's name, its value in p as text, and a description. */
extern int	ind_policy_nknobs(void);
extern const char *ind_policy_knob_name(int i);
extern const char *ind_policy_knob_doc(int i);
extern int	ind_policy_knob_format(int i, const IndPolicy *p, char *buf, int buflen);
extern int	ind_policy_npresets(void);
extern const char *ind_policy_preset_name(int i);
extern const char *ind_policy_preset_doc(int i);

#endif							/* INDICATOR_POLICY_H */
