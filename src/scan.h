/*
 * scan.h
 *		Byte-level helpers shared by every reader of table text: UTF-8
 *		character lengths, the whitespace of exported tables, and longest-match
 *		lookup in vocabulary tables.
 */
#ifndef INDICATOR_SCAN_H
#define INDICATOR_SCAN_H

#include "postgres.h"

/* One spelling of a vocabulary item and the code it stands for. */
typedef struct IndWord
{
	const char *spelling;
	int			code;
} IndWord;

extern int	ind_char_len(const char *s, int len);
extern int	ind_space_len(const char *s, int len);
extern int	ind_skip_spaces(const char *s, int len, int pos);
extern int	ind_trim_end(const char *s, int start, int end);
extern int	ind_match_word(const char *s, int len, const IndWord *words,
						   int nwords, int *code);

/*
 * A vocabulary table indexed by the byte its words start with (ASCII
 * letters folded), built on first use: a reader tries a table at many
 * positions, and most start with a byte no word does (the digits of a
 * number, the characters of a unit) or with one only a few words do.
 */
#define IND_WORD_SET_MAX 128

typedef struct IndWordSet
{
	const IndWord *words;
	int			nwords;
	bool		ready;
	uint8		order[IND_WORD_SET_MAX];	/* word indexes by first byte */
	uint8		begin[257];		/* order[begin[b] .. begin[b + 1]) start with b */
} IndWordSet;

#define IND_WORD_SET(tab) {(tab), lengthof(tab), false, {0}, {0}}

extern int	ind_match_word_set(const char *s, int len, IndWordSet *set, int *code);
extern int	ind_clip_token(const char *s, int len, int maxchars, bool stop_at_blank,
						   bool *cut);
extern bool ind_contains(const char *s, int len, const char *w);
extern bool ind_is_dash(const char *s, int len);
extern int	ind_utf8_whole(const char *buf, int len);

#endif							/* INDICATOR_SCAN_H */
