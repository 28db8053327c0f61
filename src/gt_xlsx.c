/*
 * gt_xlsx.c
 *		xlsx workbooks as one more source of records for the importer: every
 *		sheet, row by row, with merged cells, shared and inline strings, and
 *		numbers as Excel shows them (percentages, dates).
 *
 * The container is read by zip.c (zlib); the XML by libxml2's streaming
 * reader (xmlTextReader) over the inflating entry, so a sheet of any size
 * passes through a small buffer.  Inside a backend libxml2 is set up through
 * PostgreSQL's pg_xml_init(), which installs its error handling.  A merged
 * cell's value counts for every cell it covers; since a sheet lists its
 * merges after its rows, each sheet is read twice: once for the merges, once
 * for the rows.
 *
 * What is kept in memory: the shared strings and the current sheet's
 * merges, and (in the importer's arena) the current project's cells.
 */
#include "postgres.h"

#include <libxml/xmlreader.h>

#include "fmgr.h"
#include "utils/memutils.h"
#include "utils/xml.h"

#include "actual.h"
#include "goal_table.h"
#include "gt_xlsx.h"
#include "scan.h"
#include "zip.h"

#define XLSX_CHUNK 65536

typedef enum CellKind
{
	KIND_GENERAL = 0,
	KIND_PERCENT,
	KIND_DATE
} CellKind;

typedef struct Merge
{
	int			r1,
				c1,
				r2,
				c2;
	char	   *value;			/* the top-left cell's text, once read */
	int			len;
} Merge;

typedef struct Sheet
{
	char	   *name;
	char	   *path;			/* inside the container, e.g. xl/worksheets/sheet1.xml */
} Sheet;

typedef struct Xlsx
{
	IndZip		zip;
	PgXmlErrorContext *xerr;
	char	  **shared;
	int		   *shared_len;
	int			nshared;
	uint8	   *kinds;			/* per cellXfs index */
	int			nkinds;
	Sheet	   *sheets;
	int			nsheets;
	int			cur;			/* the sheet being read */
	/* the open sheet */
	IndZipStream zs;
	bool		zs_open;
	xmlTextReaderPtr reader;
	bool		sheet_first;	/* the next record starts the sheet */
	Merge	   *merges;			/* sorted by their first row */
	int			nmerges;
	int			next_merge;		/* the first merge not yet started */
	int		   *active;			/* merges covering the current row */
	int			nactive;
	int			active_cap;
	StringInfoData raw;			/* a row's cells, for problems */
	MemoryContext rowcxt;		/* what reading one row allocates */
	MemoryContext cxt;			/* what lives as long as the workbook */
} Xlsx;

static void
fail(const IndError *err)
{
	ereport(ERROR,
			(errcode(err->status == IND_ERR_TOO_LONG ? ERRCODE_PROGRAM_LIMIT_EXCEEDED
					 : ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid xlsx workbook"),
			 errdetail("%s", err->detail),
			 errhint("Pass the bytes of an .xlsx file (Excel 2007 or later, WPS, LibreOffice); save other files as .xlsx or CSV.")));
}

static void
xml_failed(Xlsx *x, const char *what)
{
	if (pg_xml_error_occurred(x->xerr))
		xml_ereport(x->xerr, ERROR, ERRCODE_INVALID_TEXT_REPRESENTATION, what);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid xlsx workbook"),
			 errdetail("%s", what)));
}

/* libxml2 pulls the entry through this, a chunk at a time. */
static int
zip_read_cb(void *ctx, char *buf, int len)
{
	IndZipStream *st = (IndZipStream *) ctx;
	IndError	err;
	int			n = ind_zip_read(st, buf, len, &err);

	if (n < 0)
		fail(&err);
	return n;
}

static int
zip_close_cb(void *ctx pg_attribute_unused())
{
	return 0;
}

static xmlTextReaderPtr
open_entry(Xlsx *x, const char *name, IndZipStream *st, bool required)
{
	const IndZipEntry *e = ind_zip_find(&x->zip, name);
	IndError	err;
	xmlTextReaderPtr r;

	if (e == NULL)
	{
		if (!required)
			return NULL;
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid xlsx workbook"),
				 errdetail("The workbook has no %s: it is a ZIP file, but not an xlsx workbook.", name)));
	}
	if (ind_zip_stream_open(&x->zip, e, st, &err) != IND_OK)
		fail(&err);
	r = xmlReaderForIO(zip_read_cb, zip_close_cb, st, NULL, NULL, XML_PARSE_NONET);
	if (r == NULL)
		xml_failed(x, "libxml2 could not open a reader on the workbook");
	return r;
}

static void
close_entry(xmlTextReaderPtr r, IndZipStream *st)
{
	if (r)
		xmlFreeTextReader(r);
	ind_zip_stream_close(st);
}

/* The next node; false at the end.  A parse error is an error. */
static bool
next_node(Xlsx *x, xmlTextReaderPtr r)
{
	int			ret = xmlTextReaderRead(r);

	if (ret < 0)
		xml_failed(x, "the workbook's XML is damaged");
	return ret == 1;
}

static bool
is_element(xmlTextReaderPtr r, const char *local)
{
	const xmlChar *n = xmlTextReaderConstLocalName(r);

	return xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT && n != NULL &&
		strcmp((const char *) n, local) == 0;
}

static bool
is_end(xmlTextReaderPtr r, const char *local)
{
	const xmlChar *n = xmlTextReaderConstLocalName(r);

	return xmlTextReaderNodeType(r) == XML_READER_TYPE_END_ELEMENT && n != NULL &&
		strcmp((const char *) n, local) == 0;
}

static char *
attr(xmlTextReaderPtr r, const char *name)
{
	xmlChar    *v = xmlTextReaderGetAttribute(r, (const xmlChar *) name);
	char	   *s;

	if (v == NULL)
		return NULL;
	s = pstrdup((const char *) v);
	xmlFree(v);
	return s;
}

/* The text inside the current element up to its end (a <t>, a <v>). */
static void
element_text(Xlsx *x, xmlTextReaderPtr r, const char *local, StringInfo out)
{
	if (xmlTextReaderIsEmptyElement(r))
		return;
	while (next_node(x, r))
	{
		int			t = xmlTextReaderNodeType(r);

		if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
			t == XML_READER_TYPE_CDATA)
			appendStringInfoString(out, (const char *) xmlTextReaderConstValue(r));
		else if (is_end(r, local))
			return;
	}
}

/* <si> or <is>: its <t> texts, the phonetic runs (<rPh>) aside. */
static void
string_item(Xlsx *x, xmlTextReaderPtr r, const char *local, StringInfo out)
{
	bool		phonetic = false;

	if (xmlTextReaderIsEmptyElement(r))
		return;
	while (next_node(x, r))
	{
		if (is_element(r, "rPh") && !xmlTextReaderIsEmptyElement(r))
			phonetic = true;
		else if (is_end(r, "rPh"))
			phonetic = false;
		else if (is_element(r, "t") && !phonetic)
			element_text(x, r, "t", out);
		else if (is_end(r, local))
			return;
	}
}

static void
read_shared_strings(Xlsx *x)
{
	IndZipStream st;
	xmlTextReaderPtr r = open_entry(x, "xl/sharedStrings.xml", &st, false);
	int			cap = 256;
	StringInfoData b;

	if (r == NULL)
		return;
	x->shared = palloc(cap * sizeof(char *));
	x->shared_len = palloc(cap * sizeof(int));
	initStringInfo(&b);
	while (next_node(x, r))
	{
		if (!is_element(r, "si"))
			continue;
		resetStringInfo(&b);
		string_item(x, r, "si", &b);
		if (x->nshared == cap)
		{
			cap *= 2;
			x->shared = repalloc_huge(x->shared, cap * sizeof(char *));
			x->shared_len = repalloc_huge(x->shared_len, cap * sizeof(int));
		}
		x->shared[x->nshared] = pnstrdup(b.data, b.len);
		x->shared_len[x->nshared++] = b.len;
	}
	close_entry(r, &st);
}

/* A number format that shows a date: the built-in ids, or a code with y, m or d outside quotes. */
static CellKind
format_kind(int id, const char *code)
{
	bool		quoted = false;
	const char *p;

	if (id == 9 || id == 10)
		return KIND_PERCENT;
	if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
		(id >= 50 && id <= 58))
		return KIND_DATE;
	if (code == NULL)
		return KIND_GENERAL;
	for (p = code; *p; p++)
	{
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '[')
		{
			while (*p && *p != ']')
				p++;
			if (!*p)
				break;
		}
		else if (!quoted && *p == '%')
			return KIND_PERCENT;
		else if (!quoted && (*p == 'y' || *p == 'd' || *p == 'Y' || *p == 'D'))
			return KIND_DATE;
	}
	return KIND_GENERAL;
}

static void
read_styles(Xlsx *x)
{
	IndZipStream st;
	xmlTextReaderPtr r = open_entry(x, "xl/styles.xml", &st, false);
	int			ids[256];
	char	   *codes[256];
	int			ncodes = 0;
	int			cap = 64;
	bool		in_xfs = false;

	if (r == NULL)
		return;
	x->kinds = palloc0(cap);
	while (next_node(x, r))
	{
		if (is_element(r, "numFmt") && ncodes < (int) lengthof(ids))
		{
			char	   *id = attr(r, "numFmtId");

			ids[ncodes] = id ? atoi(id) : -1;
			codes[ncodes++] = attr(r, "formatCode");
		}
		else if (is_element(r, "cellXfs"))
			in_xfs = !xmlTextReaderIsEmptyElement(r);
		else if (is_end(r, "cellXfs"))
			in_xfs = false;
		else if (in_xfs && is_element(r, "xf"))
		{
			char	   *id = attr(r, "numFmtId");
			int			fid = id ? atoi(id) : 0;
			const char *code = NULL;
			int			i;

			for (i = 0; i < ncodes; i++)
				if (ids[i] == fid)
					code = codes[i];
			if (x->nkinds == cap)
			{
				cap *= 2;
				x->kinds = repalloc(x->kinds, cap);
			}
			x->kinds[x->nkinds++] = (uint8) format_kind(fid, code);
		}
	}
	close_entry(r, &st);
}

/* The sheets in workbook order, and where each is stored. */
static void
read_workbook(Xlsx *x)
{
	IndZipStream st;
	xmlTextReaderPtr r = open_entry(x, "xl/workbook.xml", &st, true);
	int			cap = 64;
	char	  **rids = palloc(sizeof(char *) * cap);
	int			i;

	x->sheets = palloc(sizeof(Sheet) * cap);
	while (next_node(x, r))
		if (is_element(r, "sheet"))
		{
			if (x->nsheets == cap)
			{
				cap *= 2;
				x->sheets = repalloc_huge(x->sheets, sizeof(Sheet) * cap);
				rids = repalloc_huge(rids, sizeof(char *) * cap);
			}
			x->sheets[x->nsheets].name = attr(r, "name");
			x->sheets[x->nsheets].path = NULL;
			rids[x->nsheets++] = attr(r, "r:id");
		}
	close_entry(r, &st);
	r = open_entry(x, "xl/_rels/workbook.xml.rels", &st, true);
	while (next_node(x, r))
		if (is_element(r, "Relationship"))
		{
			char	   *id = attr(r, "Id");
			char	   *target = attr(r, "Target");

			for (i = 0; id && target && i < x->nsheets; i++)
				if (rids[i] && strcmp(rids[i], id) == 0)
					x->sheets[i].path = target[0] == '/' ? pstrdup(target + 1)
						: psprintf("xl/%s", target);
		}
	close_entry(r, &st);
}

/* "B12" to row 12, column 1 (0-based); false if it is not a reference. */
static bool
cell_ref(const char *ref, int *row, int *col)
{
	int			c = 0,
				r = 0;
	const char *p = ref;

	if (ref == NULL)
		return false;
	while (*p >= 'A' && *p <= 'Z')
	{
		c = c * 26 + (*p - 'A' + 1);
		if (c > 16384)
			return false;
		p++;
	}
	while (*p >= '0' && *p <= '9')
	{
		r = r * 10 + (*p - '0');
		if (r > 1048576)
			return false;
		p++;
	}
	if (*p != '\0' || c == 0 || r == 0)
		return false;
	*row = r;
	*col = c - 1;
	return true;
}

static int
merge_cmp(const void *a, const void *b)
{
	const Merge *m = (const Merge *) a;
	const Merge *n = (const Merge *) b;

	if (m->r1 != n->r1)
		return m->r1 < n->r1 ? -1 : 1;
	return m->c1 < n->c1 ? -1 : (m->c1 > n->c1 ? 1 : 0);
}

static void
read_merges(Xlsx *x, const char *path)
{
	IndZipStream st;
	xmlTextReaderPtr r = open_entry(x, path, &st, true);
	int			cap = 64;

	x->nmerges = 0;
	x->merges = palloc(cap * sizeof(Merge));
	while (next_node(x, r))
		if (is_element(r, "mergeCell"))
		{
			char	   *ref = attr(r, "ref");
			char	   *colon = ref ? strchr(ref, ':') : NULL;
			Merge		m = {0};

			if (colon == NULL)
				continue;
			*colon = '\0';
			if (!cell_ref(ref, &m.r1, &m.c1) || !cell_ref(colon + 1, &m.r2, &m.c2))
				continue;
			if (x->nmerges == cap)
			{
				cap *= 2;
				x->merges = repalloc_huge(x->merges, cap * sizeof(Merge));
			}
			x->merges[x->nmerges++] = m;
		}
	close_entry(r, &st);
	qsort(x->merges, x->nmerges, sizeof(Merge), merge_cmp);
	x->next_merge = 0;
	x->nactive = 0;
}

/* The merges that cover row: those started, and not yet ended. */
static void
advance_merges(Xlsx *x, int row)
{
	int			i,
				n = 0;

	for (i = 0; i < x->nactive; i++)
		if (x->merges[x->active[i]].r2 >= row)
			x->active[n++] = x->active[i];
	x->nactive = n;
	while (x->next_merge < x->nmerges && x->merges[x->next_merge].r1 <= row)
	{
		if (x->merges[x->next_merge].r2 >= row)
		{
			if (x->nactive == x->active_cap)
			{
				x->active_cap = Max(64, x->active_cap * 2);
				x->active = x->active ? repalloc(x->active, x->active_cap * sizeof(int))
					: MemoryContextAlloc(x->cxt, x->active_cap * sizeof(int));
			}
			x->active[x->nactive++] = x->next_merge;
		}
		x->next_merge++;
	}
}

/* A number as Excel shows it: 0.95 with a percent format is 95%, 44561 with a date format 2021-12-31. */
static char *
show_number(const char *v, CellKind kind)
{
	double		d = strtod(v, NULL);

	if (kind == KIND_PERCENT)
		return psprintf("%.15g%%", d * 100);
	if (kind == KIND_DATE && d >= 1 && d < 2958466)
	{
		int			y,
					m,
					dd;

		/* Excel's day 1 is 1900-01-01 counted with a 29 February 1900 that never was */
		ind_civil_from_days((int32) d - 36526, &y, &m, &dd);
		return psprintf("%04d-%02d-%02d", y, m, dd);
	}
	if (strchr(v, 'E') || strchr(v, 'e') || strlen(v) > 16)
		return psprintf("%.15g", d);
	return pstrdup(v);
}

/* Line breaks inside a cell (Alt+Enter) are wraps: the cell is one line of text. */
static void
flatten(char *s)
{
	for (; *s; s++)
		if (*s == '\n' || *s == '\r' || *s == '\t')
			*s = ' ';
}

static bool
open_sheet(Xlsx *x)
{
	while (x->cur < x->nsheets)
	{
		Sheet	   *sh = &x->sheets[x->cur];

		if (sh->path != NULL && ind_zip_find(&x->zip, sh->path) != NULL)
		{
			read_merges(x, sh->path);
			x->reader = open_entry(x, sh->path, &x->zs, true);
			x->zs_open = true;
			x->sheet_first = true;
			return true;
		}
		x->cur++;
	}
	return false;
}

static void
close_sheet(Xlsx *x)
{
	if (x->zs_open)
		close_entry(x->reader, &x->zs);
	x->reader = NULL;
	x->zs_open = false;
	x->cur++;
}

/* A cell into the row being built, in column order; returns its text. */
static void
put_cell(GtRecord *rec, GtArena *arena, int col, const char *s, int len, int line)
{
	int			a = ind_skip_spaces(s, len, 0);
	int			b = ind_trim_end(s, a, len);
	int			i,
				j;

	if (b <= a || rec->ncells == GT_MAX_CELLS)
		return;
	for (i = 0; i < rec->ncells && rec->cells[i].col < col; i++)
		;
	if (i < rec->ncells && rec->cells[i].col == col)
		return;
	for (j = rec->ncells; j > i; j--)
		rec->cells[j] = rec->cells[j - 1];
	rec->cells[i].s = gt_arena_copy(arena, s + a, b - a);
	rec->cells[i].len = b - a;
	rec->cells[i].col = col;
	rec->cells[i].notes = 0;
	rec->cells[i].line = line;
	rec->ncells++;
}

/* The next row of the workbook, sheet after sheet; false after the last. */
static bool
xlsx_next(void *arg, GtArena *arena, GtRecord *rec)
{
	Xlsx	   *x = (Xlsx *) arg;
	MemoryContext caller = CurrentMemoryContext;
	StringInfoData v;

	for (;;)
	{
		if (x->reader == NULL && !open_sheet(x))
			return false;
		MemoryContextReset(x->rowcxt);
		MemoryContextSwitchTo(x->rowcxt);
		initStringInfo(&v);
		while (next_node(x, x->reader))
		{
			char	   *rattr;
			int			rownum;
			int			i;

			if (!is_element(x->reader, "row"))
				continue;
			rattr = attr(x->reader, "r");
			rownum = rattr ? atoi(rattr) : 0;
			MemoryContextSwitchTo(caller);
			advance_merges(x, rownum);
			MemoryContextSwitchTo(x->rowcxt);
			rec->ncells = 0;
			rec->line = rownum;
			rec->sheet_start = x->sheet_first;
			x->sheet_first = false;
			if (!xmlTextReaderIsEmptyElement(x->reader))
			{
				while (next_node(x, x->reader) && !is_end(x->reader, "row"))
				{
					char	   *t,
							   *s,
							   *ref;
					int			r,
								c;
					char	   *text = NULL;

					if (!is_element(x->reader, "c"))
						continue;
					t = attr(x->reader, "t");
					s = attr(x->reader, "s");
					ref = attr(x->reader, "r");
					if (!cell_ref(ref, &r, &c))
						c = rec->ncells > 0 ? rec->cells[rec->ncells - 1].col + 1 : 0;
					resetStringInfo(&v);
					if (!xmlTextReaderIsEmptyElement(x->reader))
					{
						while (next_node(x, x->reader) && !is_end(x->reader, "c"))
						{
							if (is_element(x->reader, "v"))
								element_text(x, x->reader, "v", &v);
							else if (is_element(x->reader, "is"))
								string_item(x, x->reader, "is", &v);
						}
					}
					if (v.len == 0)
						continue;
					if (t != NULL && strcmp(t, "s") == 0)
					{
						int			k = atoi(v.data);

						if (k >= 0 && k < x->nshared)
							text = pnstrdup(x->shared[k], x->shared_len[k]);
					}
					else if (t == NULL || strcmp(t, "n") == 0)
					{
						int			si = s ? atoi(s) : 0;

						text = show_number(v.data, si >= 0 && si < x->nkinds ? (CellKind) x->kinds[si]
										   : KIND_GENERAL);
					}
					else if (strcmp(t, "e") != 0)
						text = pstrdup(v.data);		/* str, inlineStr, b, d */
					if (text == NULL)
						continue;
					flatten(text);
					MemoryContextSwitchTo(caller);
					put_cell(rec, arena, c, text, (int) strlen(text), rownum);
					/* the top-left cell of a merge gives its value to the rest */
					for (i = 0; i < x->nactive; i++)
					{
						Merge	   *m = &x->merges[x->active[i]];

						if (m->r1 == rownum && m->c1 == c && m->value == NULL)
						{
							m->value = pstrdup(text);
							m->len = (int) strlen(text);
						}
					}
					MemoryContextSwitchTo(x->rowcxt);
				}
			}
			MemoryContextSwitchTo(caller);
			for (i = 0; i < x->nactive; i++)
			{
				Merge	   *m = &x->merges[x->active[i]];
				int			col = 0;

				if (m->value == NULL)
					continue;
				/*
				 * The rows below the top-left cell get its value, in the merge's
				 * first column: a merge across columns is one cell of its row,
				 * not the same text several times.
				 */
				(void) col;
				if (rownum > m->r1)
					put_cell(rec, arena, m->c1, m->value, m->len, rownum);
			}
			/* the row's text, for problems: its cells between tabs */
			resetStringInfo(&x->raw);
			for (i = 0; i < rec->ncells; i++)
			{
				if (i > 0)
					appendStringInfoChar(&x->raw, '\t');
				appendBinaryStringInfo(&x->raw, rec->cells[i].s, rec->cells[i].len);
			}
			rec->raw = gt_arena_copy(arena, x->raw.data, x->raw.len);
			rec->rawlen = x->raw.len;
			return true;
		}
		MemoryContextSwitchTo(caller);
		close_sheet(x);
	}
}

/*
 * Hand a workbook's records to consume(), as a source.  Everything libxml2
 * does runs between pg_xml_init() and pg_xml_done(), which also clean up
 * when an error is thrown.
 */
void
gt_xlsx_read(const unsigned char *data, int64 len, GtXlsxConsumer consume, void *arg)
{
	Xlsx	   *x = palloc0(sizeof(Xlsx));
	IndError	err;
	GtSource	src;
	GtArena		arena = {0};
	volatile bool ok = false;

	if (ind_zip_open(data, len, &x->zip, &err) != IND_OK)
		fail(&err);
	x->xerr = pg_xml_init(PG_XML_STRICTNESS_WELLFORMED);
	PG_TRY();
	{
		initStringInfo(&x->raw);
		x->cxt = CurrentMemoryContext;
		x->rowcxt = AllocSetContextCreate(CurrentMemoryContext, "xlsx row", ALLOCSET_DEFAULT_SIZES);
		read_workbook(x);
		if (x->nsheets == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid xlsx workbook"),
					 errdetail("The workbook lists no sheet.")));
		read_shared_strings(x);
		read_styles(x);
		src.next = xlsx_next;
		src.arg = x;
		src.arena = &arena;
		consume(&src, arg);
		ok = true;
	}
	PG_FINALLY();
	{
		if (x->zs_open)
			close_entry(x->reader, &x->zs);
		gt_arena_free(&arena);
		pg_xml_done(x->xerr, !ok);
	}
	PG_END_TRY();
}

typedef struct GoalTableRead
{
	const GtOptions *options;
	const GtSink *sink;
	GtResult   *result;
} GoalTableRead;

static void
read_goal_tables(const GtSource *src, void *arg)
{
	GoalTableRead *g = (GoalTableRead *) arg;
	GtOptions	opts = *g->options;

	opts.format = GT_FORMAT_XLSX;
	gt_read_source(src, &opts, g->sink, g->result);
}

/* A workbook's goal tables, through the goal-table reader. */
void
gt_read_xlsx(const unsigned char *data, int64 len, const GtOptions *options,
			 const GtSink *sink, GtResult *result)
{
	GoalTableRead g = {options, sink, result};

	gt_xlsx_read(data, len, read_goal_tables, &g);
}
