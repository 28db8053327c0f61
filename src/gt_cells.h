/*
 * gt_cells.h
 *		The importer's first stage: text to records of cells, one reader per
 *		format (tab, CSV, pipe, one cell per line, spaces, aligned columns),
 *		and the detection of the format.
 *
 * A record is what the format delimits: a line of a tab or space file, a
 * CSV record (which may span lines inside quotes), a pipe row.  In the
 * one-cell-per-line format every line is a record of one cell, and the
 * later stages assemble rows from the stream (gt_stream.c).
 */
#ifndef INDICATOR_GT_CELLS_H
#define INDICATOR_GT_CELLS_H

#include "postgres.h"

typedef enum GtFormat
{
	GT_FORMAT_AUTO = 0,
	GT_FORMAT_TSV,				/* tab-separated: the 预算管理一体化 exports */
	GT_FORMAT_CSV,				/* Excel, LibreOffice, WPS: , or ; and quotes */
	GT_FORMAT_PIPE,				/* | a | b |: web-page and markdown converters */
	GT_FORMAT_LINES,			/* one cell per line: text copied from a web page */
	GT_FORMAT_SPACES,			/* cells between single spaces: pdftotext, web copies */
	GT_FORMAT_ALIGNED,			/* columns at fixed positions: pdftotext -layout */
	GT_FORMAT_RUNON,			/* separators lost: read by anchors (gt_runon.c) */
	GT_FORMAT_XLSX				/* a workbook's sheets (gt_xlsx.c): never detected in text */
} GtFormat;

#define GT_MAX_CELLS 64

typedef struct GtCell
{
	const char *s;
	int			len;
	int			col;			/* column index in the record, when the format keeps it */
	int			notes;			/* GtRowNote bits the cell brings to its row */
	int			line;			/* the physical line it is on */
} GtCell;

typedef struct GtRecord
{
	int			line;			/* the physical line it starts on */
	const char *raw;			/* its text, for problems */
	int			rawlen;
	GtCell		cells[GT_MAX_CELLS];
	int			ncells;			/* non-empty cells only */
	bool		sheet_start;	/* the first record of a workbook's sheet */
} GtRecord;

/*
 * Copies of cells that are not a slice of the input (a CSV cell with doubled
 * quotes, a label joined from two cells, a workbook's cells).  The reader
 * flips the arena when a project has been handed over, and a copy lives
 * until the third flip after it: a project's first record may have been
 * read (and held back a step) while the project before it was still open,
 * and it must live until its own project is handed over.
 */
typedef struct GtArenaBlock GtArenaBlock;
typedef struct GtArena
{
	GtArenaBlock *head;			/* copies since the last flip */
	GtArenaBlock *older;		/* copies before it */
	GtArenaBlock *oldest;		/* and before that: freed at the next flip */
	Size		used;			/* in head */
} GtArena;

extern char *gt_arena_copy(GtArena *a, const char *s, int len);
extern char *gt_arena_concat(GtArena *a, const char *s1, int l1, const char *s2, int l2);
extern void gt_arena_flip(GtArena *a);
extern void gt_arena_free(GtArena *a);

typedef struct GtCellReader
{
	const char *text;
	int			len;
	int			pos;
	int			line;			/* lines read so far */
	GtFormat	format;
	char		delim;			/* CSV: ',' or ';' */
	GtArena    *arena;
} GtCellReader;

extern bool gt_format_from_name(const char *s, int len, GtFormat *format);
extern const char *gt_format_name(GtFormat format);
extern GtFormat gt_detect_format(const char *text, int len, char *csv_delim);

extern void gt_cells_init(GtCellReader *r, const char *text, int len, GtFormat format,
						  char csv_delim, GtArena *arena);
extern bool gt_cells_next(GtCellReader *r, GtRecord *rec);


#endif							/* INDICATOR_GT_CELLS_H */
