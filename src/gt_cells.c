/*
 * gt_cells.c
 *		Text to records of cells, one reader per format, and the detection
 *		of the format from the text's own shape.
 *
 * Detection looks at separators only, never at the project's vocabulary:
 * tabs, pipes, a CSV separator that splits most lines into the same number
 * of fields, runs of two or more blanks (aligned columns), and how many
 * lines hold more than one word.  It samples the first lines, because a
 * page's boilerplate may come first and a table's rows later.
 *
 * Pure code over the caller's buffer; memory comes from palloc.
 */
#include "postgres.h"

#include "gt_cells.h"
#include "scan.h"

/* ---- arena ---- */

struct GtArenaBlock
{
	GtArenaBlock *next;
	Size		size;
	char		data[FLEXIBLE_ARRAY_MEMBER];
};

#define GT_ARENA_BLOCK 8192

static char *
arena_alloc(GtArena *a, Size n)
{
	char	   *p;

	if (a->head == NULL || a->used + n > a->head->size)
	{
		Size		size = Max(GT_ARENA_BLOCK, n);
		GtArenaBlock *b = palloc(offsetof(GtArenaBlock, data) + size);

		b->next = a->head;
		b->size = size;
		a->head = b;
		a->used = 0;
	}
	p = a->head->data + a->used;
	a->used += n;
	return p;
}

char *
gt_arena_copy(GtArena *a, const char *s, int len)
{
	char	   *p = arena_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
gt_arena_concat(GtArena *a, const char *s1, int l1, const char *s2, int l2)
{
	char	   *p = arena_alloc(a, l1 + l2 + 1);

	memcpy(p, s1, l1);
	memcpy(p + l1, s2, l2);
	p[l1 + l2] = '\0';
	return p;
}

static void
free_blocks(GtArenaBlock *b)
{
	while (b)
	{
		GtArenaBlock *next = b->next;

		pfree(b);
		b = next;
	}
}

void
gt_arena_flip(GtArena *a)
{
	free_blocks(a->oldest);
	a->oldest = a->older;
	a->older = a->head;
	a->head = NULL;
	a->used = 0;
}

void
gt_arena_free(GtArena *a)
{
	free_blocks(a->oldest);
	free_blocks(a->older);
	free_blocks(a->head);
	memset(a, 0, sizeof(*a));
}

/* ---- format names ---- */

static const char *const format_names[] = {
	[GT_FORMAT_AUTO] = "auto",
	[GT_FORMAT_TSV] = "tsv",
	[GT_FORMAT_CSV] = "csv",
	[GT_FORMAT_PIPE] = "pipe",
	[GT_FORMAT_LINES] = "lines",
	[GT_FORMAT_SPACES] = "spaces",
	[GT_FORMAT_ALIGNED] = "aligned",
	[GT_FORMAT_RUNON] = "runon",
	[GT_FORMAT_XLSX] = "xlsx",
};

bool
gt_format_from_name(const char *s, int len, GtFormat *format)
{
	int			i;

	/* xlsx is what a bytea argument is; text is never read as one */
	for (i = 0; i < GT_FORMAT_XLSX; i++)
		if ((int) strlen(format_names[i]) == len && pg_strncasecmp(s, format_names[i], len) == 0)
		{
			*format = (GtFormat) i;
			return true;
		}
	/* the names users reach for first */
	if (len == 3 && pg_strncasecmp(s, "tab", 3) == 0)
	{
		*format = GT_FORMAT_TSV;
		return true;
	}
	return false;
}

const char *
gt_format_name(GtFormat format)
{
	return format_names[format];
}

/* ---- lines and blanks ---- */

/* The end of the physical line at pos (before \r\n or \n), and where the next starts. */
static int
line_end(const char *text, int len, int pos, int *next)
{
	const char *nl = memchr(text + pos, '\n', len - pos);
	int			end = nl ? (int) (nl - text) : len;

	*next = nl ? end + 1 : len;
	if (end > pos && text[end - 1] == '\r')
		end--;
	return end;
}

/* Length of a blank at s (ASCII space, tab, ideographic space, no-break space), or 0. */
static int
blank_at(const char *s, int len)
{
	if (len > 0 && (*s == ' ' || *s == '\t'))
		return 1;
	return ind_space_len(s, len);
}

/* ---- detection ---- */

#define DETECT_LINES 400

typedef struct Shape
{
	int			content;		/* lines with content */
	int			blank;
	int			tabs;			/* lines split by tabs */
	int			pipes;			/* lines with two or more pipes */
	int			wide_gaps;		/* lines with an inner run of two or more blanks */
	int			words;			/* lines with more than one word */
} Shape;

#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

/* Separators of a CSV field list outside quotes, on one physical line. */
static int
count_delims(const char *s, int len, char delim)
{
	int			n = 0;
	bool		quoted = false;
	int			i;

	for (i = 0; i < len; i++)
	{
		if (s[i] == '"')
			quoted = !quoted;
		else if (s[i] == delim && !quoted)
		{
			/* 44,561: a thousands separator, not a field separator */
			if (delim == ',' && i > 0 && IS_DIGIT(s[i - 1]) && len - i > 3 &&
				IS_DIGIT(s[i + 1]) && IS_DIGIT(s[i + 2]) && IS_DIGIT(s[i + 3]) &&
				(len - i == 4 || !IS_DIGIT(s[i + 4])))
				continue;
			n++;
		}
	}
	return n;
}

/*
 * Does delim split most lines into the same number of fields (three or
 * more)?  A web page's prose has a stray comma; a CSV file has the same
 * count on every row of a table.
 */
static bool
looks_csv(const char *text, int len, char delim, int content)
{
	int			counts[DETECT_LINES];
	int			n = 0;
	int			pos = 0;
	int			best = 0;
	int			i,
				j;

	while (pos < len && n < DETECT_LINES)
	{
		int			next;
		int			end = line_end(text, len, pos, &next);
		int			a = ind_skip_spaces(text, end, pos);

		if (a < end)
			counts[n++] = count_delims(text + pos, end - pos, delim);
		pos = next;
	}
	for (i = 0; i < n; i++)
	{
		int			same = 0;

		if (counts[i] < 2)
			continue;
		for (j = 0; j < n; j++)
			if (counts[j] == counts[i])
				same++;
		best = Max(best, same);
	}
	return best >= 2 && best * 10 >= content * 3;
}

GtFormat
gt_detect_format(const char *text, int len, char *csv_delim)
{
	Shape		sh = {0};
	int			pos = 0;
	int			lines = 0;

	*csv_delim = ',';
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < len && lines < DETECT_LINES)
	{
		int			next;
		int			end = line_end(text, len, pos, &next);
		int			a = ind_skip_spaces(text, end, pos);
		int			b = ind_trim_end(text, a, end);
		int			i;
		int			npipes = 0;
		bool		tab = false,
					gap = false,
					word = false;

		lines++;
		if (b <= a)
		{
			sh.blank++;
			pos = next;
			continue;
		}
		sh.content++;
		for (i = a; i < b;)
		{
			int			bl = blank_at(text + i, b - i);

			if (text[i] == '|')
				npipes++;
			if (bl > 0)
			{
				int			run = 0;
				int			j = i;

				while (j < b && (bl = blank_at(text + j, b - j)) > 0)
				{
					if (text[j] == '\t')
						tab = true;
					/* an ideographic space is as wide as two */
					run += (bl == 3) ? 2 : 1;
					j += bl;
				}
				word = true;
				if (run >= 2)
					gap = true;
				i = j;
				continue;
			}
			i += ind_char_len(text + i, b - i);
		}
		/* a tab before the first cell still splits the line */
		if (memchr(text + pos, '\t', end - pos) != NULL)
			tab = true;
		sh.tabs += tab;
		sh.pipes += (npipes >= 2);
		sh.wide_gaps += gap;
		sh.words += word;
		pos = next;
	}
	if (sh.content == 0)
		return GT_FORMAT_TSV;
	if (sh.tabs * 5 >= sh.content)
		return GT_FORMAT_TSV;
	if (sh.pipes * 10 >= sh.content * 3)
		return GT_FORMAT_PIPE;
	if (looks_csv(text, len, ',', sh.content))
		return GT_FORMAT_CSV;
	if (looks_csv(text, len, ';', sh.content))
	{
		*csv_delim = ';';
		return GT_FORMAT_CSV;
	}
	if (sh.wide_gaps * 10 >= sh.content * 3)
		return GT_FORMAT_ALIGNED;
	/* few lines hold more than one word: each line is a cell */
	if (sh.words * 20 < sh.content * 7)
		return GT_FORMAT_LINES;
	return GT_FORMAT_SPACES;
}

/* ---- readers ---- */

void
gt_cells_init(GtCellReader *r, const char *text, int len, GtFormat format,
			  char csv_delim, GtArena *arena)
{
	memset(r, 0, sizeof(*r));
	r->text = text;
	r->len = len;
	r->format = format;
	r->delim = csv_delim ? csv_delim : ',';
	r->arena = arena;
	/* a UTF-8 byte-order mark says nothing */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
}

static void
add_cell(GtRecord *rec, const char *s, int len, int col, const char *rest_end)
{
	int			a = ind_skip_spaces(s, len, 0);
	int			b = ind_trim_end(s, a, len);

	if (b <= a || rec->ncells == GT_MAX_CELLS)
		return;
	/* the last cell takes the rest of the line, so notes lose nothing */
	if (rec->ncells == GT_MAX_CELLS - 1 && rest_end != NULL)
		b = ind_trim_end(s, a, (int) (rest_end - s));
	rec->cells[rec->ncells].s = s + a;
	rec->cells[rec->ncells].len = b - a;
	rec->cells[rec->ncells].col = col;
	rec->cells[rec->ncells].notes = 0;
	rec->cells[rec->ncells].line = rec->line;
	rec->ncells++;
}

/*
 * Split [s, s+len) into cells at a separator: a tab (min_gap 0), any run of
 * blanks (1), or a run of two or more blanks (2: aligned columns, where a
 * single space stays inside a cell).
 */
static void
split_blanks(GtRecord *rec, const char *s, int len, int min_gap)
{
	int			start = 0;
	int			col = 0;
	int			i = 0;

	while (i < len)
	{
		int			bl;
		int			run = 0;
		int			j = i;

		if (min_gap == 0)
		{
			if (s[i] != '\t')
			{
				i++;
				continue;
			}
			add_cell(rec, s + start, i - start, col++, s + len);
			start = ++i;
			continue;
		}
		if ((bl = blank_at(s + i, len - i)) == 0)
		{
			i += ind_char_len(s + i, len - i);
			continue;
		}
		while (j < len && (bl = blank_at(s + j, len - j)) > 0)
		{
			run += (bl == 3 || s[j] == '\t') ? 2 : 1;
			j += bl;
		}
		if (run >= min_gap)
		{
			add_cell(rec, s + start, i - start, col++, s + len);
			start = j;
		}
		i = j;
	}
	add_cell(rec, s + start, len - start, col, s + len);
}

/* A pipe row: "| a | b |", "a | b", a row of pipes only, a "|---|" rule. */
static void
split_pipes(GtRecord *rec, const char *s, int len)
{
	int			start = 0;
	int			col = 0;
	int			i;
	int			a = ind_skip_spaces(s, len, 0);

	if (a < len && s[a] == '|')
		start = a + 1;
	for (i = start; i <= len; i++)
	{
		if (i < len && s[i] != '|')
			continue;
		{
			int			ca = ind_skip_spaces(s, i, start);
			int			cb = ind_trim_end(s, ca, i);
			int			k;
			bool		rule = cb > ca;

			/* a markdown rule |---|:--:| carries nothing */
			for (k = ca; k < cb && rule; k++)
				rule = (s[k] == '-' || s[k] == ':');
			if (!rule)
				add_cell(rec, s + start, i - start, col, NULL);
		}
		col++;
		start = i + 1;
	}
}

/*
 * A CSV record from pos: fields split at the delimiter outside quotes; a
 * quoted field may hold delimiters, doubled quotes and line breaks.
 */
static int
read_csv(GtCellReader *r, GtRecord *rec)
{
	const char *t = r->text;
	int			pos = r->pos;
	int			col = 0;

	for (;;)
	{
		int			fs,
					fe;
		bool		doubled = false;
		int			a = pos;

		/* blanks before an opening quote do not count */
		while (a < r->len && (t[a] == ' ' || t[a] == '\t'))
			a++;
		if (a < r->len && t[a] == '"')
		{
			int			i = a + 1;

			fs = i;
			while (i < r->len)
			{
				if (t[i] == '"')
				{
					if (i + 1 < r->len && t[i + 1] == '"')
					{
						doubled = true;
						i += 2;
						continue;
					}
					break;
				}
				if (t[i] == '\n')
					r->line++;
				i++;
			}
			fe = i;
			pos = Min(i + 1, r->len);
			/* text between the closing quote and the delimiter is not CSV: drop it */
			while (pos < r->len && t[pos] != r->delim && t[pos] != '\n')
				pos++;
		}
		else
		{
			fs = pos;
			while (pos < r->len && t[pos] != r->delim && t[pos] != '\n')
				pos++;
			fe = pos;
			if (fe > fs && t[fe - 1] == '\r')
				fe--;
		}
		if (doubled)
		{
			char	   *buf = gt_arena_copy(r->arena, t + fs, fe - fs);
			int			i,
						o = 0;

			for (i = 0; i < fe - fs; i++)
			{
				buf[o++] = buf[i];
				if (buf[i] == '"' && i + 1 < fe - fs && buf[i + 1] == '"')
					i++;
			}
			buf[o] = '\0';
			add_cell(rec, buf, o, col, NULL);
		}
		else
			add_cell(rec, t + fs, fe - fs, col, NULL);
		col++;
		if (pos < r->len && t[pos] == r->delim)
		{
			pos++;
			continue;
		}
		if (pos < r->len)
			pos++;				/* the \n */
		return pos;
	}
}

/*
 * The next record, or false at the end.  Records without cells (blank
 * lines, rows of pipes only) are returned too, with ncells 0: in the
 * one-cell-per-line format a blank line separates cells.
 */
bool
gt_cells_next(GtCellReader *r, GtRecord *rec)
{
	int			next;
	int			end;

	if (r->pos >= r->len)
		return false;
	r->line++;
	rec->line = r->line;
	rec->ncells = 0;
	rec->sheet_start = false;
	rec->raw = r->text + r->pos;
	if (r->format == GT_FORMAT_CSV)
	{
		next = read_csv(r, rec);
		end = next;
		while (end > r->pos && (r->text[end - 1] == '\n' || r->text[end - 1] == '\r'))
			end--;
		rec->rawlen = end - r->pos;
		r->pos = next;
		return true;
	}
	end = line_end(r->text, r->len, r->pos, &next);
	rec->rawlen = end - r->pos;
	switch (r->format)
	{
		case GT_FORMAT_PIPE:
			split_pipes(rec, rec->raw, rec->rawlen);

			/*
			 * Lines without pipes continue the row's last cell.  Measure them,
			 * then copy once: joining them one by one copied the cell again
			 * for every line, quadratic in time and in memory.
			 */
			if (rec->ncells > 0)
			{
				GtCell	   *last = &rec->cells[rec->ncells - 1];
				int			total = last->len;
				int			scan = next;

				while (scan < r->len)
				{
					int			n2;
					int			e2 = line_end(r->text, r->len, scan, &n2);
					int			a2 = ind_skip_spaces(r->text, e2, scan);
					int			b2 = ind_trim_end(r->text, a2, e2);

					if (b2 <= a2 || memchr(r->text + a2, '|', b2 - a2) != NULL)
						break;
					total += b2 - a2;
					scan = n2;
				}
				if (scan > next)
				{
					char	   *buf = arena_alloc(r->arena, total + 1);
					int			o = last->len;

					memcpy(buf, last->s, last->len);
					while (next < scan)
					{
						int			n2;
						int			e2 = line_end(r->text, r->len, next, &n2);
						int			a2 = ind_skip_spaces(r->text, e2, next);
						int			b2 = ind_trim_end(r->text, a2, e2);

						memcpy(buf + o, r->text + a2, b2 - a2);
						o += b2 - a2;
						r->line++;
						rec->rawlen = e2 - (int) (rec->raw - r->text);
						next = n2;
					}
					buf[o] = '\0';
					last->s = buf;
					last->len = o;
				}
			}
			break;
		case GT_FORMAT_LINES:
		case GT_FORMAT_RUNON:
			add_cell(rec, rec->raw, rec->rawlen, 0, NULL);
			break;
		case GT_FORMAT_SPACES:
			split_blanks(rec, rec->raw, rec->rawlen, 1);
			break;
		case GT_FORMAT_ALIGNED:
			split_blanks(rec, rec->raw, rec->rawlen, 2);
			break;
		default:
			split_blanks(rec, rec->raw, rec->rawlen, 0);
			break;
	}
	r->pos = next;
	return true;
}
