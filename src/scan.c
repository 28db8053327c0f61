/*
 * scan.c
 *		UTF-8 scanning helpers for the literal, unit and table readers.
 *
 * Everything here takes an explicit length and never reads past it, so the
 * callers may hand in slices of larger buffers (and fuzzers may hand in
 * anything).
 */
#include "postgres.h"

#include "scan.h"

/*
 * Byte length of the character at s: 1 for ASCII and for any byte that does
 * not start a well-formed sequence (so scanning always advances), otherwise
 * the length of the UTF-8 sequence.
 */
int
ind_char_len(const char *str, int len)
{
	const unsigned char *s = (const unsigned char *) str;
	int			n;
	int			i;

	if (len <= 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xE0) == 0xC0)
		n = 2;
	else if ((s[0] & 0xF0) == 0xE0)
		n = 3;
	else if ((s[0] & 0xF8) == 0xF0)
		n = 4;
	else
		return 1;
	if (n > len)
		return 1;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/*
 * Byte length of the whitespace character at s, or 0.  Exported tables use
 * ASCII blanks, tabs and line ends, the ideographic space U+3000 and the
 * no-break space U+00A0; a UTF-8 byte-order mark counts as blank too.
 */
int
ind_space_len(const char *str, int len)
{
	const unsigned char *s = (const unsigned char *) str;

	if (len <= 0)
		return 0;
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' ||
		s[0] == '\v' || s[0] == '\f')
		return 1;
	if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (len >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		return 3;
	return 0;
}

/* Position of the first non-blank byte at or after pos. */
int
ind_skip_spaces(const char *s, int len, int pos)
{
	int			n;

	while (pos < len && (n = ind_space_len(s + pos, len - pos)) > 0)
		pos += n;
	return pos;
}

/* End of s[start..end) once trailing blanks are removed. */
int
ind_trim_end(const char *s, int start, int end)
{
	int			pos = start;
	int			last = start;

	/* walk forward: UTF-8 cannot be scanned backwards safely by byte */
	while (pos < end)
	{
		int			n = ind_space_len(s + pos, end - pos);

		if (n > 0)
			pos += n;
		else
		{
			pos += ind_char_len(s + pos, end - pos);
			last = pos;
		}
	}
	return last;
}

static inline unsigned char
ascii_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Not isalpha(): under a single-byte locale it says yes to UTF-8 bytes. */
static inline bool
ascii_alpha(unsigned char c)
{
	c = ascii_lower(c);
	return c >= 'a' && c <= 'z';
}

/*
 * How long a match the spelling w is at the start of s[0..len), or 0.
 * ASCII letters match without regard to case.  A spelling that ends in an
 * ASCII letter must not be followed by another one, so "lt" does not match
 * the start of "ltd".
 */
static inline int
word_match_len(const char *s, int len, const char *w)
{
	int			j;

	/* the first character rules out most words before they are compared */
	if ((unsigned char) w[0] >= 0x80)
	{
		if (len < 2 || w[0] != s[0] || w[1] != s[1] ||
			((unsigned char) w[0] >= 0xE0 && (len < 3 || w[2] != s[2])))
			return 0;
	}
	else if (ascii_lower((unsigned char) w[0]) != ascii_lower((unsigned char) s[0]))
		return 0;
	/* compared up to its end or the first difference: no strlen per word */
	for (j = 0; w[j] != '\0'; j++)
		if (j >= len || ascii_lower((unsigned char) s[j]) != ascii_lower((unsigned char) w[j]))
			return 0;
	if (j == 0 ||
		(ascii_alpha((unsigned char) w[j - 1]) && j < len && ascii_alpha((unsigned char) s[j])))
		return 0;
	return j;
}

/*
 * Longest spelling in words[] that s starts with; returns its byte length and
 * sets *code, or returns 0.  Of two equally long, the first wins.
 */
int
ind_match_word(const char *s, int len, const IndWord *words, int nwords,
			   int *code)
{
	int			best = 0;
	int			i;

	if (len <= 0)
		return 0;
	for (i = 0; i < nwords; i++)
	{
		int			wl = word_match_len(s, len, words[i].spelling);

		if (wl > best)
		{
			best = wl;
			*code = words[i].code;
		}
	}
	return best;
}

/* Index a set by first byte: a counting sort of its words, stable. */
static void
build_word_set(IndWordSet *set)
{
	int			count[256] = {0};
	int			next[256];
	int			i,
				b,
				at = 0;

	for (i = 0; i < set->nwords; i++)
		count[ascii_lower((unsigned char) set->words[i].spelling[0])]++;
	for (b = 0; b < 256; b++)
	{
		set->begin[b] = (uint8) at;
		next[b] = at;
		at += count[b];
	}
	set->begin[256] = (uint8) at;
	for (i = 0; i < set->nwords; i++)
		set->order[next[ascii_lower((unsigned char) set->words[i].spelling[0])]++] = (uint8) i;
	set->ready = true;
}

/*
 * ind_match_word() over a set: only the words that start with s's first
 * byte are tried, in table order (the sort is stable), so the match and its
 * code are the ones the plain scan finds.
 */
int
ind_match_word_set(const char *s, int len, IndWordSet *set, int *code)
{
	int			best = 0;
	int			b,
				k;

	if (set->nwords > IND_WORD_SET_MAX)
		return ind_match_word(s, len, set->words, set->nwords, code);
	if (unlikely(!set->ready))
		build_word_set(set);
	if (len <= 0)
		return 0;
	b = ascii_lower((unsigned char) s[0]);
	for (k = set->begin[b]; k < set->begin[b + 1]; k++)
	{
		const IndWord *w = &set->words[set->order[k]];
		int			wl = word_match_len(s, len, w->spelling);

		if (wl > best)
		{
			best = wl;
			*code = w->code;
		}
	}
	return best;
}

/*
 * Length in bytes of at most maxchars characters of s, stopping at a blank
 * if stop_at_blank: the token an error message should quote.  *cut says
 * whether the token went on beyond maxchars, so the quote can say so.
 */
int
ind_clip_token(const char *s, int len, int maxchars, bool stop_at_blank, bool *cut)
{
	int			pos = 0;
	int			nchars = 0;

	while (pos < len && !(stop_at_blank && ind_space_len(s + pos, len - pos) > 0))
	{
		if (nchars == maxchars)
		{
			*cut = true;
			return pos;
		}
		pos += ind_char_len(s + pos, len - pos);
		nchars++;
	}
	*cut = false;
	return pos;
}

/* Does s[0..len) contain the word w? */
bool
ind_contains(const char *s, int len, const char *w)
{
	int			wl = (int) strlen(w);
	int			i;

	for (i = 0; i + wl <= len; i++)
		if (s[i] == w[0] && memcmp(s + i, w, wl) == 0)
			return true;
	return false;
}

/*
 * The length of buf[0..len) without a UTF-8 character cut at its end (by a
 * snprintf into a fixed buffer): a text that ends in half a character does
 * not load back with COPY.
 */
int
ind_utf8_whole(const char *buf, int len)
{
	int			pos = 0;

	while (pos < len)
	{
		unsigned char c = (unsigned char) buf[pos];
		int			n = (c < 0x80) ? 1 : (c < 0xE0) ? 2 : (c < 0xF0) ? 3 : 4;

		if (pos + n > len)
			break;
		pos += n;
	}
	return pos;
}

/*
 * A cell that is only the forms' mark for "nothing here": a dash (—, ——, -,
 * －, ―), a slash, 无, or 一 (OCR's reading of a dash).
 */
bool
ind_is_dash(const char *s, int len)
{
	static const char *const dashes[] = {"一", "—", "——", "―", "-", "--", "－", "/", "／", "无"};
	int			a = ind_skip_spaces(s, len, 0);
	int			b = ind_trim_end(s, a, len);
	int			i;

	for (i = 0; i < (int) lengthof(dashes); i++)
		if (b - a == (int) strlen(dashes[i]) && memcmp(s + a, dashes[i], b - a) == 0)
			return true;
	return false;
}
