/*
 * literal.c
 *		Reading and writing indicator specifications.
 *
 * Grammar of a literal (blanks are ASCII or ideographic spaces and tabs,
 * optional between tokens):
 *
 *		literal := [nature] quantitative | 定性 [text]
 *		quantitative := [comparator] number [unit]
 *					 | [区间] number [unit] range-sep number [unit]
 *					 | [区间] '[' number sep number ']' [unit]
 *
 * A nature without a comparator implies one (正向: >=, 反向: <=); a
 * comparator without a nature implies the nature (>=, >, = and ranges:
 * 正向; <= and <: 反向).  After 定性 the rest is kept verbatim as the
 * target text, unless it starts with a comparator, in which case it is read
 * as a quantitative target of qualitative nature (messy tables do that).
 *
 * Pure code: everything points into the caller's buffer or the static
 * vocabularies below; errors are returned in an IndError.
 */
#include "postgres.h"

#include "literal.h"
#include "scan.h"

#define NATURE_UNSPECIFIED 0
#define NATURE_QUANTITATIVE 4	/* 定量: a number follows, direction from the comparator */

/* Every spelling of a nature; longest match wins.  Add spellings freely. */
static const IndWord nature_words[] = {
	{"正向", IND_NATURE_POSITIVE},
	{"正向指标", IND_NATURE_POSITIVE},
	{"positive", IND_NATURE_POSITIVE},
	{"反向", IND_NATURE_NEGATIVE},
	{"反向指标", IND_NATURE_NEGATIVE},
	{"逆向", IND_NATURE_NEGATIVE},
	{"negative", IND_NATURE_NEGATIVE},
	{"定性", IND_NATURE_QUALITATIVE},
	{"定性指标", IND_NATURE_QUALITATIVE},
	{"qualitative", IND_NATURE_QUALITATIVE},
	/* 定量 says "quantitative" and leaves the direction to the comparator */
	{"定量", NATURE_QUANTITATIVE},
	{"定量指标", NATURE_QUANTITATIVE},
};

/* Every spelling of a comparator; longest match wins. */
static const IndWord comparator_words[] = {
	{">=", IND_OP_GE}, {"≥", IND_OP_GE}, {"≧", IND_OP_GE}, {"⩾", IND_OP_GE},
	{"＞＝", IND_OP_GE}, {"＞=", IND_OP_GE}, {">＝", IND_OP_GE},
	{"大于等于", IND_OP_GE}, {"大于或等于", IND_OP_GE}, {"不低于", IND_OP_GE},
	{"不少于", IND_OP_GE}, {"不小于", IND_OP_GE}, {"至少", IND_OP_GE},
	{">", IND_OP_GT}, {"＞", IND_OP_GT}, {"大于", IND_OP_GT},
	{"高于", IND_OP_GT}, {"多于", IND_OP_GT}, {"超过", IND_OP_GT},
	{"=", IND_OP_EQ}, {"==", IND_OP_EQ}, {"＝", IND_OP_EQ}, {"等于", IND_OP_EQ},
	/* box-drawing and angle-quote look-alikes, as OCR and Word symbols print them */
	{"═", IND_OP_EQ}, {"‹=", IND_OP_LE}, {"‹＝", IND_OP_LE}, {"‹", IND_OP_LT},
	{"›=", IND_OP_GE}, {"›＝", IND_OP_GE}, {"›", IND_OP_GT},
	{"<", IND_OP_LT}, {"＜", IND_OP_LT}, {"小于", IND_OP_LT},
	{"低于", IND_OP_LT}, {"少于", IND_OP_LT},
	{"<=", IND_OP_LE}, {"≤", IND_OP_LE}, {"≦", IND_OP_LE}, {"⩽", IND_OP_LE},
	{"＜＝", IND_OP_LE}, {"＜=", IND_OP_LE}, {"<＝", IND_OP_LE},
	{"小于等于", IND_OP_LE}, {"小于或等于", IND_OP_LE}, {"不高于", IND_OP_LE},
	{"不多于", IND_OP_LE}, {"不大于", IND_OP_LE}, {"不超过", IND_OP_LE},
	{"至多", IND_OP_LE},
	{"区间", IND_OP_RANGE}, {"介于", IND_OP_RANGE}, {"范围", IND_OP_RANGE},
	{"between", IND_OP_RANGE},
};

/* Separators between the bounds of a range written without brackets. */
static const IndWord range_separators[] = {
	{"～", 1}, {"~", 1}, {"〜", 1}, {"-", 1}, {"－", 1}, {"—", 1}, {"–", 1},
	{"至", 1}, {"到", 1},
};

/* Brackets and separators of the "[95, 100]" form. */
static const IndWord open_brackets[] = {{"[", 1}, {"［", 1}, {"【", 1}};
static const IndWord close_brackets[] = {{"]", 1}, {"］", 1}, {"】", 1}};
static const IndWord bracket_separators[] = {
	{",", 1}, {"，", 1}, {";", 1}, {"；", 1}, {"～", 1}, {"~", 1}, {"、", 1},
};

/* Punctuation that cannot start a unit: it belongs to a number or a range. */
static const IndWord unit_bad_starts[] = {
	{",", 1}, {"，", 1}, {";", 1}, {"；", 1}, {"～", 1}, {"~", 1}, {"〜", 1}, {".", 1},
	{"．", 1}, {":", 1}, {"：", 1}, {"/", 1}, {"／", 1}, {"、", 1}, {"-", 1}, {"－", 1},
	{"—", 1}, {"–", 1},
};

/* Characters that belong to comparators and so never to a unit. */
static const IndWord comparator_chars[] = {
	{"<", 1}, {">", 1}, {"=", 1}, {"≥", 1}, {"≤", 1}, {"≧", 1}, {"≦", 1},
	{"⩾", 1}, {"⩽", 1}, {"＜", 1}, {"＞", 1}, {"＝", 1}, {"═", 1}, {"‹", 1}, {"›", 1},
};

static IndWordSet nature_words_set = IND_WORD_SET(nature_words);
static IndWordSet comparator_words_set = IND_WORD_SET(comparator_words);
static IndWordSet range_separators_set = IND_WORD_SET(range_separators);
static IndWordSet open_brackets_set = IND_WORD_SET(open_brackets);
static IndWordSet close_brackets_set = IND_WORD_SET(close_brackets);
static IndWordSet bracket_separators_set = IND_WORD_SET(bracket_separators);
static IndWordSet unit_bad_starts_set = IND_WORD_SET(unit_bad_starts);
static IndWordSet comparator_chars_set = IND_WORD_SET(comparator_chars);

#define MATCH(s, len, tab, code) ind_match_word_set((s), (len), &tab##_set, (code))

static const char *const nature_names[] = {NULL, "正向", "反向", "定性"};
static const char *const comparator_symbols[] = {
	NULL, ">=", ">", "=", "<", "<=", "区间"
};

const char *
ind_nature_name(IndNature n)
{
	return (n >= IND_NATURE_POSITIVE && n <= IND_NATURE_QUALITATIVE) ? nature_names[n] : NULL;
}

const char *
ind_comparator_symbol(IndComparator c)
{
	return (c > IND_OP_NONE && c <= IND_OP_MAX) ? comparator_symbols[c] : NULL;
}

/* Does s start with something ind_decimal_parse accepts? */
static bool
starts_number(const char *s, int len)
{
	IndDecimal	d;
	int			n;
	IndDecStatus st = ind_decimal_parse(s, len, true, &n, &d);

	return st != IND_DEC_NOT_A_NUMBER;
}

/* Read one number at s[pos..end), reporting parse failures. */
static IndStatus
read_number(const char *s, int pos, int end, bool grouping, int *next,
			IndDecimal *d, IndError *err)
{
	int			n;

	switch (ind_decimal_parse(s + pos, end - pos, grouping, &n, d))
	{
		case IND_DEC_OK:
			if (ind_decimal_exponent_follows(s + pos + n, end - pos - n))
				return ind_fail_token(err, IND_ERR_SYNTAX,
									  "Scientific notation \"%s\" is not read; write the target out in digits.",
									  s + pos, end - pos);
			*next = pos + n;
			return IND_OK;
		case IND_DEC_NOT_A_NUMBER:
			if (pos >= end)
				return ind_failf(err, IND_ERR_SYNTAX, "The target value is missing.");
			return ind_fail_token(err, IND_ERR_SYNTAX,
								  "Expected a number for the target, found \"%s\".",
								  s + pos, end - pos);
		case IND_DEC_BAD_GROUPING:
			return ind_fail_token(err, IND_ERR_SYNTAX,
								  "Misplaced thousands separator in \"%s\": write 5,000 or 5000.",
								  s + pos, n);
		case IND_DEC_OUT_OF_RANGE:
			return ind_fail_token(err, IND_ERR_RANGE,
								  "The number \"%s\" has more than 18 significant digits.",
								  s + pos, n);
	}
	return IND_ERR_SYNTAX;		/* keep compilers quiet */
}

/*
 * Check unit text s[start..end) (trimmed) and store its canonical spelling
 * in *spec.  An empty unit means "no unit".
 */
static IndStatus
set_unit(IndSpec *spec, const char *s, int start, int end, IndError *err)
{
	int			len = end - start;
	int			pos;
	bool		known;

	spec->unit = NULL;
	spec->unit_len = 0;
	if (len <= 0)
		return IND_OK;
	if (len > IND_MAX_UNIT_BYTES)
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "The unit \"%s\" is longer than " CppAsString2(IND_MAX_UNIT_BYTES) " bytes; write a long target as 定性 text.",
							  s + start, len);
	if (starts_number(s + start, len))
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "Unexpected number \"%s\" after the target.", s + start, len);
	{
		const char *misspelt = ind_unit_misspelling(s + start, len);

		if (misspelt != NULL)
			return ind_fail_token(err, IND_ERR_SYNTAX, misspelt, s + start, len);
	}
	{
		int			code;

		if (MATCH(s + start, len, unit_bad_starts, &code) > 0)
			return ind_fail_token(err, IND_ERR_SYNTAX,
								  "Unexpected \"%s\" after the target; a unit cannot start with punctuation.",
								  s + start, len);
	}
	for (pos = start; pos < end; pos += ind_char_len(s + pos, end - pos))
	{
		int			code;

		if (MATCH(s + pos, end - pos, comparator_chars, &code) > 0)
			return ind_fail_token(err, IND_ERR_SYNTAX,
								  "Unexpected comparator \"%s\" after the target.", s + pos, end - pos);
	}
	spec->unit_len = ind_unit_canonical(s + start, len, spec->unit_buf, &known);
	spec->unit = spec->unit_buf;

	/*
	 * Units never contain blanks, except around the slash of a catalogue rate
	 * ("条 / 天").  A blank inside is a sign of something else glued on, such
	 * as the weight column: "次 6".
	 */
	if (!known)
	{
		for (pos = start; pos < end; pos += ind_char_len(s + pos, end - pos))
		{
			int			n = ind_space_len(s + pos, end - pos);

			if (n > 0)
			{
				int			next = ind_skip_spaces(s, end, pos);

				return ind_fail_token(err, IND_ERR_SYNTAX,
									  "Unexpected \"%s\" after the unit; units contain no blanks.",
									  s + next, end - next);
			}
		}
	}
	return IND_OK;
}

/* Units of the two bounds of a range must agree; keep the one given. */
static IndStatus
merge_range_units(IndSpec *spec, const char *s, int u1start, int u1end,
				  int u2start, int u2end, IndError *err)
{
	IndStatus	st;
	char		first[IND_MAX_UNIT_BYTES + 1];
	int			firstlen;

	st = set_unit(spec, s, u1start, u1end, err);
	if (st != IND_OK)
		return st;
	firstlen = spec->unit_len;
	memcpy(first, spec->unit_buf, firstlen);

	st = set_unit(spec, s, u2start, u2end, err);
	if (st != IND_OK)
		return st;
	if (firstlen == 0)
		return IND_OK;
	if (spec->unit_len != 0 &&
		(spec->unit_len != firstlen || memcmp(spec->unit, first, firstlen) != 0))
	{
		first[firstlen] = '\0';
		err->status = IND_ERR_SYNTAX;
		snprintf(err->detail, sizeof(err->detail),
				 "The bounds of the range have different units, \"%s\" and \"%s\".",
				 first, spec->unit_buf);
		return IND_ERR_SYNTAX;
	}
	memcpy(spec->unit_buf, first, firstlen);
	spec->unit_buf[firstlen] = '\0';
	spec->unit = spec->unit_buf;
	spec->unit_len = firstlen;
	return IND_OK;
}

/* Read "[lo, hi] unit" starting at the bracket. */
static IndStatus
read_bracket_range(const char *s, int pos, int end, IndSpec *spec, IndError *err)
{
	int			code;
	int			n;
	IndStatus	st;

	pos += MATCH(s + pos, end - pos, open_brackets, &code);
	pos = ind_skip_spaces(s, end, pos);
	st = read_number(s, pos, end, false, &pos, &spec->lo, err);
	if (st != IND_OK)
		return st;
	pos = ind_skip_spaces(s, end, pos);
	n = MATCH(s + pos, end - pos, bracket_separators, &code);
	if (n == 0)
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "Expected \",\" between the bounds of the range, found \"%s\".",
							  s + pos, end - pos);
	pos = ind_skip_spaces(s, end, pos + n);
	st = read_number(s, pos, end, false, &pos, &spec->hi, err);
	if (st != IND_OK)
		return st;
	pos = ind_skip_spaces(s, end, pos);
	n = MATCH(s + pos, end - pos, close_brackets, &code);
	if (n == 0)
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "Expected \"]\" to close the range, found \"%s\".", s + pos, end - pos);
	pos = ind_skip_spaces(s, end, pos + n);
	spec->op = IND_OP_RANGE;
	return set_unit(spec, s, pos, end, err);
}

/*
 * After "lo [unit]": a range separator followed by a number makes a range.
 * Returns the separator position or -1.
 */
static int
find_range_separator(const char *s, int pos, int end, int *seplen)
{
	while (pos < end)
	{
		int			code;
		int			n = MATCH(s + pos, end - pos, range_separators, &code);

		if (n > 0)
		{
			int			q = ind_skip_spaces(s, end, pos + n);

			if (q < end && starts_number(s + q, end - q))
			{
				*seplen = n;
				return pos;
			}
		}
		pos += ind_char_len(s + pos, end - pos);
	}
	return -1;
}

/*
 * Read a quantitative target at s[pos..end): [comparator] then the target
 * and unit.  preset is a comparator already read elsewhere (the comparator
 * column of a table) or IND_OP_NONE.  spec->op is IND_OP_NONE on return
 * when no comparator was found; the caller decides what that means.
 */
static IndStatus
read_quantitative(const char *s, int pos, int end, IndComparator preset,
				  IndSpec *spec, IndError *err)
{
	int			code;
	int			n;
	int			after;
	int			sep;
	int			seplen = 0;
	IndStatus	st;

	spec->op = preset;
	n = MATCH(s + pos, end - pos, comparator_words, &code);
	if (n > 0)
	{
		if (preset != IND_OP_NONE && (IndComparator) code != preset)
			return ind_fail_token(err, IND_ERR_SYNTAX,
								  "The target \"%s\" repeats a different comparator.", s + pos, end - pos);
		spec->op = (IndComparator) code;
		pos = ind_skip_spaces(s, end, pos + n);
	}

	if (MATCH(s + pos, end - pos, open_brackets, &code) > 0)
	{
		if (spec->op != IND_OP_NONE && spec->op != IND_OP_RANGE)
			return ind_fail_token(err, IND_ERR_SYNTAX,
								  "A range \"%s\" cannot follow a comparator.", s + pos, end - pos);
		return read_bracket_range(s, pos, end, spec, err);
	}

	st = read_number(s, pos, end, true, &after, &spec->lo, err);
	if (st != IND_OK)
		return st;

	if (spec->op == IND_OP_NONE || spec->op == IND_OP_RANGE)
	{
		sep = find_range_separator(s, after, end, &seplen);
		if (sep >= 0)
		{
			int			u1start = ind_skip_spaces(s, end, after);
			int			u1end = ind_trim_end(s, u1start, sep);
			int			hipos = ind_skip_spaces(s, end, sep + seplen);
			int			u2start;

			st = read_number(s, hipos, end, true, &after, &spec->hi, err);
			if (st != IND_OK)
				return st;
			u2start = ind_skip_spaces(s, end, after);
			spec->op = IND_OP_RANGE;
			return merge_range_units(spec, s, u1start, u1end, u2start,
									 ind_trim_end(s, u2start, end), err);
		}
		if (spec->op == IND_OP_RANGE)
			return ind_fail_token(err, IND_ERR_SYNTAX,
								  "A range needs two bounds, as in \"95～100\"; found \"%s\".",
								  s + pos, end - pos);
	}
	after = ind_skip_spaces(s, end, after);
	return set_unit(spec, s, after, ind_trim_end(s, after, end), err);
}

/* Fill in whichever of nature and comparator the text left out. */
static IndStatus
complete_spec(IndSpec *spec, int nature, IndError *err)
{
	if (spec->op == IND_OP_NONE)
	{
		if (nature == IND_NATURE_POSITIVE)
			spec->op = IND_OP_GE;
		else if (nature == IND_NATURE_NEGATIVE)
			spec->op = IND_OP_LE;
		else
			return ind_failf(err, IND_ERR_SYNTAX,
							 "No comparator or nature before the target.");
	}
	if (nature == NATURE_UNSPECIFIED || nature == NATURE_QUANTITATIVE)
		nature = (spec->op == IND_OP_LE || spec->op == IND_OP_LT) ?
			IND_NATURE_NEGATIVE : IND_NATURE_POSITIVE;
	spec->nature = (IndNature) nature;
	return ind_check_spec(spec, err);
}

/*
 * Keep s[start..end) as a qualitative target text, trimmed: blanks at its
 * ends would not survive the text form (cells glued together can create
 * one, as "\xC2" + "\xA0" makes a no-break space).
 */
static IndStatus
set_text(IndSpec *spec, const char *s, int start, int end, IndError *err)
{
	start = ind_skip_spaces(s, end, start);
	end = ind_trim_end(s, start, end);
	spec->nature = IND_NATURE_QUALITATIVE;
	spec->op = IND_OP_NONE;
	spec->unit = NULL;
	spec->unit_len = 0;
	spec->text = s + start;
	spec->text_len = end - start;
	return ind_check_spec(spec, err);
}

/*
 * After 定性: a comparator-led quantitative target, or else verbatim text.
 * Trying the first and falling back keeps "定性 =良好" as text while reading
 * "定性 >= 90 %" as a number.
 */
static IndStatus
read_after_qualitative(const char *s, int pos, int end, IndSpec *spec, IndError *err)
{
	int			code;

	/*
	 * Trim first, as set_text() will: cells glued together can start with a
	 * blank made of two halves ("\xC2" + "\xA0≥552"), and the comparator
	 * behind it must be seen now, not only when the text form is read back.
	 */
	pos = ind_skip_spaces(s, end, pos);
	end = ind_trim_end(s, pos, end);
	if (MATCH(s + pos, end - pos, comparator_words, &code) > 0)
	{
		IndSpec		trial;
		IndError	ignored;

		memset(&trial, 0, sizeof(trial));
		if (read_quantitative(s, pos, end, IND_OP_NONE, &trial, &ignored) == IND_OK &&
			trial.op != IND_OP_NONE)
		{
			*spec = trial;
			if (spec->unit != NULL)
				spec->unit = spec->unit_buf;
			spec->nature = IND_NATURE_QUALITATIVE;
			return ind_check_spec(spec, err);
		}
	}
	return set_text(spec, s, pos, end, err);
}

/* Read a whole literal, e.g. "正向 大于等于 10 次", "≤60万元", "定性 有效提高". */
IndStatus
ind_parse_literal(const char *s, int len, IndSpec *spec, IndError *err)
{
	int			start;
	int			end;
	int			pos;
	int			nature = NATURE_UNSPECIFIED;
	int			n;
	int			code;
	IndStatus	st;

	memset(spec, 0, sizeof(*spec));
	err->status = IND_OK;
	err->detail[0] = '\0';
	if (len > IND_MAX_INPUT_BYTES)
		return ind_failf(err, IND_ERR_TOO_LONG,
						 "The value is longer than %d kB; no indicator is that long.",
						 IND_MAX_INPUT_BYTES / 1024);
	start = ind_skip_spaces(s, len, 0);
	end = ind_trim_end(s, start, len);
	pos = start;

	if (start >= end)
		return ind_failf(err, IND_ERR_SYNTAX, "The value is empty.");

	n = MATCH(s + pos, end - pos, nature_words, &nature);
	if (n > 0)
		pos = ind_skip_spaces(s, end, pos + n);

	if (nature == IND_NATURE_QUALITATIVE)
		return read_after_qualitative(s, pos, end, spec, err);

	if (pos >= end)
		return ind_failf(err, IND_ERR_SYNTAX, "The target value is missing.");
	if (n == 0 && MATCH(s + pos, end - pos, comparator_words, &code) == 0 &&
		!starts_number(s + pos, end - pos) &&
		MATCH(s + pos, end - pos, open_brackets, &code) == 0)
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "\"%s\" is not a nature, comparator or number.", s + pos, end - pos);

	st = read_quantitative(s, pos, end, IND_OP_NONE, spec, err);
	if (st != IND_OK)
		return st;
	return complete_spec(spec, nature, err);
}

/* A table cell, trimmed: s[start..end).  A NULL cell is an empty one. */
typedef struct Cell
{
	const char *s;
	int			start;
	int			end;
} Cell;

static Cell
trimmed_cell(const char *s, int len)
{
	Cell		c;

	/* "" keeps pointer arithmetic defined */
	c.s = (s != NULL) ? s : "";
	if (s == NULL)
		len = 0;
	c.start = ind_skip_spaces(c.s, len, 0);
	c.end = ind_trim_end(c.s, c.start, len);
	return c;
}

#define CELL_EMPTY(c)	((c).end <= (c).start)
#define CELL_LEN(c)		((c).end - (c).start)
#define CELL_TEXT(c)	((c).s + (c).start)

/* A whole cell that must be one word of a vocabulary; *code is kept when empty. */
static IndStatus
read_word_cell(Cell c, const IndWord *words, int nwords, int *code, const char *complaint,
			   IndError *err)
{
	if (CELL_EMPTY(c))
		return IND_OK;
	if (ind_match_word(CELL_TEXT(c), CELL_LEN(c), words, nwords, code) != CELL_LEN(c))
		return ind_fail_cell(err, IND_ERR_SYNTAX, complaint, CELL_TEXT(c), CELL_LEN(c));
	return IND_OK;
}

/* Is the target cell text, not a number or a comparator-led target? */
static bool
is_text_target(Cell t)
{
	int			code;

	return !CELL_EMPTY(t) &&
		MATCH(CELL_TEXT(t), CELL_LEN(t), comparator_words, &code) == 0 &&
		MATCH(CELL_TEXT(t), CELL_LEN(t), open_brackets, &code) == 0 &&
		!starts_number(CELL_TEXT(t), CELL_LEN(t));
}

/*
 * A text target.  A unit cell beside it is part of what the table says
 * ("365" and "天"), so it is appended, never dropped.
 */
static IndStatus
read_text_columns(Cell t, Cell u, char *textbuf, IndSpec *spec, IndError *err)
{
	int			tl = CELL_LEN(t);
	int			ul = CELL_LEN(u);

	if (CELL_EMPTY(u))
		return read_after_qualitative(t.s, t.start, t.end, spec, err);
	if (tl + ul > IND_MAX_TEXT_BYTES)
		return ind_failf(err, IND_ERR_TOO_LONG,
						 "The target text is longer than %d bytes.", IND_MAX_TEXT_BYTES);
	if (tl > 0)
		memcpy(textbuf, CELL_TEXT(t), tl);
	memcpy(textbuf + tl, CELL_TEXT(u), ul);
	textbuf[tl + ul] = '\0';
	return read_after_qualitative(textbuf, 0, tl + ul, spec, err);
}

/* The unit column of a quantitative target: it must agree with the target's own. */
static IndStatus
merge_unit_column(Cell u, IndSpec *spec, IndError *err)
{
	IndSpec		unitonly;
	IndStatus	st;

	if (CELL_EMPTY(u))
		return IND_OK;
	memset(&unitonly, 0, sizeof(unitonly));
	st = set_unit(&unitonly, u.s, u.start, u.end, err);
	if (st != IND_OK)
		return st;
	if (spec->unit_len > 0 &&
		(spec->unit_len != unitonly.unit_len ||
		 memcmp(spec->unit, unitonly.unit_buf, spec->unit_len) != 0))
		return ind_fail_cell(err, IND_ERR_SYNTAX,
							 "The unit column \"%s\" disagrees with the unit written in the target.",
							 CELL_TEXT(u), CELL_LEN(u));
	memcpy(spec->unit_buf, unitonly.unit_buf, unitonly.unit_len + 1);
	spec->unit = spec->unit_buf;
	spec->unit_len = unitonly.unit_len;
	return IND_OK;
}

/*
 * Build a specification from a goal table's four columns (指标性质,
 * 指标方向, 目标值, 计量单位).  NULL or empty comparator and unit cells are
 * allowed; the target cell may also hold a combined value such as "≥95%".
 */
IndStatus
ind_parse_columns(const char *ns, int nlen, const char *cs, int clen,
				  const char *ts, int tlen, const char *us, int ulen,
				  char *textbuf, IndSpec *spec, IndError *err)
{
	Cell		n,
				c,
				t,
				u;
	int			nature = NATURE_UNSPECIFIED;
	int			op = IND_OP_NONE;
	IndStatus	st;

	if ((int64) nlen + clen + tlen + ulen > IND_MAX_INPUT_BYTES)
		return ind_failf(err, IND_ERR_TOO_LONG,
						 "The cells are longer than %d kB together; no indicator is that long.",
						 IND_MAX_INPUT_BYTES / 1024);
	n = trimmed_cell(ns, nlen);
	c = trimmed_cell(cs, clen);
	t = trimmed_cell(ts, tlen);
	u = trimmed_cell(us, ulen);
	memset(spec, 0, sizeof(*spec));
	err->status = IND_OK;
	err->detail[0] = '\0';

	if ((st = read_word_cell(n, nature_words, lengthof(nature_words), &nature,
							 "\"%s\" in the nature column is not 正向, 反向 or 定性.", err)) != IND_OK ||
		(st = read_word_cell(c, comparator_words, lengthof(comparator_words), &op,
							 "\"%s\" in the comparator column is not a comparator.", err)) != IND_OK)
		return st;

	if (op == IND_OP_NONE &&
		(nature == IND_NATURE_QUALITATIVE ||
		 (nature == NATURE_UNSPECIFIED && is_text_target(t))))
		return read_text_columns(t, u, textbuf, spec, err);

	if (CELL_EMPTY(t))
		return ind_failf(err, IND_ERR_SYNTAX, "The target column is empty.");
	if ((st = read_quantitative(t.s, t.start, t.end, (IndComparator) op, spec, err)) != IND_OK ||
		(st = merge_unit_column(u, spec, err)) != IND_OK)
		return st;
	return complete_spec(spec, nature, err);
}

/*
 * Semantic checks shared by every way a value is made (text, columns,
 * binary): the combination of fields must be one the text reader could
 * have produced.
 */
IndStatus
ind_check_spec(IndSpec *spec, IndError *err)
{
	if (spec->nature < IND_NATURE_POSITIVE || spec->nature > IND_NATURE_QUALITATIVE)
		return ind_failf(err, IND_ERR_SYNTAX, "Unknown nature.");
	if (spec->op == IND_OP_NONE)
	{
		if (spec->nature != IND_NATURE_QUALITATIVE)
			return ind_failf(err, IND_ERR_SYNTAX, "A text target needs the nature 定性.");
		if (spec->text_len > IND_MAX_TEXT_BYTES)
			return ind_failf(err, IND_ERR_TOO_LONG,
							 "The target text is longer than %d bytes.", IND_MAX_TEXT_BYTES);
		return IND_OK;
	}
	if (spec->op > IND_OP_MAX)
		return ind_failf(err, IND_ERR_SYNTAX, "Unknown comparator.");
	if (spec->op == IND_OP_RANGE && ind_decimal_cmp(spec->lo, spec->hi) > 0)
	{
		char		buf[IND_DEC_BUFLEN];

		ind_decimal_format(spec->lo, buf);
		return ind_fail_token(err, IND_ERR_SYNTAX,
							  "The lower bound %s of the range is greater than the upper bound.",
							  buf, (int) strlen(buf));
	}
	if (spec->op == IND_OP_RANGE)
	{
		/* the bounds are stored at one scale; both must fit there */
		int			scale = Max(spec->lo.scale, spec->hi.scale);
		int64		m;

		if (!ind_decimal_rescale(spec->lo, scale, &m) ||
			!ind_decimal_rescale(spec->hi, scale, &m))
			return ind_failf(err, IND_ERR_RANGE,
							 "The bounds of the range need more than 18 digits at a common scale.");
	}
	return IND_OK;
}

/* Longest text ind_format() can write for spec, including the terminator. */
int
ind_format_length(const IndSpec *spec)
{
	return 32 + 2 * IND_DEC_BUFLEN + spec->unit_len + spec->text_len;
}

/* The target alone: "10", "95～100" or the qualitative text. */
int
ind_format_target(const IndSpec *spec, char *buf)
{
	int			len;

	if (spec->op == IND_OP_NONE)
	{
		if (spec->text_len > 0)
			memcpy(buf, spec->text, spec->text_len);
		buf[spec->text_len] = '\0';
		return spec->text_len;
	}
	len = ind_decimal_format(spec->lo, buf);
	if (spec->op == IND_OP_RANGE)
	{
		memcpy(buf + len, "～", 3);
		len += 3;
		len += ind_decimal_format(spec->hi, buf + len);
	}
	return len;
}

/*
 * The canonical text: "正向 >= 10 次", "反向 <= 60 万元", "正向 95～100 %",
 * "定性 有效提高".  ASCII comparators because they render at one width in
 * every terminal and BI grid; nature words because that is how the tables
 * name the direction.
 */
int
ind_format(const IndSpec *spec, char *buf)
{
	const char *nat = ind_nature_name(spec->nature);
	int			len = (int) strlen(nat);

	memcpy(buf, nat, len);
	if (spec->op == IND_OP_NONE)
	{
		if (spec->text_len > 0)
		{
			buf[len++] = ' ';
			memcpy(buf + len, spec->text, spec->text_len);
			len += spec->text_len;
		}
		buf[len] = '\0';
		return len;
	}
	buf[len++] = ' ';
	/* a range needs its marker only where the nature alone cannot imply it */
	if (spec->op != IND_OP_RANGE || spec->nature == IND_NATURE_QUALITATIVE)
	{
		const char *sym = ind_comparator_symbol(spec->op);
		int			n = (int) strlen(sym);

		memcpy(buf + len, sym, n);
		len += n;
		buf[len++] = ' ';
	}
	len += ind_format_target(spec, buf + len);
	if (spec->unit_len > 0)
	{
		buf[len++] = ' ';
		memcpy(buf + len, spec->unit, spec->unit_len);
		len += spec->unit_len;
	}
	buf[len] = '\0';
	return len;
}

/* Is the whole of s a nature word (正向, 反向指标, 定性 ...)? */
bool
ind_is_nature_word(const char *s, int len)
{
	int			code;

	return len > 0 && MATCH(s, len, nature_words, &code) == len;
}

/* Is the whole of s a comparator word or symbol (大于等于, ≥, 区间 ...)? */
bool
ind_is_comparator_word(const char *s, int len)
{
	int			code;

	return len > 0 && MATCH(s, len, comparator_words, &code) == len;
}

/* The length of a comparator word at the start of s (≥, 大于等于, >=), or 0. */
int
ind_comparator_prefix(const char *s, int len)
{
	int			code;

	return len > 0 ? MATCH(s, len, comparator_words, &code) : 0;
}

/* Does s read as a combined target cell: "≥95%", "≤90万元", "95%～100%"? */
bool
ind_is_combined_target(const char *s, int len)
{
	IndSpec		spec;
	IndError	err;
	int			code;

	if (MATCH(s, len, comparator_words, &code) == 0 && MATCH(s, len, open_brackets, &code) == 0 &&
		!starts_number(s, len))
		return false;
	if (ind_parse_literal(s, len, &spec, &err) != IND_OK)
		return false;
	/* a bare number is a weight, not a target: it needs a comparator or a range */
	return MATCH(s, len, comparator_words, &code) > 0 || spec.op == IND_OP_RANGE;
}
