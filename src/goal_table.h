/*
 * goal_table.h
 *		Reading goal tables (项目支出绩效目标表) as users have them: project
 *		headers, indicator rows and the cells that fit neither.
 *
 * The reader is a pipeline (goal_table.c drives it):
 *   text -> records of cells   gt_cells.c (one reader per format)
 *        -> rows of a stream   gt_stream.c (one cell per line), gt_runon.c
 *        -> indicator rows     gt_row.c (header-driven or anchored)
 *        -> levels             gt_levels.c
 *        -> indicators         gt_row.c, infer.c
 */
#ifndef INDICATOR_GOAL_TABLE_H
#define INDICATOR_GOAL_TABLE_H

#include "postgres.h"

#include "gt_cells.h"
#include "gt_columns.h"
#include "hierarchy.h"
#include "literal.h"

typedef struct GtSlice
{
	const char *s;
	int			len;
} GtSlice;

typedef struct GtProject
{
	int			line;			/* where the table starts */
	GtSlice		title;
	GtSlice		field[GT_NFIELDS];
} GtProject;

/* A level label as printed (joined when split over two cells) and what it names. */
#define GT_LABEL_BYTES 96
typedef struct GtLabel
{
	const IndLevel *level;		/* NULL: no label */
	int			len;
	char		printed[GT_LABEL_BYTES];
} GtLabel;

/* What the reader did to a row, for the import_note column (bits). */
typedef enum GtRowNote
{
	GT_NOTE_SERIAL_DATE = 1 << 0,	/* an Excel serial date (44561) read as a date */
	GT_NOTE_NAME_FROM_DESC = 1 << 1,	/* no name column: 指标描述 taken as the name */
	GT_NOTE_OCR_EQ = 1 << 2,	/* "二100" in run-together text read as "=100" */
	GT_NOTE_ANSWER_SPLIT = 1 << 3,	/* run-together: the target word split off the name */
	GT_NOTE_NO_WEIGHT = 1 << 4, /* the header has a weight column, the row none */
	GT_NOTE_ANNUAL = 1 << 5,	/* long-term and annual columns: the annual one taken */
	GT_NOTE_BARE_ROW = 1 << 6,	/* read by a bare target alone (no header, no anchor) */
	GT_NOTE_NAME_WRAPPED = 1 << 7	/* the name went on on the next line (PDF text) */
} GtRowNote;

typedef struct GtRow
{
	int			line;
	bool		labels_only;	/* a line of level labels: no indicator */
	GtLabel		label1;			/* the labels on the row's own line, if any */
	GtLabel		label2;
	const IndLevel *level1;		/* the row's levels, filled down */
	const IndLevel *level2;
	int			from1;			/* the row whose label1 / label2 those are, or -1 */
	int			from2;
	GtSlice		name;
	GtSlice		nature,
				comparator,
				target,
				unit;
	GtSlice		weight;
	GtSlice		note_first;		/* the cells after the weight, from here ... */
	GtSlice		note_last;		/* ... to here */
	bool		placeholder;	/* the 无 row of an empty level 2 */
	bool		pending;		/* waiting for the next level-2 label */
	bool		labelled2;		/* carried its own level-2 label */
	int			notes;			/* GtRowNote */
} GtRow;

typedef struct GtProblem
{
	int			line;
	GtSlice		text;
	char		reason[IND_ERR_DETAIL_LEN];
} GtProblem;

/*
 * Where the reader hands over what it finds, as it goes: the text is read
 * record by record and only the current project is kept, so memory does
 * not grow with the input.  Any callback may be NULL.  What they are given
 * is valid only during the call (slices point into the text being read or
 * into the project's arena, and the rows array is reused for the next
 * project).
 *
 * Problems come in the order they are found: a line's as it is read, a
 * project's (weights that do not add up, rows whose levels or indicator
 * could not be read) when the project ends, just before project() is
 * called.
 */
typedef struct GtSink
{
	/* a project is complete: its header, and its rows with levels assigned */
	void		(*project) (void *arg, const GtProject *project, const GtRow *rows, int nrows);
	void		(*problem) (void *arg, const GtProblem *problem);
	/* called every few thousand lines, so the server can honour cancels */
	void		(*tick) (void *arg);
	void	   *arg;
} GtSink;

typedef struct GtOptions
{
	GtFormat	format;			/* GT_FORMAT_AUTO: detected */
	const struct IndPolicy *policy; /* whose weight split is checked; NULL: central */
} GtOptions;

/* What a read came to. */
typedef struct GtResult
{
	GtFormat	format;			/* as detected or forced */
	int			nprojects;
	int64		nrows;
	int64		nproblems;
	int			nlines;
	bool		too_big;		/* the limit below was reached: reading stopped */
	char		too_big_detail[IND_ERR_DETAIL_LEN];
} GtResult;

/*
 * The one limit, and the only thing kept in memory in proportion to the
 * input: the rows of one project (a real table has some hundreds).  Beyond
 * it a title or 项目编码 line is missing, and the reader stops with an
 * error rather than buffer a whole input as one project.
 */
#define GT_MAX_PROJECT_ROWS	100000

/* Scratch gt_row_spec() needs: the text buffer plus room for a rewritten target. */
#define GT_SPECBUF_SIZE (IND_TEXTBUF_SIZE + 64)

/*
 * Where records come from: a text's cell reader, or a workbook's sheets.
 * next() fills rec (cells valid until the second gt_arena_flip() of arena
 * after it) and returns false at the end.
 */
typedef struct GtSource
{
	bool		(*next) (void *arg, GtArena *arena, GtRecord *rec);
	void	   *arg;
	GtArena    *arena;
} GtSource;

extern void gt_problem_set(GtProblem *p, int line, const char *s, int len, const char *reason);
extern void gt_read(const char *text, int len, const GtOptions *options,
					const GtSink *sink, GtResult *result);
extern void gt_read_source(const GtSource *src, const GtOptions *options,
						   const GtSink *sink, GtResult *result);
extern IndStatus gt_row_spec(const GtRow *row, char *specbuf, IndSpec *spec, IndError *err,
							 int *inferred);
extern bool gt_row_serial_date(const GtRow *row);
extern GtSlice gt_project_name(const GtProject *p);
enum
{
	GT_AMOUNT_NONE = 0, GT_AMOUNT_YUAN, GT_AMOUNT_WAN
};
extern bool gt_slice_amount(GtSlice s, IndDecimal *d, int *unit);
extern bool gt_row_read(const GtCell *c, int n, const GtHeader *header, bool spaced,
						GtRow *row, char *reason, int reasonlen);

/* gt_runon.c */
extern bool gt_is_runon(const char *s, int len);
extern int	gt_runon_split(const char *s, int len, GtCell *out, int max, bool *in_table);

/* gt_stream.c: one cell per line to records; fn is called for each */
typedef void (*GtRecordFn) (void *arg, GtCell *cells, int ncells);
extern int	gt_stream_group(GtCell *c, int n, bool final, GtArena *arena,
							const GtHeader *const *header, GtRecordFn fn, void *arg);

/* gt_levels.c */
extern bool gt_label_prefix(const char *s, int len);
extern void gt_label_set(GtLabel *l, const IndLevel *level, const char *s, int len);
extern void gt_assign_levels(GtRow *rows, int nrows);

#endif							/* INDICATOR_GOAL_TABLE_H */
