/*
 * literal.h
 *		The indicator specification and its reader and writer.
 *
 * An IndSpec is one goal-table row's specification: nature, comparator,
 * target and unit.  The reader accepts every spelling real tables use; the
 * writer produces the one canonical text.  Both are pure code: errors come
 * back as an IndError for the caller to report, never as an ereport.
 */
#ifndef INDICATOR_LITERAL_H
#define INDICATOR_LITERAL_H

#include "postgres.h"

#include "decimal.h"
#include "error.h"
#include "units.h"

/* Longest qualitative target text, in bytes. */
#define IND_MAX_TEXT_BYTES	2048
/*
 * Longest input any reader looks at: far beyond every valid value, so that
 * a huge input fails at once (54000) instead of being scanned.
 */
#define IND_MAX_INPUT_BYTES	65536
/* Size of the scratch buffer ind_parse_columns() needs. */
#define IND_TEXTBUF_SIZE	(IND_MAX_TEXT_BYTES + 1)

/* The numeric codes are stored on disk: never renumber. */
typedef enum IndNature
{
	IND_NATURE_POSITIVE = 1,	/* 正向: more is better */
	IND_NATURE_NEGATIVE = 2,	/* 反向: less is better */
	IND_NATURE_QUALITATIVE = 3	/* 定性 */
} IndNature;

typedef enum IndComparator
{
	IND_OP_NONE = 0,			/* qualitative text target */
	IND_OP_GE = 1,
	IND_OP_GT = 2,
	IND_OP_EQ = 3,
	IND_OP_LT = 4,
	IND_OP_LE = 5,
	IND_OP_RANGE = 6			/* closed range lo..hi */
} IndComparator;

#define IND_OP_MAX IND_OP_RANGE

typedef struct IndSpec
{
	IndNature	nature;
	IndComparator op;
	IndDecimal	lo;				/* the target; the lower bound of a range */
	IndDecimal	hi;				/* the upper bound of a range */
	const char *unit;			/* canonical or verbatim unit, or NULL */
	int			unit_len;
	const char *text;			/* qualitative target text (IND_OP_NONE) */
	int			text_len;
	char		unit_buf[IND_MAX_UNIT_BYTES + 1];	/* backs unit when rewritten */
} IndSpec;

extern IndStatus ind_parse_literal(const char *s, int len, IndSpec *spec,
								   IndError *err);
extern IndStatus ind_parse_columns(const char *nature, int nature_len,
								   const char *cmp, int cmp_len,
								   const char *target, int target_len,
								   const char *unit, int unit_len,
								   char *textbuf, IndSpec *spec, IndError *err);
extern int	ind_format_length(const IndSpec *spec);
extern int	ind_format(const IndSpec *spec, char *buf);
extern int	ind_format_target(const IndSpec *spec, char *buf);
extern const char *ind_nature_name(IndNature n);
extern const char *ind_comparator_symbol(IndComparator c);
extern IndStatus ind_check_spec(IndSpec *spec, IndError *err);
extern bool ind_is_nature_word(const char *s, int len);
extern bool ind_is_comparator_word(const char *s, int len);
extern int	ind_comparator_prefix(const char *s, int len);
extern bool ind_is_combined_target(const char *s, int len);

#endif							/* INDICATOR_LITERAL_H */
