/*
 * actual.c
 *		Reading actual results as self-evaluation forms write them, and the
 *		deadlines that qualitative 时效 targets state.
 *
 * Pure code.  An actual is one of:
 *		a number with or without unit:   96%  5,200次  58万元  0.3 小时
 *		a grade, optionally with a manual score:
 *			达成  部分达成年度指标并具有一定效果  基本达成  未达成  达成 9.5  达成(95%)
 *		a date or month:                 2022年11月  2022年11月30日  2022-11-30
 */
#include "postgres.h"

#include "actual.h"
#include "scan.h"
#include "units.h"

/* Every spelling of a grade; longest match wins. */
static const IndWord grade_words[] = {
	{"达成", IND_GRADE_MET}, {"已达成", IND_GRADE_MET}, {"达成年度指标", IND_GRADE_MET},
	{"达成预期指标", IND_GRADE_MET}, {"达成预期目标", IND_GRADE_MET}, {"达成目标", IND_GRADE_MET},
	{"全部达成", IND_GRADE_MET}, {"完全达成", IND_GRADE_MET}, {"完成", IND_GRADE_MET},
	{"已完成", IND_GRADE_MET}, {"全部完成", IND_GRADE_MET}, {"达标", IND_GRADE_MET},
	{"met", IND_GRADE_MET},
	{"部分达成", IND_GRADE_PARTIAL}, {"部分达成年度指标", IND_GRADE_PARTIAL},
	{"部分达成年度指标并具有一定效果", IND_GRADE_PARTIAL}, {"部分达成预期指标", IND_GRADE_PARTIAL},
	{"部分达成预期指标并具有一定效果", IND_GRADE_PARTIAL}, {"部分完成", IND_GRADE_PARTIAL},
	{"基本达成", IND_GRADE_PARTIAL}, {"基本达成年度指标", IND_GRADE_PARTIAL},
	{"基本达成预期指标", IND_GRADE_PARTIAL}, {"基本完成", IND_GRADE_PARTIAL},
	{"基本达到", IND_GRADE_PARTIAL}, {"基本实现", IND_GRADE_PARTIAL}, {"基本达标", IND_GRADE_PARTIAL},
	{"partial", IND_GRADE_PARTIAL},
	{"未达成", IND_GRADE_UNMET}, {"未达成年度指标", IND_GRADE_UNMET},
	{"未达成年度指标且效果较差", IND_GRADE_UNMET}, {"未达成预期指标", IND_GRADE_UNMET},
	{"未达成预期指标且效果较差", IND_GRADE_UNMET}, {"未完成", IND_GRADE_UNMET},
	{"没有达成", IND_GRADE_UNMET}, {"未达到", IND_GRADE_UNMET}, {"未达标", IND_GRADE_UNMET},
	{"unmet", IND_GRADE_UNMET},
	/* a yes-or-no question's answer (资金是否全部到位: 是) */
	{"是", IND_GRADE_MET}, {"否", IND_GRADE_UNMET},
};

static const char *const grade_names[] = {NULL, "达成", "部分达成", "未达成"};

const char *
ind_grade_name(IndGrade g)
{
	return (g >= IND_GRADE_MET && g <= IND_GRADE_UNMET) ? grade_names[g] : NULL;
}

/* Why a person must score it, in the words a reviewer pastes into a report. */
const char *
ind_person_reason(IndPerson p)
{
	switch (p)
	{
		case IND_PERSON_NONE:
			return NULL;
		case IND_PERSON_TEXT:
			return "实际完成值是文字说明，不是数值、等级或日期，需人工判定得分";
		case IND_PERSON_GRADE:
			return "定量指标的实际完成值只填了等级（如“达成”），未填实际数值，需人工核实";
		case IND_PERSON_DATE:
			return "实际完成值是日期，而指标值不是完成时限，需人工判定得分";
		case IND_PERSON_NUMBER:
			return "定性指标的实际完成值是数值，需人工判定是否达成";
		case IND_PERSON_UNIT:
			return "实际完成值的计量单位与指标值不一致，无法换算，需人工核实";
		case IND_PERSON_NO_TARGET:
			return "未填写年度指标值，无法按评分规则计分，需人工复核";
		case IND_PERSON_NO_ACTUAL:
			return "未填写实际完成值，无法按评分规则计分，需人工复核";
		case IND_PERSON_NO_YEAR:
			return "完成时限未写年份，需按自评年度（year=）判定是否按时完成";
		case IND_PERSON_WEIGHT:
			return "分值不是有效数值（为负数），无法按评分规则计分，需人工复核";
		case IND_PERSON_MALFORMED:
			return "实际完成值写法有误，读不出数值（如“1,5”“10/12”），需人工核实";
	}
	return NULL;
}


/* What may stand between a grade and its manual score, and after it. */
static const IndWord open_marks[] = {
	{":", 1}, {"：", 1}, {"(", 1}, {"（", 1}, {",", 1}, {"，", 1}, {"、", 1}, {"得", 1},
};
static const IndWord close_marks[] = {{")", 1}, {"）", 1}};
static const IndWord point_words[] = {{"分", 1}};
static const IndWord percent_words[] = {{"%", 1}, {"％", 1}};

/* Date words. */
static const IndWord year_mark[] = {{"年", 1}};
static const IndWord month_mark[] = {{"月", 1}, {"月份", 1}};
static const IndWord day_mark[] = {{"日", 1}, {"号", 1}};
static const IndWord date_seps[] = {{"-", 1}, {"/", 1}, {".", 1}, {"－", 1}, {"／", 1}, {"．", 1}};
static const IndWord period_seps[] = {
	{"至", 1}, {"到", 1}, {"-", 1}, {"～", 1}, {"~", 1}, {"—", 1}, {"－", 1}, {"〜", 1},
};
static const IndWord deadline_suffixes[] = {
	{"前", 1}, {"以前", 1}, {"之前", 1}, {"底", 1}, {"末", 1}, {"内", 1}, {"以内", 1},
	{"之内", 1}, {"底前", 1}, {"末前", 1}, {"前完成", 1}, {"底前完成", 1}, {"内完成", 1},
	{"完成", 1}, {"止", 1}, {"为止", 1},
};

#define MATCH(s, len, tab, code) ind_match_word((s), (len), (tab), lengthof(tab), (code))

/* the grades are tried at every actual: indexed by first byte (scan.h) */
static IndWordSet grade_words_set = IND_WORD_SET(grade_words);

/* Read an unsigned integer of ASCII or full-width digits; -1 if none. */
static int
read_int(const char *str, int len, int *pos)
{
	const unsigned char *s = (const unsigned char *) str;
	int			v = 0;
	int			n = 0;

	while (*pos < len && n < 9)
	{
		if (s[*pos] >= '0' && s[*pos] <= '9')
		{
			v = v * 10 + (s[*pos] - '0');
			(*pos)++;
		}
		else if (*pos + 2 < len && s[*pos] == 0xEF && s[*pos + 1] == 0xBC &&
				 s[*pos + 2] >= 0x90 && s[*pos + 2] <= 0x99)
		{
			v = v * 10 + (s[*pos + 2] - 0x90);
			*pos += 3;
		}
		else
			break;
		n++;
	}
	return n > 0 ? v : -1;
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* Days since 2000-01-01 of a proleptic Gregorian date (H. Hinnant's method). */
int32
ind_days_from_civil(int y, int m, int d)
{
	int			era;
	int			yoe,
				doy,
				doe;

	y -= (m <= 2);
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 730425;
}

/* The proleptic Gregorian date of a day number (inverse of the above). */
void
ind_civil_from_days(int32 z, int *y, int *m, int *d)
{
	int			era,
				doe,
				yoe,
				doy,
				mp;

	z += 730425;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/*
 * Whole calendar months from a deadline to a later completion, a started
 * month counting as one: 31 Dec to 31 Jan is 1, to 1 Feb is 2.
 */
int
ind_months_late(int32 deadline, int32 done)
{
	int			dy,
				dm,
				dd,
				cy,
				cm,
				cd;
	int			months;

	ind_civil_from_days(deadline, &dy, &dm, &dd);
	ind_civil_from_days(done, &cy, &cm, &cd);
	months = (cy - dy) * 12 + (cm - dm);
	/* past a mid-month deadline's day, the month has started again */
	if (dd != days_in_month(dy, dm) && cd > dd)
		months++;
	return Max(months, 1);
}

/*
 * A date at s[*pos]: Y年[M月[D日]], Y-M[-D], Y/M/D, Y.M.D.  A missing day
 * or month means the end of the month or year.  Fills y, m (0 if absent)
 * and the day; returns false when there is no valid date here.
 */
static bool
read_date(const char *s, int len, int *pos, int *y, int *m, int *d)
{
	int			p = *pos;
	int			code;
	int			n;

	*y = read_int(s, len, &p);
	*m = 0;
	*d = 0;
	if (*y < 1900 || *y > 2999)
		return false;
	if ((n = MATCH(s + p, len - p, year_mark, &code)) > 0)
	{
		p += n;
		*m = read_int(s, len, &p);
		if (*m == 0)
			return false;		/* 0 means "absent" below: 0月 is no month */
		if (*m > 0)
		{
			if ((n = MATCH(s + p, len - p, month_mark, &code)) == 0)
				return false;
			p += n;
			*d = read_int(s, len, &p);
			if (*d == 0)
				return false;
			if (*d > 0)
			{
				if ((n = MATCH(s + p, len - p, day_mark, &code)) == 0)
					return false;
				p += n;
			}
			else
				*d = 0;
		}
		else
			*m = 0;
	}
	else if ((n = MATCH(s + p, len - p, date_seps, &code)) > 0)
	{
		/* "2022.5" is a number: a point separates a date only as Y.M.D */
		bool		point = (s[p] == '.' || (n == 3 && (unsigned char) s[p + 2] == 0x8E));

		p += n;
		*m = read_int(s, len, &p);
		if (*m < 1)
			return false;
		if ((n = MATCH(s + p, len - p, date_seps, &code)) > 0)
		{
			p += n;
			*d = read_int(s, len, &p);
			if (*d < 1)
				return false;
		}
		else if (point)
			return false;
	}
	else
		return false;
	/* month and day are 0 only when absent, and a day comes with a month */
	if (*m > 12 || (*d > 0 && *d > days_in_month(*y, *m)))
		return false;
	*pos = p;
	return true;
}

/* The last day covered by a date that may lack its day or month. */
static int32
date_end(int y, int m, int d)
{
	if (m == 0)
		return ind_days_from_civil(y, 12, 31);
	if (d == 0)
		return ind_days_from_civil(y, m, days_in_month(y, m));
	return ind_days_from_civil(y, m, d);
}

static int32
date_start(int y, int m, int d)
{
	if (m == 0)
		return ind_days_from_civil(y, 1, 1);
	return ind_days_from_civil(y, m, d == 0 ? 1 : d);
}

/*
 * A deadline target: "2022年12月前", "2022年6月30日前", "2022年底",
 * "2022年1月至12月", "2022年3月-2023年2月", "2022-12-31前".  The whole
 * text must be the deadline.  The period starts at the first month named,
 * or on 1 January of the deadline's year.
 */
bool
ind_parse_deadline(const char *s, int len, IndDeadline *dl)
{
	int			pos = ind_skip_spaces(s, len, 0);
	int			end = ind_trim_end(s, pos, len);
	int			y,
				m,
				d;
	int			code;
	int			n;

	if (!read_date(s, end, &pos, &y, &m, &d))
		return false;
	dl->start = date_start(y, 1, 1);
	dl->end = date_end(y, m, d);

	pos = ind_skip_spaces(s, end, pos);
	if ((n = MATCH(s + pos, end - pos, period_seps, &code)) > 0 && m > 0)
	{
		int			p = ind_skip_spaces(s, end, pos + n);
		int			y2 = y,
					m2,
					d2 = 0;
		int			q = p;

		/* "至12月" reuses the year; "至2023年2月" names its own */
		if (!read_date(s, end, &q, &y2, &m2, &d2))
		{
			q = p;
			y2 = y;
			m2 = read_int(s, end, &q);
			if (m2 < 1 || m2 > 12 || (n = MATCH(s + q, end - q, month_mark, &code)) == 0)
				return false;
			q += n;
		}
		dl->start = date_start(y, m, d);
		dl->end = date_end(y2, m2, d2);
		if (dl->end < dl->start)
			return false;
		pos = ind_skip_spaces(s, end, q);
	}
	if ((n = MATCH(s + pos, end - pos, deadline_suffixes, &code)) > 0)
		pos = ind_skip_spaces(s, end, pos + n);
	return pos == end;
}

/* Text after a number that cannot be a unit: another number or punctuation. */
static bool
starts_number_or_punct(const char *s, int len)
{
	static const IndWord bad[] = {
		{"-", 1}, {"－", 1}, {"/", 1}, {"／", 1}, {".", 1}, {"．", 1}, {",", 1}, {"，", 1},
		{":", 1}, {"：", 1}, {"~", 1}, {"～", 1}, {"+", 1},
	};
	int			code;
	int			n;
	IndDecimal	d;

	if (MATCH(s, len, bad, &code) > 0)
		return true;
	return ind_decimal_parse(s, len, false, &n, &d) != IND_DEC_NOT_A_NUMBER;
}

/* Words a person must read: 见附件, a sentence, 显著提升 (compared with the target later). */
static IndStatus
as_text(const char *s, int pos, int end, IndActual *a)
{
	memset(a, 0, sizeof(*a));
	a->kind = IND_ACTUAL_TEXT;
	a->text = s + pos;
	a->text_len = end - pos;
	a->person = IND_PERSON_TEXT;
	return IND_OK;
}

/* An actual a person must score, for the reason given (a review's lenient reading). */
void
ind_actual_for_person(const char *s, int len, IndPerson person, IndActual *a)
{
	as_text(s, 0, len, a);
	a->person = person;
}

/* A grade, then optionally a manual score: "达成 9.5", "部分达成(70%)". */
static IndStatus
read_grade(const char *s, int pos, int end, int grade, IndActual *a, IndError *err)
{
	int			code;
	int			n;

	a->kind = IND_ACTUAL_GRADE;
	a->grade = (IndGrade) grade;
	pos = ind_skip_spaces(s, end, pos);
	if (pos >= end)
		return IND_OK;
	if ((n = MATCH(s + pos, end - pos, open_marks, &code)) > 0)
		pos = ind_skip_spaces(s, end, pos + n);
	if (ind_decimal_parse(s + pos, end - pos, false, &n, &a->manual) != IND_DEC_OK)
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "Expected a manual score after the grade, found \"%s\".", s + pos, end - pos);
	a->has_manual = true;
	pos = ind_skip_spaces(s, end, pos + n);
	if ((n = MATCH(s + pos, end - pos, percent_words, &code)) > 0)
	{
		a->manual_is_fraction = true;
		pos = ind_skip_spaces(s, end, pos + n);
	}
	else if ((n = MATCH(s + pos, end - pos, point_words, &code)) > 0)
		pos = ind_skip_spaces(s, end, pos + n);
	if ((n = MATCH(s + pos, end - pos, close_marks, &code)) > 0)
		pos = ind_skip_spaces(s, end, pos + n);
	if (pos < end)
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "Unexpected \"%s\" after the manual score.", s + pos, end - pos);
	if (ind_decimal_cmp(a->manual, (IndDecimal) {0, 0}) < 0)
		return ind_failf(err, IND_ERR_SYNTAX, "A manual score cannot be negative.");
	return IND_OK;
}

IndStatus
ind_parse_actual(const char *s, int len, IndActual *a, IndError *err)
{
	int			pos;
	int			end;
	int			code;
	int			n;
	IndDecimal	d;
	IndDecStatus st;

	memset(a, 0, sizeof(*a));
	err->status = IND_OK;
	err->detail[0] = '\0';
	if (len > IND_MAX_INPUT_BYTES)
		return ind_failf(err, IND_ERR_TOO_LONG,
						 "The actual value is longer than %d kB.", IND_MAX_INPUT_BYTES / 1024);
	pos = ind_skip_spaces(s, len, 0);
	end = ind_trim_end(s, pos, len);
	if (pos >= end)
		return ind_failf(err, IND_ERR_SYNTAX, "The actual value is empty.");

	/* —, /, 无: the sheet says there is no actual */
	if (ind_is_dash(s + pos, end - pos))
	{
		as_text(s, pos, end, a);
		a->person = IND_PERSON_NO_ACTUAL;
		return IND_OK;
	}
	if ((n = ind_match_word_set(s + pos, end - pos, &grade_words_set, &code)) > 0)
	{
		int			q = ind_skip_spaces(s, end, pos + n);
		int			c2;
		int			n2;

		int			r = q;

		/* a grade, alone or with a manual score; words after it are for a person */
		if (q < end && (n2 = MATCH(s + q, end - q, open_marks, &c2)) > 0)
			r = ind_skip_spaces(s, end, q + n2);
		if (q >= end || (r < end && s[r] >= '0' && s[r] <= '9'))
			return read_grade(s, pos + n, end, code, a, err);
		return as_text(s, pos, end, a);
	}

	{
		int			p = pos;
		int			y,
					m,
					dd;

		if (read_date(s, end, &p, &y, &m, &dd))
		{
			p = ind_skip_spaces(s, end, p);
			if ((n = MATCH(s + p, end - p, deadline_suffixes, &code)) > 0)
				p = ind_skip_spaces(s, end, p + n);
			if (p == end)
			{
				a->kind = IND_ACTUAL_DATE;
				a->date = date_end(y, m, dd);
				return IND_OK;
			}
		}
	}

	/* "≥266米", "<=5300元/户": the sheet repeats the target's comparator */
	if ((n = ind_comparator_prefix(s + pos, end - pos)) > 0)
	{
		int			q = ind_skip_spaces(s, end, pos + n);
		IndDecimal	d2;
		int			n2;

		if (ind_decimal_parse(s + q, end - q, true, &n2, &d2) != IND_DEC_NOT_A_NUMBER)
		{
			a->repeated_comparator = true;
			pos = q;
		}
	}
	st = ind_decimal_parse(s + pos, end - pos, true, &n, &d);
	/* words that are not a number: an answer only a person can score */
	if (st == IND_DEC_NOT_A_NUMBER && !a->repeated_comparator && !starts_number_or_punct(s + pos, end - pos))
		return as_text(s, pos, end, a);
	if (st == IND_DEC_OUT_OF_RANGE)
		return ind_fail_token(err, IND_ERR_RANGE,
							  "The number \"%s\" has more than 18 significant digits.", s + pos, n);
	if (st == IND_DEC_BAD_GROUPING)
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "Misplaced thousands separator in \"%s\": write 5,000 or 5000.", s + pos, n);
	if (st != IND_DEC_OK)
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "\"%s\" is not a number, a grade (达成, 部分达成, 未达成) or a date.",
							  s + pos, end - pos);
	a->kind = IND_ACTUAL_NUMBER;
	a->value = ind_ratio_from_decimal(d);
	if (ind_decimal_exponent_follows(s + pos + n, end - pos - n))
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "Scientific notation \"%s\" is not read; write the number out in digits.",
							  s + pos, end - pos);
	pos = ind_skip_spaces(s, end, pos + n);
	if (end - pos > IND_MAX_UNIT_BYTES)
		return ind_fail_token(err, IND_ERR_SYNTAX, "The unit \"%s\" is longer than " CppAsString2(IND_MAX_UNIT_BYTES) " bytes.",
							  s + pos, end - pos);
	if (pos < end && (starts_number_or_punct(s + pos, end - pos)))
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "Unexpected \"%s\" after the number; a unit follows it directly.",
							  s + pos, end - pos);
	if (pos < end)
	{
		const char *misspelt = ind_unit_misspelling(s + pos, end - pos);

		if (misspelt != NULL)
			return ind_fail_token(err, IND_ERR_SYNTAX, misspelt, s + pos, end - pos);
	}
	a->unit = s + pos;
	a->unit_len = end - pos;
	return IND_OK;
}

/*
 * Express a numeric actual in the target's unit.  An actual without unit,
 * or a target without unit, is taken as it is; otherwise the units must be
 * the same or convert within one dimension.
 */
IndStatus
ind_actual_to_target_unit(const IndSpec *spec, IndActual *a, IndError *err)
{
	char		canon[IND_MAX_UNIT_BYTES + 1];
	bool		known;
	int			n;
	int128		num,
				den;
	IndRatio	f;

	if (a->kind != IND_ACTUAL_NUMBER || a->unit_len == 0 || spec->unit_len == 0)
		return IND_OK;
	n = ind_unit_canonical(a->unit, a->unit_len, canon, &known);
	if (n == spec->unit_len && memcmp(canon, spec->unit, n) == 0)
		return IND_OK;
	if (ind_unit_factor(canon, n, spec->unit, spec->unit_len, &num, &den) != IND_CONV_OK)
	{
		char		buf[2 * IND_MAX_UNIT_BYTES + 8];

		snprintf(buf, sizeof(buf), "%.*s", n, canon);
		return ind_fail_token(err, IND_ERR_DATA,
							  "The actual is in \"%s\", which does not convert to the target's unit.",
							  buf, (int) strlen(buf));
	}
	f.num = num;
	f.den = den;
	if (!ind_ratio_mul(a->value, f, &a->value))
		return ind_failf(err, IND_ERR_RANGE, "The converted actual value is too large.");
	return IND_OK;
}

/* Words before a qualitative target's own text that say it was reached. */
static const IndWord reached_words[] = {
	{"已经", 1}, {"已", 1}, {"达到", 1}, {"已达到", 1}, {"均已", 1}, {"已实现", 1},
};

static const char *const end_marks[] = {"。", ".", "；", ";", "！"};

/* [a, b) of s less the full stops at its end. */
static int
trim_end_marks(const char *s, int a, int b)
{
	bool		cut = true;

	while (cut && b > a)
	{
		int			k;

		cut = false;
		for (k = 0; k < (int) lengthof(end_marks); k++)
		{
			int			ml = (int) strlen(end_marks[k]);

			if (b - a >= ml && memcmp(s + b - ml, end_marks[k], ml) == 0)
			{
				b = ind_trim_end(s, a, b - ml);
				cut = true;
				break;
			}
		}
	}
	return b;
}

/*
 * Does the actual repeat the qualitative target's own words, perhaps with
 * 已, 已经 or 达到 before them: 显著提升 against 显著提升, 已有效提升 against
 * 有效提升?  Then it says the target was reached.
 */
bool
ind_actual_says_target(const char *target, int target_len, const char *s, int len)
{
	int			a = ind_skip_spaces(s, len, 0);
	int			b = ind_trim_end(s, a, len);
	int			ta = ind_skip_spaces(target, target_len, 0);
	int			tb = trim_end_marks(target, ta, ind_trim_end(target, ta, target_len));
	int			code;
	int			n;

	if (tb <= ta)
		return false;
	b = trim_end_marks(s, a, b);
	if (b - a == tb - ta && memcmp(s + a, target + ta, b - a) == 0)
		return true;
	if ((n = MATCH(s + a, b - a, reached_words, &code)) > 0)
		a = ind_skip_spaces(s, b, a + n);
	return b - a == tb - ta && b > a && memcmp(s + a, target + ta, b - a) == 0;
}

/* A deadline for the whole year, without the year: 年底前, 全年. */
static const IndWord year_end_words[] = {
	{"年底", 1}, {"年底前", 1}, {"年末", 1}, {"年末前", 1}, {"年内", 1}, {"年度内", 1},
	{"本年度内", 1}, {"当年", 1}, {"当年内", 1}, {"全年", 1}, {"年底前完成", 1}, {"年内完成", 1},
};

/*
 * A deadline that names no year: 9月前, 12月底前, 11月30日前 (a month, then
 * what a deadline may say after it), or 年底前, 全年.  Returns the text to
 * put after "YYYY年" (or "YYYY年底" for the whole year) in *rest.
 */
static bool
yearless(const char *s, int len, bool *whole_year)
{
	int			pos = ind_skip_spaces(s, len, 0);
	int			end = ind_trim_end(s, pos, len);
	int			code;
	int			p = pos;
	int			m;

	*whole_year = false;
	if (MATCH(s + pos, end - pos, year_end_words, &code) == end - pos && end > pos)
	{
		*whole_year = true;
		return true;
	}
	m = read_int(s, end, &p);
	return m >= 1 && m <= 12 && MATCH(s + p, end - p, month_mark, &code) > 0;
}

bool
ind_is_yearless_deadline(const char *s, int len)
{
	bool		whole;
	IndDeadline dl;

	/* the words after the month must make a deadline once a year is there */
	return yearless(s, len, &whole) && ind_parse_deadline_in(s, len, 2000, &dl);
}

/*
 * A deadline, taking year for the year a deadline does not name (9月前 in a
 * 2022 sheet is 2022年9月前).  A deadline that names its year is read as it
 * is; year 0 reads only those.
 */
bool
ind_parse_deadline_in(const char *s, int len, int year, IndDeadline *dl)
{
	char		buf[128];
	bool		whole;
	int			n;

	if (ind_parse_deadline(s, len, dl))
		return true;
	if (year < 1900 || year > 2999 || len > 96 || !yearless(s, len, &whole))
		return false;
	if (whole)
		n = snprintf(buf, sizeof(buf), "%d年底", year);
	else
		n = snprintf(buf, sizeof(buf), "%d年%.*s", year, len, s);
	return ind_parse_deadline(buf, n, dl);
}
