/*
 * importer_stages.c
 *		Unit tests of the goal-table importer, stage by stage, outside the
 *		server: format detection and the cell readers (gt_cells.c), the words
 *		that are not data (gt_columns.c), run-together text (gt_runon.c), the
 *		stream of one-cell records (gt_stream.c), rows (gt_row.c), levels
 *		(gt_levels.c), bare targets (infer.c) and the driver (goal_table.c).
 *
 * The SQL tests see the importer only from the end of the pipeline; a slip
 * in one stage may be hidden by the next.  Here every stage is called on
 * its own, from tables of cases: each case states what the README's
 * importer section promises for one input.  What a stage returns is
 * rendered as a short text (cells in brackets, a row as "field=value"
 * pairs) and compared with the expected text, so a failure shows both.
 *
 * Output is TAP: "ok N - ..." or "not ok N - ...", diagnostics as "# ..."
 * lines, then "1..N".  The exit status is 1 when a check failed.
 *
 *   test/unit/importer_stages [repository root]
 *
 * The root (default ".") is where test/data/real/ is found.
 */
#include "postgres.h"

#include <stdio.h>
#include <stdlib.h>

#include "goal_table.h"
#include "goal_review.h"
#include "selfeval.h"
#include "hierarchy.h"
#include "infer.h"
#include "literal.h"
#include "scan.h"

#define BOM "\xEF\xBB\xBF"

/* ---- TAP ---- */

static int	tests_run = 0;
static int	tests_failed = 0;

/* One check: its TAP line, and when it failed what came out against what was wanted. */
static bool check(bool ok, const char *got, const char *want, const char *fmt,...) pg_attribute_printf(4, 5);

static bool
check(bool ok, const char *got, const char *want, const char *fmt,...)
{
	va_list		ap;
	char		what[512];

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	tests_run++;
	printf("%s %d - %s\n", ok ? "ok" : "not ok", tests_run, what);
	if (!ok)
	{
		tests_failed++;
		if (got != NULL)
			printf("#   got:  %s\n", got);
		if (want != NULL)
			printf("#   want: %s\n", want);
	}
	return ok;
}

/* Compare two renderings. */
static bool check_str(const char *got, const char *want, const char *fmt,...) pg_attribute_printf(3, 4);

static bool
check_str(const char *got, const char *want, const char *fmt,...)
{
	va_list		ap;
	char		what[512];

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return check(strcmp(got, want) == 0, got, want, "%s", what);
}

/* Compare two integers (counts, codes). */
static bool check_int(long got, long want, const char *fmt,...) pg_attribute_printf(3, 4);

static bool
check_int(long got, long want, const char *fmt,...)
{
	va_list		ap;
	char		what[512];
	char		g[32],
				w[32];

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(g, sizeof(g), "%ld", got);
	snprintf(w, sizeof(w), "%ld", want);
	return check(got == want, g, w, "%s", what);
}

/* ---- rendering what a stage returns ---- */

typedef struct StrBuf
{
	char		data[8192];
	int			len;
} StrBuf;

static void
sb_reset(StrBuf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

static void sb_add(StrBuf *b, const char *fmt,...) pg_attribute_printf(2, 3);

static void
sb_add(StrBuf *b, const char *fmt,...)
{
	va_list		ap;
	int			n;

	if (b->len >= (int) sizeof(b->data) - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, sizeof(b->data) - b->len, fmt, ap);
	va_end(ap);
	b->len = Min(b->len + n, (int) sizeof(b->data) - 1);
}

/* Text of a cell or slice, line breaks shown as \n so a diagnostic stays on its line. */
static void
sb_text(StrBuf *b, const char *s, int len)
{
	int			i;

	if (s == NULL)
	{
		sb_add(b, "(null)");
		return;
	}
	for (i = 0; i < len; i++)
	{
		if (s[i] == '\n')
			sb_add(b, "\\n");
		else if (s[i] == '\r')
			sb_add(b, "\\r");
		else if (s[i] == '\t')
			sb_add(b, "\\t");
		else
			sb_add(b, "%c", s[i]);
	}
}

/* Cells as "[a | b | c]"; with cols, each cell's column index as "a@2". */
static void
sb_cells(StrBuf *b, const GtCell *c, int n, bool cols)
{
	int			i;

	sb_add(b, "[");
	for (i = 0; i < n; i++)
	{
		if (i > 0)
			sb_add(b, " | ");
		sb_text(b, c[i].s, c[i].len);
		if (cols)
			sb_add(b, "@%d", c[i].col);
		if (c[i].notes & GT_NOTE_OCR_EQ)
			sb_add(b, "*ocr");
		if (c[i].notes & GT_NOTE_ANSWER_SPLIT)
			sb_add(b, "*answer");
	}
	sb_add(b, "]");
}

static void
sb_field(StrBuf *b, const char *name, GtSlice s)
{
	if (s.s == NULL)
		return;
	sb_add(b, "%s%s=", b->len > 0 ? "; " : "", name);
	sb_text(b, s.s, s.len);
}

/*
 * A row as gt_row_read() left it: its labels (the levels they name), then
 * the cells it took, in the order of the columns; only what is set.
 */
static void
sb_row(StrBuf *b, const GtRow *r)
{
	if (r->labels_only)
		sb_add(b, "labels");
	if (r->label1.level != NULL)
		sb_add(b, "%sl1=%s", b->len > 0 ? "; " : "", r->label1.level->name);
	if (r->label2.level != NULL)
		sb_add(b, "%sl2=%s", b->len > 0 ? "; " : "", r->label2.level->name);
	sb_field(b, "name", r->name);
	sb_field(b, "nature", r->nature);
	sb_field(b, "cmp", r->comparator);
	sb_field(b, "target", r->target);
	sb_field(b, "unit", r->unit);
	sb_field(b, "weight", r->weight);
	if (r->note_first.s != NULL)
	{
		GtSlice		note = r->note_first;

		note.len = (int) (r->note_last.s + r->note_last.len - r->note_first.s);
		sb_field(b, "note", note);
	}
	if (r->placeholder)
		sb_add(b, "; placeholder");
}

/*
 * A refusal or an error as "<tag><text>", checked by its start: when the
 * expected rendering has the same tag, the text is cut to the length it
 * gives (the cells a reason quotes are not the point).
 */
static void
sb_reason(StrBuf *b, const char *tag, const char *text, const char *want)
{
	int			tl = (int) strlen(tag);
	int			len = (int) strlen(text);

	if (strncmp(want, tag, tl) == 0)
		len = Min(len, (int) strlen(want) - tl);
	sb_add(b, "%s%.*s", tag, len, text);
}

/* ---- input helpers ---- */

/*
 * Cells from a tab-separated string.  Empty fields are dropped, as every
 * cell reader drops them, but keep their column index.
 */
static int
split_cells(const char *tabbed, GtCell *out, int max)
{
	int			n = 0;
	int			col = 0;
	const char *p = tabbed;

	for (;;)
	{
		const char *t = strchr(p, '\t');
		int			len = t ? (int) (t - p) : (int) strlen(p);

		if (len > 0 && n < max)
		{
			out[n].s = p;
			out[n].len = len;
			out[n].col = col;
			out[n].notes = 0;
			out[n].line = 1;
			n++;
		}
		col++;
		if (t == NULL)
			return n;
		p = t + 1;
	}
}

/* A header from a tab-separated row of column words; NULL if there is none or it does not read. */
static const GtHeader *
make_header(const char *tabbed, GtHeader *h, bool *bad)
{
	GtCell		c[GT_MAX_CELLS];
	int			n;

	*bad = false;
	if (tabbed == NULL)
		return NULL;
	n = split_cells(tabbed, c, GT_MAX_CELLS);
	if (!gt_header_read(c, n, h))
	{
		*bad = true;
		return NULL;
	}
	return h;
}

static const IndLevel *
level(const char *label)
{
	return label ? ind_level_lookup_loose(label, (int) strlen(label)) : NULL;
}

/* A file's contents, NUL-terminated; NULL if it cannot be read. */
static char *
read_file(const char *path, int *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		size;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
	{
		fclose(f);
		return NULL;
	}
	buf = palloc(size + 1);
	*len = (int) fread(buf, 1, size, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* ================================================================
 * Stage 1: format detection (gt_detect_format)
 * ================================================================ */

typedef struct DetectCase
{
	const char *what;
	const char *text;
	GtFormat	format;
	char		delim;			/* for CSV */
} DetectCase;

static const DetectCase detect_cases[] = {
	{"tab text, as the 一体化 systems export it",
		"绩效指标\t一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值\n"
		"\t产出指标\t数量指标\t培训人次\t正向\t大于等于\t100\t人次\t50\n"
		"\t\t质量指标\t合格率\t正向\t等于\t100\t%\t20\n",
	GT_FORMAT_TSV, ','},
	{"Excel CSV: BOM, CRLF, quoted cells with separators and doubled quotes",
		BOM "一级指标,二级指标,三级指标,指标值,分值\r\n"
		"产出指标,数量指标,\"培训人次，含\"\"线上\"\"\",≥100人次,50\r\n"
		",质量指标,\"合格率, 抽检\",=100%,20\r\n",
	GT_FORMAT_CSV, ','},
	{"semicolon CSV (a European-locale Excel)",
		"一级指标;二级指标;三级指标;指标值;分值\n"
		"产出指标;数量指标;培训人次;≥100人次;50\n"
		";质量指标;合格率;=100%;20\n",
	GT_FORMAT_CSV, ';'},
	{"pipe table with a rule row",
		"| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
		"|---|---|---|---|\n"
		"| 产出指标 | 数量指标 | 培训人次 | ≥100人次 |\n"
		"| | 质量指标 | 合格率 | =100% |\n",
	GT_FORMAT_PIPE, ','},
	{"one cell per line",
		"一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n脱贫户供水设施数量\n≥20座\n",
	GT_FORMAT_LINES, ','},
	{"one cell per paragraph (blank lines between cells)",
		"一级指标\n\n二级指标\n\n三级指标\n\n指标值\n\n产出指标\n\n数量指标\n\n脱贫户供水设施数量\n\n≥20座\n",
	GT_FORMAT_LINES, ','},
	{"cells between single spaces (pdftotext)",
		"一级指标 二级指标 三级指标 指标值\n"
		"产出指标 数量指标 受益人数 63人\n"
		"质量指标 合格率 100%\n",
	GT_FORMAT_SPACES, ','},
	{"aligned columns (pdftotext -layout)",
		"一级指标    二级指标    三级指标    指标值\n"
		"产出指标    数量指标    培训 人次   ≥100人次\n"
		"            质量指标    合格率      100%\n",
	GT_FORMAT_ALIGNED, ','},

	/*
	 * Two commas on every line, but each inside a number with thousands
	 * separators (44,561): no field separator, so not CSV.
	 */
	{"thousands separators (44,561) on every line are not CSV",
		"产出指标 时效指标 到位时间 = 44,561 44,561 10\n"
		"产出指标 时效指标 完成时间 = 44,561 44,561 10\n"
		"产出指标 数量指标 回收量 = 12,000 吨 1,500\n",
	GT_FORMAT_SPACES, ','},
	{"the same numbers quoted inside real CSV fields are CSV",
		"产出指标,时效指标,到位时间,=,\"44,561\",\"44,561\",10\n"
		"产出指标,时效指标,完成时间,=,\"44,561\",\"44,561\",10\n"
		"产出指标,数量指标,回收量,=,\"12,000\",吨,5\n",
	GT_FORMAT_CSV, ','},
};

/* A format as "tsv", or "csv ;" with its separator (which matters only for CSV). */
static void
format_text(GtFormat format, char delim, char *buf, int size)
{
	if (format == GT_FORMAT_CSV)
		snprintf(buf, size, "%s %c", gt_format_name(format), delim);
	else
		snprintf(buf, size, "%s", gt_format_name(format));
}

static void
test_detect(void)
{
	int			i;
	GtFormat	f;

	for (i = 0; i < (int) lengthof(detect_cases); i++)
	{
		const DetectCase *t = &detect_cases[i];
		char		delim = '?';
		GtFormat	got = gt_detect_format(t->text, (int) strlen(t->text), &delim);
		char		g[64],
					w[64];

		format_text(got, delim, g, sizeof(g));
		format_text(t->format, t->delim, w, sizeof(w));
		check_str(g, w, "detect: %s", t->what);
	}

	/* the format argument's names, as users type them */
	check(gt_format_from_name("tab", 3, &f) && f == GT_FORMAT_TSV, NULL, NULL,
		  "detect: format name 'tab' is tsv");
	check(gt_format_from_name("CSV", 3, &f) && f == GT_FORMAT_CSV, NULL, NULL,
		  "detect: format names are case-insensitive ('CSV')");
	check(gt_format_from_name("runon", 5, &f) && f == GT_FORMAT_RUNON, NULL, NULL,
		  "detect: format name 'runon'");
	check(!gt_format_from_name("xlsx", 4, &f), NULL, NULL,
		  "detect: an unknown format name is refused");
	check_str(gt_format_name(GT_FORMAT_ALIGNED), "aligned", "detect: gt_format_name(aligned)");
}

/* ================================================================
 * Stage 1: the cell readers (gt_cells_init, gt_cells_next)
 * ================================================================ */

typedef struct CellsCase
{
	const char *what;
	GtFormat	format;
	char		delim;
	const char *text;
	bool		cols;			/* show column indexes */
	const char *want;			/* "<line>[cells] ..." per record */
} CellsCase;

static const CellsCase cells_cases[] = {
	{"CSV: doubled quotes inside a quoted cell", GT_FORMAT_CSV, ',',
		"产出指标,数量指标,\"培训人次，含\"\"线上\"\"\",≥100人次\n",
	false, "1[产出指标 | 数量指标 | 培训人次，含\"线上\" | ≥100人次]"},
	{"CSV: a line break inside quotes stays in the cell, the record spans two lines", GT_FORMAT_CSV, ',',
		"质量指标,\"合格\n率\",=100%\n时效指标,完成时间,12月底前\n",
	false, "1[质量指标 | 合格\\n率 | =100%] 3[时效指标 | 完成时间 | 12月底前]"},
	{"CSV: a BOM is skipped, CRLF leaves no \\r in the last cell", GT_FORMAT_CSV, ',',
		BOM "一级指标,指标值\r\n产出指标,≥100人次\r\n",
	false, "1[一级指标 | 指标值] 2[产出指标 | ≥100人次]"},
	{"CSV with ';': a comma is part of the cell", GT_FORMAT_CSV, ';',
		"质量指标;合格率, 抽检;=100%\n",
	false, "1[质量指标 | 合格率, 抽检 | =100%]"},
	{"CSV: empty fields give no cell but keep the column index", GT_FORMAT_CSV, ',',
		",质量指标,,=100%\n",
	true, "1[质量指标@1 | =100%@3]"},
	{"pipe: rule rows and rows of pipes only carry no cells", GT_FORMAT_PIPE, ',',
		"| 一级指标 | 指标值 |\n|---|:--:|\n| | |\n| 产出指标 | ≥100人次 |\n",
	false, "1[一级指标 | 指标值] 2[] 3[] 4[产出指标 | ≥100人次]"},
	{"pipe: rows without a leading pipe, empty cells keep their column", GT_FORMAT_PIPE, ',',
		"指标类型 | 指标名称 | 指标值 |\n时效指标 |  | 全年 |\n",
	true, "1[指标类型@0 | 指标名称@1 | 指标值@2] 2[时效指标@0 | 全年@2]"},
	{"pipe: a line without a pipe continues the row's last cell", GT_FORMAT_PIPE, ',',
		"| 产出指标 | 完成全市绿地养护 |\n维护等\n| 质量指标 | 100% |\n",
	false, "1[产出指标 | 完成全市绿地养护维护等] 3[质量指标 | 100%]"},
	{"aligned: cut at two or more blanks, a single space stays in the cell", GT_FORMAT_ALIGNED, ',',
		"产出指标    数量指标  培训 人次   ≥100人次\n",
	false, "1[产出指标 | 数量指标 | 培训 人次 | ≥100人次]"},
	{"aligned: an ideographic space is as wide as two blanks", GT_FORMAT_ALIGNED, ',',
		"数量指标　培训 人次\n",
	false, "1[数量指标 | 培训 人次]"},
	{"tsv: a BOM is skipped, empty cells dropped with their column kept", GT_FORMAT_TSV, ',',
		BOM "\t产出指标\t\t培训人次\n",
	true, "1[产出指标@1 | 培训人次@3]"},
	{"spaces: every blank separates, ideographic spaces too", GT_FORMAT_SPACES, ',',
		"数量指标 对符合　政策 63人\n",
	false, "1[数量指标 | 对符合 | 政策 | 63人]"},
	{"lines: one cell a line, a blank line is a record without cells, a BOM skipped", GT_FORMAT_LINES, ',',
		BOM "产出指标\n\n数量指标 受益人数\n",
	false, "1[产出指标] 2[] 3[数量指标 受益人数]"},
};

static void
test_cells(void)
{
	int			i;

	for (i = 0; i < (int) lengthof(cells_cases); i++)
	{
		const CellsCase *t = &cells_cases[i];
		GtCellReader r;
		GtArena		arena = {0};
		GtRecord   *rec = palloc(sizeof(GtRecord));
		StrBuf		b;

		sb_reset(&b);
		gt_cells_init(&r, t->text, (int) strlen(t->text), t->format, t->delim, &arena);
		while (gt_cells_next(&r, rec))
		{
			if (b.len > 0)
				sb_add(&b, " ");
			sb_add(&b, "%d", rec->line);
			sb_cells(&b, rec->cells, rec->ncells, t->cols);
		}
		check_str(b.data, t->want, "cells: %s", t->what);
		gt_arena_free(&arena);
		pfree(rec);
	}
}

/* ================================================================
 * Stage 1b: column words, header rows, key words, years (gt_columns.c)
 * ================================================================ */

static const char *const column_names[] = {
	[GT_COL_NONE] = "none", [GT_COL_BLOCK] = "block", [GT_COL_LEVEL1] = "level1",
	[GT_COL_LEVEL2] = "level2", [GT_COL_NAME] = "name", [GT_COL_NATURE] = "nature",
	[GT_COL_DIRECTION] = "direction", [GT_COL_TARGET] = "target", [GT_COL_UNIT] = "unit",
	[GT_COL_WEIGHT] = "weight", [GT_COL_NOTE] = "note", [GT_COL_DESC] = "desc",
	[GT_COL_SKIP] = "skip",
};

typedef struct WordCase
{
	const char *word;
	GtColumn	col;
} WordCase;

static const WordCase column_word_cases[] = {
	{"一级指标", GT_COL_LEVEL1},
	{"指标类型", GT_COL_LEVEL1},
	{"二级指标", GT_COL_LEVEL2},
	{"三级指标", GT_COL_NAME},
	{"指标名称", GT_COL_NAME},
	{"指标性质", GT_COL_NATURE},
	{"指标方向", GT_COL_DIRECTION},
	{"目标值", GT_COL_TARGET},
	{"年度指标值", GT_COL_TARGET},
	{"指标值及单位", GT_COL_TARGET},
	{"指标值(包含数字及文字描述)", GT_COL_TARGET},
	{"计量单位", GT_COL_UNIT},
	{"度量单位", GT_COL_UNIT},
	{"分值", GT_COL_WEIGHT},
	{"权重", GT_COL_WEIGHT},
	{"绩效标准", GT_COL_NOTE},
	{"备注", GT_COL_NOTE},
	{"指标描述", GT_COL_DESC},
	/* long-term and annual columns: the long-term ones are skipped */
	{"指标值(长期)", GT_COL_SKIP},
	{"二级指标（长期）", GT_COL_SKIP},
	{"二级指标(年度)", GT_COL_LEVEL2},
	{"指标值(年度)", GT_COL_TARGET},
	{"上年实际值", GT_COL_SKIP},
	/* the block's label, with its weights in brackets */
	{"绩效指标", GT_COL_BLOCK},
	{"绩效指标(权重分值90分,其中产出指标权重分值50分)", GT_COL_BLOCK},
	/* not column words: data, a level label, an unclosed qualifier */
	{"指标值说明", GT_COL_NONE},
	{"产出指标", GT_COL_NONE},
	{"指标值(年度", GT_COL_NONE},
};

typedef struct HeaderCase
{
	const char *what;
	const char *cells;			/* tab-separated */
	const char *want;			/* NULL: not a header row */
} HeaderCase;

static const HeaderCase header_cases[] = {
	{"the national form, the block label carrying its weights",
		"绩效指标(权重分值90分,其中产出指标权重分值50分)\t一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值\t备注",
	"cols=level1,level2,name,nature,direction,target,unit,weight,note values=nature,direction,target,unit,weight,note level2 name weight unit"},
	{"long-term and annual column pairs: the annual target is the value",
		"一级指标\t二级指标(长期)\t三级指标(长期)\t指标值(长期)\t二级指标(年度)\t三级指标(年度)\t指标值(年度)",
	"cols=level1,skip,skip,skip,level2,name,target values=target level2 name skip"},
	{"no name column: 指标名称 holds the level 2, 指标描述 names the row",
		"指标类型\t指标名称\t指标值\t指标描述",
	"cols=level1,name,target,desc values=target,desc name desc"},
	{"last year's actual beside this year's value",
		"一级指标\t二级指标\t三级指标\t本年预期值\t上年实际值",
	"cols=level1,level2,name,target,skip values=target,skip level2 name skip"},
	{"weights as 权重 with a 指标值 that describes itself",
		"一级指标\t二级指标\t三级指标\t指标值(包含数字及文字描述)\t权重",
	"cols=level1,level2,name,target,weight values=target,weight level2 name weight"},
	{"three column words without a target column", "一级指标\t二级指标\t三级指标", NULL},
	{"two column words are too few", "一级指标\t指标值", NULL},
	{"a cell that is no column word", "一级指标\t二级指标\t三级指标\t指标值\t项目名称", NULL},
};

typedef struct KeyCase
{
	const char *text;
	bool		key;
	int			field;
} KeyCase;

static const KeyCase key_cases[] = {
	{"项目名称", true, GT_NAME},
	{"项目名称：", true, GT_NAME},
	{"其中:财政拨款", true, GT_FISCAL},
	{"其中：财政拨款", true, GT_FISCAL},
	{"年度资金总额:", true, GT_TOTAL},
	{"(一)财政拨款小计", true, GT_FISCAL},
	{"（二）其他资金", true, GT_NONFISCAL},
	{"1、一般公共预算", true, GT_FIELD_OTHER},
	{"资金总额(万元)", true, GT_TOTAL},
	{"主管部门及编码", true, GT_DEPARTMENT},
	{"预算执行率权重(%)", true, GT_BUDGET_WEIGHT},
	{"项目类型", true, GT_FIELD_OTHER},
	/* a year before the key is not the forms' dressing */
	{"(2022年)项目名称", false, 0},
	{"项目名称(2022年)", false, 0},
	{"其中", false, 0},
	{"(一)", false, 0},
};

typedef struct YearCase
{
	const char *text;
	int			len;			/* what gt_year_at returns */
	const char *year;
} YearCase;

static const YearCase year_cases[] = {
	{"(2022年)", 9, "2022"},
	{"（2022年度）", 16, "2022"},
	{"2020年度)", 11, "2020"},
	{"2023年度", 10, "2023"},
	{"2022年度绩效目标", 10, "2022"},
	{"(22年)", 0, NULL},
	{"(2022)", 0, NULL},
	{"(20223年)", 0, NULL},
};

static void
sb_header(StrBuf *b, const GtHeader *h)
{
	int			i;

	sb_add(b, "cols=");
	for (i = 0; i < h->ncols; i++)
		sb_add(b, "%s%s", i ? "," : "", column_names[h->col[i]]);
	sb_add(b, " values=");
	for (i = 0; i < h->nvalues; i++)
		sb_add(b, "%s%s", i ? "," : "", column_names[h->values[i]]);
	if (h->has_level2)
		sb_add(b, " level2");
	if (h->has_name)
		sb_add(b, " name");
	if (h->has_weight)
		sb_add(b, " weight");
	if (h->has_unit)
		sb_add(b, " unit");
	if (h->has_desc)
		sb_add(b, " desc");
	if (h->has_skip)
		sb_add(b, " skip");
}

static void
test_columns(void)
{
	int			i;

	for (i = 0; i < (int) lengthof(column_word_cases); i++)
	{
		const WordCase *t = &column_word_cases[i];
		GtColumn	got = gt_column_word(t->word, (int) strlen(t->word));

		check_str(column_names[got], column_names[t->col], "columns: column word \"%s\"", t->word);
	}
	for (i = 0; i < (int) lengthof(header_cases); i++)
	{
		const HeaderCase *t = &header_cases[i];
		GtCell		c[GT_MAX_CELLS];
		GtHeader	h;
		int			n = split_cells(t->cells, c, GT_MAX_CELLS);
		bool		ok = gt_header_read(c, n, &h);
		StrBuf		b;

		sb_reset(&b);
		if (ok)
			sb_header(&b, &h);
		else
			sb_add(&b, "not a header");
		check_str(b.data, t->want ? t->want : "not a header", "columns: header row, %s", t->what);
	}
	for (i = 0; i < (int) lengthof(key_cases); i++)
	{
		const KeyCase *t = &key_cases[i];
		int			field = -99;
		bool		key = gt_key_word(t->text, (int) strlen(t->text), &field);
		char		g[32],
					w[32];

		snprintf(g, sizeof(g), key ? "key %d" : "no key", field);
		snprintf(w, sizeof(w), t->key ? "key %d" : "no key", t->field);
		check_str(g, w, "columns: key word \"%s\"", t->text);
	}
	for (i = 0; i < (int) lengthof(year_cases); i++)
	{
		const YearCase *t = &year_cases[i];
		const char *year = NULL;
		int			n = gt_year_at(t->text, (int) strlen(t->text), &year);
		char		g[64],
					w[64];

		snprintf(g, sizeof(g), "%d %.4s", n, n > 0 && year ? year : "-");
		snprintf(w, sizeof(w), "%d %s", t->len, t->year ? t->year : "-");
		check_str(g, w, "columns: gt_year_at(\"%s\")", t->text);
	}

	/* a web page's furniture, and the cells that only label a block */
	check(gt_is_boilerplate("发布时间：2022-05-16 浏览量：1", strlen("发布时间：2022-05-16 浏览量：1")),
		  NULL, NULL, "columns: 发布时间 … 浏览量 is boilerplate");
	check(gt_is_boilerplate("【打印】【关闭】", strlen("【打印】【关闭】")), NULL, NULL,
		  "columns: 【打印】 is boilerplate");
	check(!gt_is_boilerplate("产出指标\t数量指标\t培训人次", strlen("产出指标\t数量指标\t培训人次")),
		  NULL, NULL, "columns: a table row is not boilerplate");
	check(gt_is_label_only("投入目标 (万元)", strlen("投入目标 (万元)")), NULL, NULL,
		  "columns: 投入目标 (万元) only labels a block");
	check(!gt_is_label_only("资金总额", strlen("资金总额")), NULL, NULL,
		  "columns: 资金总额 is a key, not a block label");
}

/* ================================================================
 * Stage 2: run-together text (gt_runon.c)
 * ================================================================ */

typedef struct RunonCase
{
	const char *what;
	const char *text;
	bool		in_table;		/* before the call */
	const char *want;
	bool		in_table_after;
} RunonCase;

static const RunonCase runon_cases[] = {
	{"labels, names and targets cut at the comparator, OCR's 二 for =",
		"产出指标数量指标免费开放天数=300天质量指标完成率二100百分比", false,
	"[产出指标 | 数量指标 | 免费开放天数 | =300天 | 质量指标 | 完成率 | 二100百分比*ocr]", true},
	{"a qualitative target word split off the name",
		"效益指标社会效益指标对当地文物保护、文化传承影响长远", false,
	"[效益指标 | 社会效益指标 | 对当地文物保护、文化传承影响 | 长远*answer]", true},
	{"a piece none of the rules splits is kept whole (and reported later)",
		"效益指标经济效益指标为当地提供就业LJUI,冈位增加岗位社会效益指标受益人数63人", false,
	"[效益指标 | 经济效益指标 | 为当地提供就业LJUI,冈位增加岗位 | 社会效益指标 | 受益人数 | 63人]", true},
	{"a bare number and a deadline that run to the end",
		"产出指标数量指标受益人数63人时效指标完成时间2023年12月底前", false,
	"[产出指标 | 数量指标 | 受益人数 | 63人 | 时效指标 | 完成时间 | 2023年12月底前]", true},
	{"二 before a non-digit is a word, not OCR's =",
		"产出指标数量指标道路长度二级公路12公里质量指标验收合格率=100%", false,
	"[产出指标 | 数量指标 | 道路长度二级公路 | 12公里 | 质量指标 | 验收合格率 | =100%]", true},
	{"right after a level 1, its level 2 may drop 指标",
		"满意度指标服务对象满意度参观群众满意度≥95%", false,
	"[满意度指标 | 服务对象满意度 | 参观群众满意度 | ≥95%]", true},
	{"before the table, key words and their values",
		"项目名称博物馆免费开放主管部门嘉峪关市文化和旅游局实施单位城市博物馆", false,
	"[项目名称 | 博物馆免费开放 | 主管部门 | 嘉峪关市文化和旅游局 | 实施单位 | 城市博物馆]", false},
	{"a title with its year ends the table",
		"受益人数=63人省级部门预算项目支出绩效目标表(2023年度)项目名称文化事业", true,
	"[受益人数 | =63人 | 省级部门预算项目支出绩效目标表 | (2023年度) | 项目名称 | 文化事业]", false},
	{"inside the table a continued line is still a row", "受益人数63人", true,
	"[受益人数 | 63人]", true},
	{"outside the table the same text stays one cell", "受益人数63人", false,
	"[受益人数63人]", false},
};

typedef struct IsRunonCase
{
	const char *what;
	const char *text;
	bool		runon;
} IsRunonCase;

static const IsRunonCase is_runon_cases[] = {
	{"a long line with several labels",
	"产出指标数量指标免费开放天数=300天质量指标完成率二100百分比", true},
	{"a long line with a title and three key words",
	"省级部门预算项目支出绩效目标表(2023年度)项目名称文化事业发展专项资金主管部门嘉峪关市文化和旅游局实施单位城市博物馆", true},
	{"a short cell with two labels is not run together",
	"效益指标社会效益指标对当地文物保护影响长远", false},
	{"a long cell with one label is a name",
	"产出指标对符合政策法规的独生子伤残、死亡家庭进行扶助培训，提高群众知晓率和参与率", false},
	{"a long prose cell without labels",
	"通过开展好党建活动、增强意识形态阵地建设管理和做好改革调研工作，实现加强党员素质", false},
};

static void
test_runon(void)
{
	int			i;

	for (i = 0; i < (int) lengthof(runon_cases); i++)
	{
		const RunonCase *t = &runon_cases[i];
		GtCell		c[128];
		bool		in_table = t->in_table;
		int			n = gt_runon_split(t->text, (int) strlen(t->text), c, lengthof(c), &in_table);
		StrBuf		b;

		sb_reset(&b);
		sb_cells(&b, c, n, false);
		sb_add(&b, in_table ? " in table" : " outside");
		{
			char		want[1024];

			snprintf(want, sizeof(want), "%s%s", t->want, t->in_table_after ? " in table" : " outside");
			check_str(b.data, want, "runon: %s", t->what);
		}
	}
	for (i = 0; i < (int) lengthof(is_runon_cases); i++)
	{
		const IsRunonCase *t = &is_runon_cases[i];

		check(gt_is_runon(t->text, (int) strlen(t->text)) == t->runon,
			  t->runon ? "false" : "true", t->runon ? "true" : "false", "runon: gt_is_runon, %s", t->what);
	}
}

/* ================================================================
 * Stage 2: a stream of one-cell records grouped into rows (gt_stream.c)
 * ================================================================ */

typedef struct StreamCase
{
	const char *what;
	const char *header;			/* tab-separated column words, or NULL */
	const char *cells;			/* tab-separated: one cell each */
	bool		final;
	const char *want;
	int			used;
} StreamCase;

static const StreamCase stream_cases[] = {
	{"no header: labels alone, a name with the target after it", NULL,
		"产出指标\t数量指标\t脱贫户供水设施数量\t≥20座\t质量指标\t验收合格率\t=100%", true,
	"[产出指标] [数量指标] [脱贫户供水设施数量 | ≥20座] [质量指标] [验收合格率 | =100%]", 7},
	{"a label split as 经济效益 + 指标 is joined", NULL,
		"效益指标\t经济效益\t指标\t带动增收\t≥5万元", true,
	"[效益指标] [经济效益指标] [带动增收 | ≥5万元]", 5},
	{"a key takes the next cell as its value; a key split in two is joined", NULL,
		"项目名称\t高标准农田建设项目\t主管部门\t及编码\t县农业农村局\t年度目标\t完成建设任务", true,
	"[项目名称 | 高标准农田建设项目] [主管部门及编码 | 县农业农村局] [年度目标 | 完成建设任务]", 7},
	{"a key before a structure cell has no value; column words make one record", NULL,
		"年度目标\t一级指标\t二级指标\t三级指标\t指标值\t产出指标", true,
	"[年度目标] [一级指标 | 二级指标 | 三级指标 | 指标值] [产出指标]", 6},
	{"no header: nature, comparator, target, unit and weight follow the name", NULL,
		"数量指标\t培训人次\t正向\t≥\t100\t人次\t10\t质量指标\t合格率\t=100%", true,
	"[数量指标] [培训人次 | 正向 | ≥ | 100 | 人次 | 10] [质量指标] [合格率 | =100%]", 10},
	{"with a header: the target is the next cell whatever it says",
		"一级指标\t二级指标\t三级指标\t指标值",
		"产出指标\t数量指标\t受益人数\t63人\t时效指标\t项目实施时间\t2021年1月-12月\t效益指标\t社会效益指标\t群众知晓度\t有效提高", true,
	"[产出指标] [数量指标] [受益人数 | 63人] [时效指标] [项目实施时间 | 2021年1月-12月] [效益指标] [社会效益指标] [群众知晓度 | 有效提高]", 11},
	{"with a header: the header's columns after the name, by what they are",
		"一级指标\t二级指标\t三级指标\t指标性质\t指标值\t计量单位\t分值",
		"数量指标\t培训人次\t正向\t100\t人次\t10\t质量指标\t合格率\t正向\t100\t%\t10", true,
	"[数量指标] [培训人次 | 正向 | 100 | 人次 | 10] [质量指标] [合格率 | 正向 | 100 | % | 10]", 12},
	{"满意度 under 服务对象满意度 is a name when a target follows", NULL,
		"满意度指标\t服务对象满意度指标\t满意度\t≥90%", true,
	"[满意度指标] [服务对象满意度指标] [满意度 | ≥90%]", 4},

	/*
	 * Not final: a row may go on in cells still to come, so the last 16
	 * cells are left for the next call.
	 */
	{"not final: the last 16 cells wait for the next call", NULL,
		"产出指标\t数量指标\t甲\t≥1次\t乙\t≥2次\t丙\t≥3次\t丁\t≥4次\t戊\t≥5次\t己\t≥6次\t庚\t≥7次\t辛\t≥8次\t壬\t≥9次", false,
	"[产出指标] [数量指标] [甲 | ≥1次]", 4},
};

static void
stream_record(void *arg, GtCell *cells, int ncells)
{
	StrBuf	   *b = (StrBuf *) arg;

	if (b->len > 0)
		sb_add(b, " ");
	sb_cells(b, cells, ncells, false);
}

static void
test_stream(void)
{
	int			i;

	for (i = 0; i < (int) lengthof(stream_cases); i++)
	{
		const StreamCase *t = &stream_cases[i];
		GtCell		c[GT_MAX_CELLS];
		GtHeader	h;
		bool		bad;
		const GtHeader *hp = make_header(t->header, &h, &bad);
		int			n = split_cells(t->cells, c, GT_MAX_CELLS);
		GtArena		arena = {0};
		StrBuf		b;
		int			used;

		sb_reset(&b);
		if (bad)
		{
			check(false, NULL, NULL, "stream: %s (the test's header does not read)", t->what);
			continue;
		}
		used = gt_stream_group(c, n, t->final, &arena, &hp, stream_record, &b);
		sb_add(&b, " used %d", used);
		{
			char		want[2048];

			snprintf(want, sizeof(want), "%s used %d", t->want, t->used);
			check_str(b.data, want, "stream: %s", t->what);
		}
		gt_arena_free(&arena);
	}
}

/* ================================================================
 * Stage 3: a record's cells to a row (gt_row_read)
 * ================================================================ */

typedef struct RowCase
{
	const char *what;
	const char *header;			/* tab-separated, or NULL: anchors alone */
	const char *cells;			/* tab-separated (empty fields dropped) */
	bool		spaced;			/* the cells were split at single blanks */
	const char *want;			/* the row, or "refused: <reason start>" */
	int			notes;			/* GtRowNote bits expected, -1: not checked */
} RowCase;

static const RowCase row_cases[] = {
	/* anchored: the first nature word, comparator word or combined target */
	{"anchored by a nature word", NULL,
		"产出指标\t数量指标\t培训人次\t正向\t大于等于\t100\t人次\t50", false,
	"l1=产出指标; l2=数量指标; name=培训人次; nature=正向; cmp=大于等于; target=100; unit=人次; weight=50", 0},
	/* no header, so nothing says the table has weights: no "no weight" note */
	{"anchored by a combined target, no weight column", NULL,
		"产出指标\t数量指标\t脱贫村村内道路硬化里程\t≥100公里", false,
	"l1=产出指标; l2=数量指标; name=脱贫村村内道路硬化里程; target=≥100公里", 0},
	{"anchored: no unit, the first number after the target is the weight", NULL,
		"产出指标\t数量指标\t出差人数\t正向\t=\t8\t4", false,
	"l1=产出指标; l2=数量指标; name=出差人数; nature=正向; cmp==; target=8; weight=4", 0},
	{"anchored: the weight as 20%", NULL,
		"产出指标\t数量指标\t培训人次\t≥100人次\t20%", false,
	"l1=产出指标; l2=数量指标; name=培训人次; target=≥100人次; weight=20%", 0},
	{"anchored: the weight as 10分, notes after it", NULL,
		"产出指标\t数量指标\t培训人次\t≥100人次\t10分\t备注一\t备注二", false,
	"l1=产出指标; l2=数量指标; name=培训人次; target=≥100人次; weight=10分; note=备注一\\t备注二", 0},
	{"anchored: an OCR look-alike comparator in a combined target", NULL,
		"产出指标\t数量指标\t受益人数\t‹=6962人\t10", false,
	"l1=产出指标; l2=数量指标; name=受益人数; target=‹=6962人; weight=10", 0},
	{"two names before the anchor are refused", NULL,
		"产出指标\t数量指标\t出差人数\t培训\t正向\t=\t8\t4", false,
	"refused: two names before the indicator's nature", -1},
	{"the same cells split at blanks are one name", NULL,
		"产出指标\t数量指标\t出差\t人数\t正向\t=\t8\t4", true,
	"l1=产出指标; l2=数量指标; name=出差\\t人数; nature=正向; cmp==; target=8; weight=4", 0},
	{"no name before the anchor is refused", NULL,
		"产出指标\t数量指标\t正向\t=\t8\t4", false,
	"refused: no indicator name before the nature, comparator or target", -1},
	{"the Excel serial date printed in the target and unit columns (44,561 44,561 10)", NULL,
		"产出指标\t时效指标\t项目财政资金到位时间\t正向\t=\t44,561\t44,561\t10", false,
	"l1=产出指标; l2=时效指标; name=项目财政资金到位时间; nature=正向; cmp==; target=44,561; unit=44,561; weight=10", 0},
	{"满意度指标 printed again in the level-2 column is its sole level 2", NULL,
		"满意度指标\t满意度指标\t满意度\t≥90%", false,
	"l1=满意度指标; l2=服务对象满意度指标; name=满意度; target=≥90%", -1},
	{"an indicator called 满意度 under 服务对象满意度", NULL,
		"满意度指标\t服务对象满意度指标\t满意度\t≥90%", false,
	"l1=满意度指标; l2=服务对象满意度指标; name=满意度; target=≥90%", -1},
	{"the 无 placeholder", NULL,
		"效益指标\t经济效益\t无\t定性\t无\t0", false,
	"l1=效益指标; l2=经济效益指标; name=无; nature=定性; target=无; weight=0; placeholder", 0},
	{"a line of labels alone", NULL,
		"产出指标\t数量指标", false,
	"labels; l1=产出指标; l2=数量指标", -1},
	{"no header, no anchor: a bare target after the name", NULL,
		"受益人数\t63人\t10", false,
	"name=受益人数; target=63人; weight=10", GT_NOTE_BARE_ROW},
	{"no header, no anchor: a lone number is no target", NULL,
		"受益人数\t63\t10", false,
	"refused: neither a header line nor an indicator row", -1},

	{"PDF text: a target split at its blanks (≥ 200 人) is one target with its unit",
		"一级指标\t二级指标\t三级指标\t指标值",
		"产出指标\t数量指标\t受益老人\t≥\t200\t人", true,
	"l1=产出指标; l2=数量指标; name=受益老人; cmp=≥; target=200; unit=人", 0},

	/* header-driven: the target is the cell after the name */
	{"header-driven: a bare target", "一级指标\t二级指标\t三级指标\t指标值",
		"产出指标\t数量指标\t受益人数\t63人", false,
	"l1=产出指标; l2=数量指标; name=受益人数; target=63人", 0},
	{"header-driven: a period as the target", "一级指标\t二级指标\t三级指标\t指标值",
		"\t时效指标\t项目实施时间\t2021年1月-12月", false,
	"l2=时效指标; name=项目实施时间; target=2021年1月-12月", 0},
	{"header-driven: text as the target", "一级指标\t二级指标\t三级指标\t指标值",
		"效益指标\t社会效益指标\t群众知晓度\t有效提高", false,
	"l1=效益指标; l2=社会效益指标; name=群众知晓度; target=有效提高", 0},
	{"header-driven: the weight column with 20%", "一级指标\t二级指标\t三级指标\t指标值\t权重",
		"产出指标\t数量指标\t受益人数\t63人\t20%", false,
	"l1=产出指标; l2=数量指标; name=受益人数; target=63人; weight=20%", 0},
	{"header-driven: name from 指标描述 (no name column)", "指标类型\t指标名称\t指标值\t指标描述",
		"产出指标\t数量指标\t375万平方米\t完成全市375万平方米的绿地养护、维护等", false,
	"l1=产出指标; l2=数量指标; name=完成全市375万平方米的绿地养护、维护等; target=375万平方米", GT_NOTE_NAME_FROM_DESC},
	{"header-driven: name from 指标描述 after an anchor", "指标类型\t指标名称\t指标值\t指标描述",
		"质量指标\t≥95%\t达到绿化绿地全覆盖", false,
	"l2=质量指标; name=达到绿化绿地全覆盖; target=≥95%", GT_NOTE_NAME_FROM_DESC},
	{"header-driven: last year's actual is skipped for this year's value",
		"一级指标\t二级指标\t三级指标\t上年实际值\t本年预期值",
		"产出指标\t数量指标\t培训人次\t≥80人次\t≥100人次", false,
	"l1=产出指标; l2=数量指标; name=培训人次; target=≥100人次", GT_NOTE_ANNUAL},
	{"header-driven: empty long-term cells, the annual ones read",
		"一级指标\t二级指标(长期)\t三级指标(长期)\t指标值(长期)\t二级指标(年度)\t三级指标(年度)\t指标值(年度)",
		"产出指标\t\t\t\t数量指标\t重点建设工程安排数量\t2", false,
	"l1=产出指标; l2=数量指标; name=重点建设工程安排数量; target=2", GT_NOTE_ANNUAL},
	{"header-driven: ≧ in the 指标性质 column is a comparator",
		"一级指标\t二级指标\t三级指标\t指标性质\t指标值\t计量单位\t分值",
		"产出指标\t数量指标\t培训人次\t≧\t100\t人次\t10", false,
	"l1=产出指标; l2=数量指标; name=培训人次; cmp=≧; target=100; unit=人次; weight=10", 0},
};

/* Rows whose indicator is checked once their level 2 is known. */
typedef struct SpecCase
{
	const char *what;
	const char *header;
	const char *cells;
	const char *level2;			/* the level 2 the level stage would give */
	bool		serial;			/* gt_row_serial_date() */
	const char *want;			/* the indicator, or "error: <start of detail>" */
} SpecCase;

static const SpecCase spec_cases[] = {
	{"an Excel serial date in a 时效 row is the deadline it stands for", NULL,
		"产出指标\t时效指标\t项目财政资金到位时间\t正向\t=\t44,561\t44,561\t10", "时效指标", true,
	"定性 2021年12月31日前"},
	{"a count of 44,561 people is no date", NULL,
		"产出指标\t数量指标\t受益人数\t正向\t=\t44,561\t人\t10", "数量指标", false,
	"正向 = 44561 人"},
	{"the weight 20% is no part of the indicator", NULL,
		"产出指标\t数量指标\t培训人次\t≥100人次\t20%", "数量指标", false,
	"正向 >= 100 人次"},
	{"≥**人 is the form's placeholder: no value", "一级指标\t二级指标\t三级指标\t指标值",
		"产出指标\t数量指标\t培训人数\t≥**人", "数量指标", false,
	"error: The target \"≥**人\" is a placeholder"},
	{"header-driven bare target under 数量指标", "一级指标\t二级指标\t三级指标\t指标值",
		"产出指标\t数量指标\t受益人数\t63人", "数量指标", false,
	"正向 >= 63 人"},
	{"header-driven bare target under 成本指标", "一级指标\t二级指标\t三级指标\t指标值",
		"产出指标\t成本指标\t亩均补助\t1600元/亩", "成本指标", false,
	"反向 <= 1600 元/亩"},
};

static void
read_row(const RowCase *t, GtRow *row, bool *ok, char *reason, int reasonlen, bool *bad)
{
	GtCell		c[GT_MAX_CELLS];
	GtHeader	h;
	const GtHeader *hp = make_header(t->header, &h, bad);
	int			n = split_cells(t->cells, c, GT_MAX_CELLS);

	memset(row, 0, sizeof(*row));
	row->from1 = row->from2 = -1;
	reason[0] = '\0';
	*ok = !*bad && gt_row_read(c, n, hp, t->spaced, row, reason, reasonlen);
}

static void
test_row(void)
{
	int			i;
	char	   *specbuf = palloc(GT_SPECBUF_SIZE);

	for (i = 0; i < (int) lengthof(row_cases); i++)
	{
		const RowCase *t = &row_cases[i];
		GtRow		row;
		char		reason[IND_ERR_DETAIL_LEN];
		bool		ok,
					bad;
		StrBuf		b;

		read_row(t, &row, &ok, reason, sizeof(reason), &bad);
		sb_reset(&b);
		if (bad)
			sb_add(&b, "the test's header does not read");
		else if (ok)
			sb_row(&b, &row);
		else
			sb_reason(&b, "refused: ", reason, t->want);
		if (ok && t->notes >= 0 && row.notes != t->notes)
			sb_add(&b, " (notes %d, not %d)", row.notes, t->notes);
		check_str(b.data, t->want, "row: %s", t->what);
	}

	for (i = 0; i < (int) lengthof(spec_cases); i++)
	{
		const SpecCase *t = &spec_cases[i];
		RowCase		rc = {t->what, t->header, t->cells, false, NULL, -1};
		GtRow		row;
		char		reason[IND_ERR_DETAIL_LEN];
		bool		ok,
					bad;
		StrBuf		b;

		read_row(&rc, &row, &ok, reason, sizeof(reason), &bad);
		sb_reset(&b);
		if (!ok)
			sb_add(&b, "row refused: %s", bad ? "the test's header does not read" : reason);
		else
		{
			IndSpec		spec;
			IndError	err;
			int			inferred;
			char		out[IND_TEXTBUF_SIZE + 256];
			bool		serial;

			/* what the driver does once the project's levels are known */
			row.level1 = row.label1.level;
			row.level2 = level(t->level2);
			serial = gt_row_serial_date(&row);
			if (serial)
				row.notes |= GT_NOTE_SERIAL_DATE;
			if (gt_row_spec(&row, specbuf, &spec, &err, &inferred) == IND_OK)
			{
				ind_format(&spec, out);
				sb_add(&b, "%s", out);
			}
			else
				sb_reason(&b, "error: ", err.detail, t->want);
			if (serial != t->serial)
				sb_add(&b, " (serial date %s)", serial ? "seen" : "not seen");
		}
		check_str(b.data, t->want, "row indicator: %s", t->what);
	}

	/* the weight 20% reads as the number 20, as goal_table_rows() returns it */
	{
		RowCase		rc = {"weight", NULL, "产出指标\t数量指标\t培训人次\t≥100人次\t20%", false, NULL, -1};
		GtRow		row;
		char		reason[IND_ERR_DETAIL_LEN];
		bool		ok,
					bad;
		IndDecimal	w;
		int			used;
		char		buf[IND_DEC_BUFLEN];

		read_row(&rc, &row, &ok, reason, sizeof(reason), &bad);
		buf[0] = '\0';
		if (ok && row.weight.s != NULL &&
			ind_decimal_parse(row.weight.s, row.weight.len, true, &used, &w) == IND_DEC_OK)
			ind_decimal_format(ind_decimal_normalize(w), buf);
		check_str(buf, "20", "row: the weight 20%% is the number 20");
	}

	/* OCR's 二 in run-together text: the cut cell's note makes the row's = */
	{
		const char *text = "产出指标数量指标免费开放天数=300天质量指标完成率二100百分比";
		GtCell		c[32];
		bool		in_table = false;
		int			n = gt_runon_split(text, (int) strlen(text), c, lengthof(c), &in_table);
		GtRow		row;
		char		reason[IND_ERR_DETAIL_LEN];
		IndSpec		spec;
		IndError	err;
		int			inferred;
		char		out[IND_TEXTBUF_SIZE + 256] = "";

		GtHeader	h;
		bool		bad;
		const GtHeader *hp = make_header("一级指标\t二级指标\t三级指标\t指标值", &h, &bad);

		/*
		 * The last three cells: 质量指标, 完成率, 二100百分比.  goal-05 prints
		 * its column words run together before them: the header decides.
		 */
		memset(&row, 0, sizeof(row));
		reason[0] = '\0';
		if (n < 3 || !gt_row_read(c + n - 3, 3, hp, false, &row, reason, sizeof(reason)))
			snprintf(out, sizeof(out), "row refused: %s", reason);
		else
		{
			row.level1 = level("产出指标");
			row.level2 = row.label2.level;
			if (gt_row_spec(&row, specbuf, &spec, &err, &inferred) == IND_OK)
				ind_format(&spec, out);
			else
				snprintf(out, sizeof(out), "error: %s", err.detail);
		}
		check((row.notes & GT_NOTE_OCR_EQ) != 0 && strcmp(out, "正向 = 100 %") == 0, out, "正向 = 100 % (OCR note set)",
			  "row: OCR's 二100百分比 from run-together text reads as = 100 %%");
	}
	pfree(specbuf);
}

/* ================================================================
 * Stage 4: labels and levels (gt_levels.c)
 * ================================================================ */

typedef struct LevelRow
{
	const char *l1;				/* the labels printed on the row, or NULL */
	const char *l2;
	const char *name;			/* NULL: a line of labels alone */
	bool		placeholder;
} LevelRow;

typedef struct LevelCase
{
	const char *what;
	LevelRow	rows[8];		/* up to the first with neither labels nor name */
	const char *want;			/* "name:level1/level2; ..." ("-" for none) */
} LevelCase;

static const LevelCase level_cases[] = {
	{"labels fill down, a new level 2 under the same level 1",
		{{"产出指标", "数量指标", "甲"}, {NULL, NULL, "乙"}, {NULL, "质量指标", "丙"}, {NULL, NULL, "丁"},
		{"效益指标", "社会效益", "戊"}, {NULL, NULL, "己"}},
	"甲:产出指标/数量指标; 乙:产出指标/数量指标; 丙:产出指标/质量指标; 丁:产出指标/质量指标; 戊:效益指标/社会效益指标; 己:效益指标/社会效益指标"},
	{"a level-2 label implies its level 1",
		{{"产出指标", "数量指标", "甲"}, {NULL, "可持续影响", "乙"}, {NULL, "服务对象满意度", "丙"}},
	"甲:产出指标/数量指标; 乙:效益指标/可持续影响指标; 丙:满意度指标/服务对象满意度指标"},
	{"labels on lines of their own",
		{{"产出指标", NULL, NULL}, {NULL, "数量指标", NULL}, {NULL, NULL, "甲"}, {NULL, "质量指标", NULL},
		{NULL, NULL, "乙"}},
	"甲:产出指标/数量指标; 乙:产出指标/质量指标"},
	{"the 无 placeholder: the next row waits for the next level 2",
		{{"产出指标", "数量指标", "甲"}, {"效益指标", "经济效益", "无", true}, {NULL, NULL, "乙"},
		{NULL, "社会效益", "丙"}},
	"甲:产出指标/数量指标; 无:效益指标/经济效益指标; 乙:效益指标/社会效益指标; 丙:效益指标/社会效益指标"},
	{"after a 无 placeholder and no level 2 after it, a row keeps its level 1 alone",
		{{"效益指标", "经济效益", "无", true}, {NULL, NULL, "乙"}},
	"无:效益指标/经济效益指标; 乙:效益指标/-"},

	/*
	 * The bug the first review found: a row under a level 1 without a
	 * level 2 took the next row's level 2 of another level 1.
	 */
	{"a row under 产出指标 without level 2 is not given 效益指标's 社会效益指标",
		{{"产出指标", NULL, "甲"}, {"效益指标", "社会效益指标", "乙"}},
	"甲:产出指标/-; 乙:效益指标/社会效益指标"},
	{"nor when the next level 2 implies the other level 1",
		{{"产出指标", NULL, "甲"}, {NULL, "社会效益指标", "乙"}},
	"甲:产出指标/-; 乙:效益指标/社会效益指标"},

	/*
	 * A merged level-2 cell copied from a page prints its label in the
	 * middle of its rows: a row before it under the same level 1 waits
	 * for it.
	 */
	{"a row without level 2 takes the next level 2 of its own level 1",
		{{"产出指标", NULL, "甲"}, {NULL, "数量指标", "乙"}},
	"甲:产出指标/数量指标; 乙:产出指标/数量指标"},
	{"rows still waiting at the end keep their own level 1",
		{{"产出指标", "数量指标", "甲"}, {"效益指标", NULL, "乙"}},
	"甲:产出指标/数量指标; 乙:效益指标/-"},
	{"满意度指标 without a level 2 gets its sole level 2",
		{{"产出指标", "数量指标", "甲"}, {"满意度指标", NULL, "乙"}},
	"甲:产出指标/数量指标; 乙:满意度指标/服务对象满意度指标"},
	{"the 2021 framework: 成本指标 as a level 1",
		{{"成本指标", "经济成本指标", "甲"}, {NULL, "社会成本指标", "乙"}, {"产出指标", "数量指标", "丙"}},
	"甲:成本指标/经济成本指标; 乙:成本指标/社会成本指标; 丙:产出指标/数量指标"},
};

static void
test_levels(void)
{
	int			i;

	for (i = 0; i < (int) lengthof(level_cases); i++)
	{
		const LevelCase *t = &level_cases[i];
		GtRow		rows[8];
		int			n = 0;
		int			j;
		StrBuf		b;

		memset(rows, 0, sizeof(rows));
		for (n = 0; n < (int) lengthof(t->rows) && (t->rows[n].l1 || t->rows[n].l2 || t->rows[n].name); n++)
		{
			const LevelRow *lr = &t->rows[n];
			GtRow	   *r = &rows[n];

			r->line = n + 1;
			r->from1 = r->from2 = -1;
			if (lr->l1)
				gt_label_set(&r->label1, level(lr->l1), lr->l1, (int) strlen(lr->l1));
			if (lr->l2)
				gt_label_set(&r->label2, level(lr->l2), lr->l2, (int) strlen(lr->l2));
			r->labels_only = (lr->name == NULL);
			if (lr->name)
			{
				r->name.s = lr->name;
				r->name.len = (int) strlen(lr->name);
			}
			r->placeholder = lr->placeholder;
		}
		gt_assign_levels(rows, n);
		sb_reset(&b);
		for (j = 0; j < n; j++)
		{
			if (rows[j].labels_only)
				continue;
			sb_add(&b, "%s%.*s:%s/%s%s", b.len > 0 ? "; " : "", rows[j].name.len, rows[j].name.s,
				   rows[j].level1 ? rows[j].level1->name : "-",
				   rows[j].level2 ? rows[j].level2->name : "-",
				   rows[j].pending ? " (still pending)" : "");
		}
		check_str(b.data, t->want, "levels: %s", t->what);
	}

	/* a label split before its 指标, and the printed form kept */
	check(gt_label_prefix("经济效益", strlen("经济效益")), NULL, NULL,
		  "levels: 经济效益 is the first half of 经济效益指标");
	check(gt_label_prefix("项目完成", strlen("项目完成")), NULL, NULL,
		  "levels: 项目完成 is the first half of 项目完成指标");
	check(!gt_label_prefix("培训", strlen("培训")), NULL, NULL,
		  "levels: 培训 is no label's first half");
	{
		GtLabel		l;
		const char *printed = "服务对象或受益者满意度指标";

		gt_label_set(&l, level(printed), printed, (int) strlen(printed));
		check(l.level != NULL && strcmp(l.level->name, "服务对象满意度指标") == 0 &&
			  strcmp(l.printed, printed) == 0, l.printed, printed,
			  "levels: another framework's label maps to the canonical level and keeps its printed form");
	}
	{
		GtLabel		l;
		char		longlabel[200];
		int			k;

		/* 66 three-byte characters: cut to whole characters within the buffer */
		for (k = 0; k < 66; k++)
			memcpy(longlabel + 3 * k, "指", 3);
		gt_label_set(&l, NULL, longlabel, 198);
		check(l.len == 93 && l.printed[93] == '\0', NULL, NULL,
			  "levels: a printed label too long for its buffer is cut at a whole character");
	}
}

/* ================================================================
 * Bare targets (infer.c)
 * ================================================================ */

typedef struct InferCase
{
	const char *what;
	const char *target;
	const char *unit;
	const char *level2;
	const char *want;			/* the indicator, or "error" */
	int			inferred;
} InferCase;

static const InferCase infer_cases[] = {
	/* the README's table, rule by rule, in its order */
	{"a date is a qualitative deadline", "12月底前", NULL, "数量指标", "定性 12月底前", IND_INFER_DATE},
	{"a period is a qualitative deadline", "2021年1月-12月", NULL, NULL, "定性 2021年1月-12月", IND_INFER_DATE},
	{"a period of months with dots", "2023.07-2024.01", NULL, "时效指标", "定性 2023.07-2024.01", IND_INFER_DATE},
	{"以上 after the value is >=", "95%以上", NULL, "数量指标", "正向 >= 95 %", IND_INFER_SUFFIX},
	{"以内 after the value is <=", "60万元以内", NULL, NULL, "反向 <= 60 万元", IND_INFER_SUFFIX},
	{"及以下 after the value is <=", "5000元及以下", NULL, "数量指标", "反向 <= 5000 元", IND_INFER_SUFFIX},
	{"under 成本指标 a bare number is <=", "1600元/亩", NULL, "成本指标", "反向 <= 1600 元/亩", IND_INFER_LEVEL2},
	{"under 经济成本指标 (2021) a bare number is <=", "1600元/亩", NULL, "经济成本指标", "反向 <= 1600 元/亩", IND_INFER_LEVEL2},
	{"under any other level 2 a bare number is >=", "63人", NULL, "数量指标", "正向 >= 63 人", IND_INFER_LEVEL2},
	{"under 社会效益指标, money too is >=", "60万元", NULL, "社会效益指标", "正向 >= 60 万元", IND_INFER_LEVEL2},
	{"no level 2, money: <=", "60万元", NULL, NULL, "反向 <= 60 万元", IND_INFER_UNIT},
	{"no level 2, money in the unit column: <=", "60", "万元", NULL, "反向 <= 60 万元", IND_INFER_UNIT},
	{"no level 2, time: <=", "30天", NULL, NULL, "反向 <= 30 天", IND_INFER_UNIT},
	{"no level 2, other units: >=", "100%", NULL, NULL, "正向 >= 100 %", IND_INFER_DEFAULT},
	{"no level 2, people: >=", "63人", NULL, NULL, "正向 >= 63 人", IND_INFER_DEFAULT},
	{"text is qualitative, verbatim", "有效提高", NULL, "社会效益指标", "定性 有效提高", IND_INFER_NONE},
	{"text without a level 2", "参照政府采购成本控制", NULL, NULL, "定性 参照政府采购成本控制", IND_INFER_NONE},
	/* a comparator the table printed is never second-guessed */
	{"a printed comparator stands", "≥95%", NULL, "成本指标", "正向 >= 95 %", IND_INFER_NONE},
};

typedef struct DateCase
{
	const char *text;
	bool		date;
	bool		bare;
} DateCase;

static const DateCase date_cases[] = {
	{"12月底前", true, false},
	{"2021年1月-12月", true, false},
	{"2023.07-2024.01", true, false},
	{"2022-12-31", true, false},
	{"6月前", true, false},
	/* durations and counts, not dates */
	{"20年", false, true},
	{"6个月", false, true},
	{"13月", false, true},
	{"63人", false, true},
	{"1600元/亩", false, true},
	{"有效提高", false, false},
};

static void
test_infer(void)
{
	int			i;
	char	   *textbuf = palloc(IND_TEXTBUF_SIZE);

	for (i = 0; i < (int) lengthof(infer_cases); i++)
	{
		const InferCase *t = &infer_cases[i];
		IndSpec		spec;
		IndError	err;
		int			inferred = -1;
		char		out[IND_TEXTBUF_SIZE + 256];
		char		want[512];
		StrBuf		b;

		/* no nature or comparator column: the target cell alone, as bare tables print it */
		sb_reset(&b);
		if (ind_parse_columns_level(NULL, 0, NULL, 0, t->target, (int) strlen(t->target),
									t->unit, t->unit ? (int) strlen(t->unit) : 0, level(t->level2),
									textbuf, &spec, &err, &inferred) == IND_OK)
		{
			ind_format(&spec, out);
			sb_add(&b, "%s", out);
		}
		else
			sb_add(&b, "error");
		sb_add(&b, " (inferred %d)", inferred);
		snprintf(want, sizeof(want), "%s (inferred %d)", t->want, t->inferred);
		check_str(b.data, want, "infer: %s: %s%s%s", t->what, t->target,
				  t->level2 ? " under " : "", t->level2 ? t->level2 : "");
	}
	for (i = 0; i < (int) lengthof(date_cases); i++)
	{
		const DateCase *t = &date_cases[i];
		int			len = (int) strlen(t->text);
		char		g[64],
					w[64];

		snprintf(g, sizeof(g), "date %d, bare %d", ind_is_date_text(t->text, len), ind_is_bare_target(t->text, len));
		snprintf(w, sizeof(w), "date %d, bare %d", t->date, t->bare);
		check_str(g, w, "infer: \"%s\" is %sa date", t->text, t->date ? "" : "not ");
	}
	pfree(textbuf);
}

/* ================================================================
 * The driver (gt_read)
 * ================================================================ */

/* A copy of len bytes, terminated (the shim has no pnstrdup). */
static char *
dupn(const char *s, int len)
{
	char	   *p = palloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

typedef struct Collected
{
	int			projects;
	int			rows;			/* indicator rows, labels aside */
	int			problems;
	StrBuf		out;			/* rows as "name:level1/level2=spec" */
	StrBuf		fields;			/* project fields, "code=…; name=…; goal=…" per project */
	StrBuf		one;			/* one project's, while it is rendered */
	StrBuf		reasons;
	char	   *specbuf;
	char	   *goal;			/* the last project's goal, whole */
	char	   *last_row;		/* the last row's name and target, whole */
} Collected;

static void
on_project(void *arg, const GtProject *p, const GtRow *rows, int nrows)
{
	Collected  *c = (Collected *) arg;
	int			i;

	c->projects++;
	sb_reset(&c->one);
	sb_field(&c->one, "code", p->field[GT_CODE]);
	sb_field(&c->one, "name", p->field[GT_NAME]);
	sb_field(&c->one, "goal", p->field[GT_GOAL]);
	if (c->goal)
		pfree(c->goal);
	c->goal = p->field[GT_GOAL].s ? dupn(p->field[GT_GOAL].s, p->field[GT_GOAL].len) : NULL;
	sb_add(&c->fields, "%s%s", c->fields.len > 0 ? " / " : "", c->one.data);
	for (i = 0; i < nrows; i++)
	{
		const GtRow *r = &rows[i];
		IndSpec		spec;
		IndError	err;
		int			inferred;
		char		buf[IND_TEXTBUF_SIZE + 256];

		if (r->labels_only)
			continue;
		c->rows++;
		if (c->last_row)
			pfree(c->last_row);
		c->last_row = palloc(r->name.len + r->target.len + 2);
		sprintf(c->last_row, "%.*s=%.*s", r->name.len, r->name.s, r->target.len,
				r->target.s ? r->target.s : "");
		if (r->target.s == NULL || gt_row_spec(r, c->specbuf, &spec, &err, &inferred) != IND_OK)
			strcpy(buf, "NULL");
		else
			ind_format(&spec, buf);
		sb_add(&c->out, "%s%.*s%s:%s/%s=%s", c->out.len > 0 ? "; " : "", r->name.len, r->name.s,
			   (r->notes & GT_NOTE_NAME_WRAPPED) ? " (wrapped)" : "",
			   r->level1 ? r->level1->name : "-", r->level2 ? r->level2->name : "-", buf);
	}
}

static void
on_problem(void *arg, const GtProblem *p)
{
	Collected  *c = (Collected *) arg;

	c->problems++;
	sb_add(&c->reasons, "%sline %d: %s", c->reasons.len > 0 ? " | " : "", p->line, p->reason);
}

static void
collect(const char *text, int len, GtFormat format, Collected *c, GtResult *r)
{
	GtSink		sink = {on_project, on_problem, NULL, NULL};
	GtOptions	options = {format, NULL};

	memset(c, 0, sizeof(*c));
	c->specbuf = palloc(GT_SPECBUF_SIZE);
	sink.arg = c;
	gt_read(text, len, &options, &sink, r);
	pfree(c->specbuf);
}

typedef struct DriverCase
{
	const char *what;
	const char *text;
	GtFormat	format;			/* as detected */
	int			projects;
	int			rows;
	int			problems;
	const char *want;			/* the rows */
	const char *fields;			/* the projects' fields */
	const char *problem;		/* a reason the problems must hold, or NULL */
} DriverCase;

static const DriverCase driver_cases[] = {
	{"a small tab table: 3 rows, no problems",
		"示范项目绩效目标表\n"
		"项目名称\t示范项目\n"
		"一级指标\t二级指标\t三级指标\t指标值\n"
		"产出指标\t数量指标\t培训人次\t≥100人次\n"
		"\t质量指标\t合格率\t100%\n"
		"效益指标\t社会效益指标\t群众知晓度\t有效提高\n",
		GT_FORMAT_TSV, 1, 3, 0,
		"培训人次:产出指标/数量指标=正向 >= 100 人次; 合格率:产出指标/质量指标=正向 >= 100 %; 群众知晓度:效益指标/社会效益指标=定性 有效提高",
	"name=示范项目"},
	{"the same table as Excel CSV",
		BOM "示范项目绩效目标表,,,\r\n"
		"项目名称,示范项目,,\r\n"
		"一级指标,二级指标,三级指标,指标值\r\n"
		"产出指标,数量指标,\"培训人次，含\"\"线上\"\"\",≥100人次\r\n"
		",质量指标,合格率,100%\r\n"
		"效益指标,社会效益指标,群众知晓度,有效提高\r\n",
		GT_FORMAT_CSV, 1, 3, 0,
		"培训人次，含\"线上\":产出指标/数量指标=正向 >= 100 人次; 合格率:产出指标/质量指标=正向 >= 100 %; 群众知晓度:效益指标/社会效益指标=定性 有效提高",
	"name=示范项目"},
	{"a key alone on its line takes the next line; the code before the name is split",
		"甲项目绩效目标表\n"
		"项目名称\t51000021R000000019951-工资性支出\n"
		"年度目标\n"
		"完成工资发放\n"
		"一级指标\t二级指标\t三级指标\t指标值\n"
		"产出指标\t数量指标\t发放人数\t≥63人\n",
		GT_FORMAT_TSV, 1, 1, 0,
		"发放人数:产出指标/数量指标=正向 >= 63 人",
	"code=51000021R000000019951; name=工资性支出; goal=完成工资发放"},
	{"a new title starts a new project; a page's boilerplate is passed over",
		"甲项目绩效目标表\n"
		"项目名称\t甲\n"
		"一级指标\t二级指标\t三级指标\t指标值\n"
		"产出指标\t数量指标\t发放人数\t≥63人\n"
		"发布时间：2022-01-01 浏览量：100\n"
		"乙项目绩效目标表\n"
		"项目名称\t乙\n"
		"一级指标\t二级指标\t三级指标\t指标值\n"
		"产出指标\t时效指标\t完成时间\t44561\n",
		GT_FORMAT_TSV, 2, 2, 0,
		"发放人数:产出指标/数量指标=正向 >= 63 人; 完成时间:产出指标/时效指标=定性 2021年12月31日前",
	"name=甲 / name=乙"},
	{"a row whose target is a placeholder is kept with no indicator, and reported",
		"乙项目绩效目标表\n"
		"项目名称\t乙\n"
		"一级指标\t二级指标\t三级指标\t指标值\n"
		"产出指标\t数量指标\t培训人数\t≥**人\n",
		GT_FORMAT_TSV, 1, 1, 1,
		"培训人数:产出指标/数量指标=NULL",
	"name=乙", "the table gives no value"},
	{"PDF text: key and value in one cell, a name wrapped onto the next line",
		"甲项目绩效目标表\n"
		"项目名称：社区养老服务补助\n"
		"一级指标    二级指标    三级指标    指标值\n"
		"产出指标    数量指标    对符合政策的老年人    ≥200人\n"
		"            发放补助\n"
		"            质量指标    合格率    100%\n",
		GT_FORMAT_ALIGNED, 1, 2, 0,
		"对符合政策的老年人发放补助 (wrapped):产出指标/数量指标=正向 >= 200 人; 合格率:产出指标/质量指标=正向 >= 100 %",
	"name=社区养老服务补助"},
	{"one cell per paragraph, a label split over two cells",
		"示范项目绩效目标表\n\n项目名称\n\n示范项目\n\n"
		"一级指标\n\n二级指标\n\n三级指标\n\n指标值\n\n"
		"产出指标\n\n数量指标\n\n受益人数\n\n≥63人\n\n"
		"效益指标\n\n经济效益\n\n指标\n\n带动增收\n\n≥5万元\n",
		GT_FORMAT_LINES, 1, 2, 0,
		"受益人数:产出指标/数量指标=正向 >= 63 人; 带动增收:效益指标/经济效益指标=正向 >= 5 万元",
	"name=示范项目"},
};

/* Data rows of a truth CSV: records outside quotes, less the header. */
static int
csv_data_rows(const char *s, int len)
{
	int			records = 0;
	bool		quoted = false;
	bool		content = false;
	int			i;

	for (i = 0; i < len; i++)
	{
		if (s[i] == '"')
			quoted = !quoted;
		if (s[i] == '\n' && !quoted)
		{
			records += content;
			content = false;
		}
		else if (s[i] != '\r')
			content = true;
	}
	records += content;
	return records - 1;
}

typedef struct RealCase
{
	const char *file;
	GtFormat	format;			/* as the README describes the layout; AUTO: not checked */
} RealCase;

static const RealCase real_cases[] = {
	{"goal-01", GT_FORMAT_LINES},	/* one cell per paragraph */
	{"goal-03", GT_FORMAT_SPACES},	/* space-separated */
	{"goal-05", GT_FORMAT_AUTO},	/* run together: read so in any format */
	{"goal-07", GT_FORMAT_AUTO},
	{"goal-09", GT_FORMAT_LINES},	/* one cell per paragraph */
	{"goal-11", GT_FORMAT_PIPE},	/* cells separated by " | " */
};

static void
test_driver(const char *root)
{
	int			i;

	for (i = 0; i < (int) lengthof(driver_cases); i++)
	{
		const DriverCase *t = &driver_cases[i];
		Collected  *c = palloc(sizeof(Collected));
		GtResult	r;
		char		g[128],
					w[128];

		collect(t->text, (int) strlen(t->text), GT_FORMAT_AUTO, c, &r);
		snprintf(g, sizeof(g), "%s, %d projects, %d rows, %d problems", gt_format_name(r.format),
				 c->projects, c->rows, c->problems);
		snprintf(w, sizeof(w), "%s, %d projects, %d rows, %d problems", gt_format_name(t->format),
				 t->projects, t->rows, t->problems);
		if (!check_str(g, w, "driver: %s: counts", t->what) && c->reasons.len > 0)
			printf("#   problems: %s\n", c->reasons.data);
		check(r.nprojects == c->projects && r.nrows == c->rows && r.nproblems == c->problems, NULL, NULL,
			  "driver: %s: the result counts what was handed over", t->what);
		check_str(c->out.data, t->want, "driver: %s: rows", t->what);
		check_str(c->fields.data, t->fields, "driver: %s: project fields", t->what);
		if (t->problem != NULL)
			check(strstr(c->reasons.data, t->problem) != NULL, c->reasons.data, t->problem,
				  "driver: %s: the problem says \"%s\"", t->what, t->problem);
		pfree(c);
	}

	/* the published tables: every row of the truth, and no more */
	for (i = 0; i < (int) lengthof(real_cases); i++)
	{
		const RealCase *t = &real_cases[i];
		char		path[1024];
		char	   *text,
				   *truth;
		int			len,
					tlen;
		Collected  *c;
		GtResult	r;
		int			want;

		snprintf(path, sizeof(path), "%s/test/data/real/%s.txt", root, t->file);
		text = read_file(path, &len);
		snprintf(path, sizeof(path), "%s/test/data/real/%s-truth.csv", root, t->file);
		truth = read_file(path, &tlen);
		if (text == NULL || truth == NULL)
		{
			check(false, NULL, NULL, "driver: %s: cannot read %s (give the repository root as the argument)",
				  t->file, path);
			continue;
		}
		want = csv_data_rows(truth, tlen);
		c = palloc(sizeof(Collected));
		collect(text, len, GT_FORMAT_AUTO, c, &r);
		if (!check_int(c->rows, want, "driver: %s: as many rows as its truth CSV (%d)", t->file, want))
		{
			printf("#   rows: %s\n", c->out.data);
			printf("#   problems: %s\n", c->reasons.data);
		}
		check(r.nrows == c->rows, NULL, NULL, "driver: %s: the result counts the rows handed over", t->file);
		if (t->format != GT_FORMAT_AUTO)
			check_str(gt_format_name(r.format), gt_format_name(t->format), "driver: %s: detected as %s",
					  t->file, gt_format_name(t->format));
		pfree(c);
		pfree(text);
		pfree(truth);
	}
}

/* The bytes the shim has handed out so far (test/fuzz/shim.c). */
extern Size shim_allocated;

/* A growing buffer, for inputs larger than a StrBuf. */
static char *
big_add(char *buf, int *len, const char *piece)
{
	int			n = (int) strlen(piece);

	buf = repalloc(buf, *len + n + 1);
	memcpy(buf + *len, piece, n + 1);
	*len += n;
	return buf;
}

/* ================================================================
 * The self-evaluation importer (selfeval.c)
 * ================================================================ */

typedef struct SeCollected
{
	int			sheets;
	int			problems;
	StrBuf		rows;			/* "label1/label2/name: target|actual|weight|score|reason" */
	StrBuf		fields;			/* "name year budget_total budget_spent rate score total" */
	StrBuf		reasons;
} SeCollected;

static void
slice_or_dash(StrBuf *b, GtSlice s)
{
	if (s.s == NULL)
		sb_add(b, "-");
	else
		sb_add(b, "%.*s", s.len, s.s);
}

static void
se_on_sheet(void *arg, const SeSheet *sh, const SeRow *rows, int nrows)
{
	SeCollected *c = (SeCollected *) arg;
	static const int shown[] = {SE_NAME, SE_YEAR, SE_BUDGET_TOTAL, SE_BUDGET_SPENT, SE_BUDGET_RATE,
	SE_BUDGET_SCORE, SE_TOTAL_SCORE, SE_GRADE};
	int			i;

	c->sheets++;
	if (c->fields.len > 0)
		sb_add(&c->fields, " / ");
	for (i = 0; i < (int) lengthof(shown); i++)
	{
		if (i > 0)
			sb_add(&c->fields, " ");
		slice_or_dash(&c->fields, sh->field[shown[i]]);
	}
	for (i = 0; i < nrows; i++)
	{
		const SeRow *r = &rows[i];
		char		cell[IND_TEXTBUF_SIZE];

		if (c->rows.len > 0)
			sb_add(&c->rows, "; ");
		sb_add(&c->rows, "%s/%s/", r->level1 ? r->level1->name : "-", r->level2 ? r->level2->name : "-");
		slice_or_dash(&c->rows, r->name);
		se_row_target_cell(r, cell, sizeof(cell));
		sb_add(&c->rows, ": %s|", r->target.s ? cell : "-");
		slice_or_dash(&c->rows, r->actual);
		sb_add(&c->rows, "|");
		slice_or_dash(&c->rows, r->weight);
		sb_add(&c->rows, "|");
		slice_or_dash(&c->rows, r->score);
		sb_add(&c->rows, "|");
		slice_or_dash(&c->rows, r->reason);
	}
}

static void
se_on_problem(void *arg, const GtProblem *p)
{
	SeCollected *c = (SeCollected *) arg;

	c->problems++;
	sb_add(&c->reasons, "%sline %d: %s", c->reasons.len > 0 ? " | " : "", p->line, p->reason);
}

typedef struct SeCase
{
	const char *what;
	const char *text;
	GtFormat	format;
	int			sheets;
	int			problems;
	const char *rows;
	const char *fields;
} SeCase;

static const SeCase se_cases[] = {
	{"the national form: budget block, header, rows filled down, total and grade",
		"项目支出绩效自评表\n（2022年度）\n项目名称\t示范\n"
		"项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
		"\t年度资金总额\t100\t120\t114\t10\t95%\t9.5\n"
		"\t其中：当年财政拨款\t100\t120\t114\t—\t\t—\n"
		"绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
		"\t产出指标(50分)\t数量指标\t补助人数\t≥200人\t206人\t20\t20\n"
		"\t\t质量指标\t准确率\t100%\t99%\t30\t28\t有误\n"
		"总分\t\t\t\t\t\t100\t57.5\t优\n",
		GT_FORMAT_AUTO, 1, 0,
		"产出指标/数量指标/补助人数: ≥200人|206人|20|20|-; 产出指标/质量指标/准确率: 100%|99%|30|28|有误",
	"示范 2022 120 114 95% 9.5 57.5 优"},
	{"分值 before the target, no budget block",
		"绩效自评表\n一级指标\t二级指标\t三级指标\t分值\t年度指标值\t实际完成值\t得分\n"
		"产出指标\t数量指标\t面积\t20\t29.5亩\t29.5亩\t20\n",
		GT_FORMAT_AUTO, 1, 0, "产出指标/数量指标/面积: 29.5亩|29.5亩|20|20|-",
	"- - - - - - - -"},
	{"指标性质 | 指标值 | 度量单位: the target joined as printed",
		"自评表\n一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t实际完成值\t分值\t得分\n"
		"产出指标\t数量指标\t人数\t≧\t735\t人次\t735\t10\t10\n",
		GT_FORMAT_AUTO, 1, 0, "产出指标/数量指标/人数: ≧735人次|735|10|10|-",
	"- - - - - - - -"},
	{"split at blanks: cells in the header's order, labels first; the name after a level 2",
		"项目自评表\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
		"满意度指标 服务对象满意度指标 群众满意度 ≥90% 92% 10 10\n"
		"产出指标 数量指标 里程 ≥50公里 52公里 30 30\n",
		GT_FORMAT_SPACES, 1, 0,
		"满意度指标/服务对象满意度指标/群众满意度: ≥90%|92%|10|10|-; 产出指标/数量指标/里程: ≥50公里|52公里|30|30|-",
	"- - - - - - - -"},
	{"a line before any sheet and an unreadable score are problems",
		"说明\n自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
		"产出指标\t数量指标\t人数\t≥1人\t1人\t10\tIO\n",
		GT_FORMAT_AUTO, 1, 2, "产出指标/数量指标/人数: ≥1人|1人|10|IO|-",
	"- - - - - - - -"},
};

static void
test_selfeval(void)
{
	int			i;

	for (i = 0; i < (int) lengthof(se_cases); i++)
	{
		const SeCase *t = &se_cases[i];
		SeCollected *c = palloc0(sizeof(SeCollected));
		SeSink		sink = {se_on_sheet, se_on_problem, NULL, NULL};
		GtResult	r;

		sink.arg = c;
		se_read(t->text, (int) strlen(t->text), t->format, &sink, &r);
		if (!check_int(c->problems, t->problems, "selfeval: %s: problems", t->what))
			printf("#   problems: %s\n", c->reasons.data);
		check_int(c->sheets, t->sheets, "selfeval: %s: sheets", t->what);
		check_str(c->rows.data, t->rows, "selfeval: %s: rows", t->what);
		check_str(c->fields.data, t->fields, "selfeval: %s: sheet fields", t->what);
		check(r.nrows == 0 || r.nprojects == c->sheets, NULL, NULL, "selfeval: %s: the counts agree", t->what);
		pfree(c);
	}

	/*
	 * A row whose reason goes on over 60 cells: joined once.  Joining cell
	 * by cell copied the growing text for every cell (found in review).
	 */
	{
		char	   *in;
		int			len = 0;
		int			i;
		char		cell[2100];
		SeCollected *c = palloc0(sizeof(SeCollected));
		SeSink		sink = {se_on_sheet, se_on_problem, NULL, NULL};
		GtResult	r;
		Size		before;

		in = big_add(palloc(1), &len, "自评表\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因\n"
					 "产出指标\t数量指标\t人数\t≥1人\t1人\t10\t10");
		memset(cell, 'x', 2000);
		cell[0] = '\t';
		cell[2000] = '\0';
		for (i = 0; i < 60; i++)
			in = big_add(in, &len, cell);
		in = big_add(in, &len, "\n");
		sink.arg = c;
		before = shim_allocated;
		se_read(in, len, GT_FORMAT_AUTO, &sink, &r);
		check_int(c->sheets, 1, "selfeval: a reason over 60 cells: one sheet");
		check(shim_allocated - before < (Size) len * 8, NULL, NULL,
			  "selfeval: a reason over 60 cells is joined once (%zu bytes for %d)",
			  (size_t) (shim_allocated - before), len);
		pfree(in);
		pfree(c);
	}
}


/* ================================================================
 * Long inputs: what the fuzzer found about whole documents on one line
 * ================================================================ */

static void
test_long_inputs(void)
{
	Collected  *c;
	GtResult	r;
	Size		before;
	char	   *in;
	int			len;
	int			i;
	char		piece[128];

	/*
	 * 400 rows run together on one line, 1200 cells: every row is read, not
	 * the first 1024 cells' worth (the split stored at most 1024 cells and
	 * dropped the rest without a word).
	 */
	len = 0;
	in = big_add(palloc(1), &len, "示范项目绩效目标表项目名称示范项目一级指标二级指标三级指标指标值产出指标");
	for (i = 0; i < 400; i++)
	{
		snprintf(piece, sizeof(piece), "数量指标培训批次%d人数≥%d人", i, 100 + i);
		in = big_add(in, &len, piece);
	}
	c = palloc0(sizeof(Collected));
	collect(in, len, GT_FORMAT_AUTO, c, &r);
	if (!check_int(c->rows, 400, "long: 400 rows run together on one line are 400 rows"))
		printf("#   problems: %s\n", c->reasons.data);
	check_str(c->last_row, "培训批次399人数=≥499人", "long: the last of the 400 rows is whole");
	pfree(in);
	pfree(c);

	/*
	 * A pipe row whose last cell goes on over 4000 lines: it is copied once.
	 * Joining line by line copied the growing cell for every line, which
	 * allocated about lines^2 / 2 times a line's length (here over 100 MB).
	 */
	len = 0;
	in = big_add(palloc(1), &len, "示范项目绩效目标表\n项目名称 | 示范项目\n年度目标 | 完成培训\n");
	for (i = 0; i < 4000; i++)
	{
		snprintf(piece, sizeof(piece), "第%04d项续写的目标文字\n", i);
		in = big_add(in, &len, piece);
	}
	in = big_add(in, &len, "一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 培训人次 | ≥100人次\n");
	c = palloc0(sizeof(Collected));
	before = shim_allocated;
	collect(in, len, GT_FORMAT_PIPE, c, &r);
	if (!check_int(c->rows, 1, "long: a pipe cell continued over 4000 lines, then its table"))
		printf("#   problems: %s\n", c->reasons.data);
	check(c->goal != NULL && strstr(c->goal, "完成培训第0000项") != NULL &&
		  strstr(c->goal, "第3999项续写的目标文字") != NULL, NULL, NULL,
		  "long: the continued cell holds its first and its last line");
	check(shim_allocated - before < (Size) len * 40, NULL, NULL,
		  "long: reading it allocates less than 40 times its %d bytes (%zu)", len,
		  (size_t) (shim_allocated - before));
	pfree(in);
	pfree(c);

	/*
	 * A row's name longer than any target: split_row no longer tries a
	 * target at every position of it (which was quadratic), and still finds
	 * the target at its end.
	 */
	{
		GtCell		cells[8];
		bool		in_table = true;
		int			n;

		len = 0;
		in = palloc(1);
		for (i = 0; i < 200; i++)
			in = big_add(in, &len, "很长的名称");
		in = big_add(in, &len, "≥100人次");
		n = gt_runon_split(in, len, cells, lengthof(cells), &in_table);
		if (check_int(n, 2, "long: a 3000-byte name and its target are two cells"))
			check_str(dupn(cells[1].s, cells[1].len), "≥100人次", "long: the target after a long name");
		pfree(in);
	}
}

/*
 * The first-byte index of a word set finds what the plain scan of the
 * table finds, at every byte position of inputs made to trip it: prefixes
 * of longer words, equal lengths (the first in the table wins), ASCII case,
 * letters that must not run on, multibyte words sharing lead bytes.
 */
static void
test_word_sets(void)
{
	static const IndWord words[] = {
		{">", 1}, {">=", 2}, {"大于", 3}, {"大于等于", 4}, {"大于或等于", 5},
		{"lt", 6}, {"LTE", 7}, {"between", 8}, {"≥", 9}, {"≧", 10},
		{"至", 11}, {"至少", 12}, {"=", 13}, {"==", 14}, {"x", 15}, {"X", 16},
	};
	static IndWordSet set = IND_WORD_SET(words);
	const char *const inputs[] = {
		">= 10", "大于等于10次", "大于或等于", "大于 5", "lt 5", "ltd", "LT5", "lte", "LTEx",
		"Between 1 and 2", "≥≧", "至少3", "至5", "== =", "xX", "", "万元", "1,000", "大",
	};
	int			bad = 0,
				tried = 0;
	int			i,
				pos;

	for (i = 0; i < (int) lengthof(inputs); i++)
	{
		int			len = (int) strlen(inputs[i]);

		for (pos = 0; pos <= len; pos++)
		{
			int			c1 = -1,
						c2 = -1;
			int			n1 = ind_match_word(inputs[i] + pos, len - pos, words, lengthof(words), &c1);
			int			n2 = ind_match_word_set(inputs[i] + pos, len - pos, &set, &c2);

			tried++;
			if (n1 != n2 || (n1 > 0 && c1 != c2))
			{
				bad++;
				printf("# \"%s\" at %d: scan %d (code %d), set %d (code %d)\n",
					   inputs[i], pos, n1, c1, n2, c2);
			}
		}
	}
	check_int(bad, 0, "scan: the word set's index matches the plain scan at all %d positions", tried);
	{
		int			code = 0;

		check_int(ind_match_word_set("大于或等于10", 16, &set, &code), 15, "scan: the longest word wins (大于或等于)");
		check_int(code, 5, "scan: ... with its code");
		check_int(ind_match_word_set("X1", 2, &set, &code), 1, "scan: of two words of one length the first wins");
		check_int(code, 15, "scan: ... x before X, whatever the case of the input");
		check_int(ind_match_word_set("ltd", 3, &set, &code), 0, "scan: a word ending in a letter does not match the start of a longer one");
	}
}

/* ---- the goal review's core: name similarity and rules without the server ---- */

static void
count_rule(void *arg, const GrFinding *f)
{
	int		   *counts = (int *) arg;

	counts[f->rule]++;
}

static void
test_goal_review(void)
{
	int			common,
				total;
	IndPolicy	p;
	GrProject	proj;
	GrRow		rows[4];
	int			counts[IND_REVIEW_NRULES];
	IndError	err;
	static const char *const specs[] = {"正向 >= 10 次", "反向 <= 30 万元", "反向 <= 80 万元", "反向 <= 110 万元"};
	static const char *const names[] = {"培训次数", "设备购置成本", "场地租金", "项目总成本"};
	int			i;

	gr_similarity("服务老人人数", (int) strlen("服务老人人数"), "服务老人人数增加", (int) strlen("服务老人人数增加"),
				  &common, &total);
	check_int(common, 5, "review: 服务老人人数 / 服务老人人数增加 share 5 bigrams");
	check_int(total, 12, "review: ... of 5 + 7");
	gr_similarity("培训 人数", (int) strlen("培训 人数"), "培训人数", (int) strlen("培训人数"), &common, &total);
	check_int(common * 2 == total, 1, "review: blanks do not count (培训 人数 is 培训人数)");
	gr_similarity("甲", 3, "甲", 3, &common, &total);
	check_int(common * 2 == total, 1, "review: a one-character name is the same as itself");
	gr_similarity("甲", 3, "乙", 3, &common, &total);
	check_int(common, 0, "review: ... and no other");
	gr_similarity("", 0, "", 0, &common, &total);
	check_int(common, 0, "review: two empty names share nothing");

	/* R10: a total row beside its parts is counted once; 120 万元 of 100 is over */
	ind_policy_preset(IND_PRESET_CENTRAL, &p);
	memset(&proj, 0, sizeof(proj));
	proj.code = "P";
	proj.name = "测试项目";
	proj.year = 2022;
	proj.annual_goal = "完成测试";
	proj.total.known = true;
	proj.total.v.mant = 100;
	memset(rows, 0, sizeof(rows));
	for (i = 0; i < 4; i++)
	{
		rows[i].level1 = i == 0 ? "产出指标" : "成本指标";
		rows[i].level2 = i == 0 ? "数量指标" : "经济成本指标";
		rows[i].name = names[i];
		rows[i].has_spec = ind_parse_literal(specs[i], (int) strlen(specs[i]), &rows[i].spec, &err) == IND_OK;
	}
	memset(counts, 0, sizeof(counts));
	gr_review(&proj, rows, 4, NULL, 0, &p, count_rule, counts);
	check_int(counts[GR_R10], 1, "review R10: costs of 30 + 80 万元 (and their total row, 110) exceed 100 万元");
	proj.total.v.mant = 105;
	memset(counts, 0, sizeof(counts));
	gr_review(&proj, rows, 4, NULL, 0, &p, count_rule, counts);
	check_int(counts[GR_R10], 1, "review R10: the total row 110 万元 counted once is above 105");
	proj.total.v.mant = 110;
	memset(counts, 0, sizeof(counts));
	gr_review(&proj, rows, 4, NULL, 0, &p, count_rule, counts);
	check_int(counts[GR_R10], 0, "review R10: ... and within 110");
	check_int(counts[GR_R1], 1, "review R1: no 效益 and no 满意度 is one finding");
	rows[0].name = "无";
	memset(counts, 0, sizeof(counts));
	gr_review(&proj, rows, 4, NULL, 0, &p, count_rule, counts);
	check_int(counts[GR_R4] + counts[GR_R5], 0, "review: a 无 row is passed over");
}

int
main(int argc, char **argv)
{
	const char *root = argc > 1 ? argv[1] : ".";

	test_detect();
	test_cells();
	test_columns();
	test_runon();
	test_stream();
	test_row();
	test_levels();
	test_infer();
	test_driver(root);
	test_long_inputs();
	test_selfeval();
	test_word_sets();
	test_goal_review();
	printf("1..%d\n", tests_run);
	if (tests_failed > 0)
		printf("# %d of %d checks failed\n", tests_failed, tests_run);
	fflush(stdout);
	return tests_failed > 0 ? 1 : 0;
}
