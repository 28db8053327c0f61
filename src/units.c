/*
 * units.c
 *		The unit catalogue and unit arithmetic.
 *
 * Pure code: static tables, no allocation, no ereport.  Calendar units
 * (月, 季度, 年) form their own dimension because a month has no fixed number
 * of days, and 工作日 stands alone because converting working days into
 * calendar days needs a calendar: neither is ever silently turned into 天.
 */
#include "postgres.h"

#include "decimal.h"
#include "scan.h"
#include "units.h"

/*
 * The catalogue.  Append only: names are stored in indicator values.
 * Count words (次, 个, 份 ...) are each their own dimension, named after
 * themselves, because 3 次 is not 3 个.
 */
const IndUnit ind_units[] = {
	/* money, base 元 */
	{"元", "money", 1, 1},
	{"千元", "money", 1000, 1},
	{"万元", "money", 10000, 1},
	{"百万元", "money", 1000000, 1},
	{"千万元", "money", 10000000, 1},
	{"亿元", "money", 100000000, 1},
	/* elapsed time, base 秒 */
	{"秒", "time", 1, 1},
	{"分钟", "time", 60, 1},
	{"小时", "time", 3600, 1},
	{"天", "time", 86400, 1},
	{"周", "time", 604800, 1},
	/* calendar periods, base 月 */
	{"月", "calendar", 1, 1},
	{"季度", "calendar", 3, 1},
	{"半年", "calendar", 6, 1},
	{"年", "calendar", 12, 1},
	/* working days need a calendar to become days */
	{"工作日", "workday", 1, 1},
	/* ratios, base % */
	{"%", "ratio", 1, 1},
	{"‰", "ratio", 1, 10},
	{"百分点", "percentage point", 1, 1},
	/* scores */
	{"分", "score", 1, 1},
	/* length, base 米 */
	{"米", "length", 1, 1},
	{"厘米", "length", 1, 100},
	{"公里", "length", 1000, 1},
	/* area, base 平方米 */
	{"平方米", "area", 1, 1},
	{"亩", "area", 2000, 3},
	{"公顷", "area", 10000, 1},
	{"平方公里", "area", 1000000, 1},
	/* volume, base 立方米 */
	{"立方米", "volume", 1, 1},
	{"升", "volume", 1, 1000},
	/* mass, base 千克 */
	{"克", "mass", 1, 1000},
	{"斤", "mass", 1, 2},
	{"千克", "mass", 1, 1},
	{"吨", "mass", 1000, 1},
	/* people: 人, 名 and 位 all count persons */
	{"人", "person", 1, 1},
	{"名", "person", 1, 1},
	{"位", "person", 1, 1},
	{"万人", "person", 10000, 1},
	{"人次", "person-time", 1, 1},
	{"万人次", "person-time", 10000, 1},
	/* count words of real tables */
	{"次", "次", 1, 1},
	{"个", "个", 1, 1},
	{"份", "份", 1, 1},
	{"台", "台", 1, 1},
	{"套", "套", 1, 1},
	{"条", "条", 1, 1},
	{"项", "项", 1, 1},
	{"起", "起", 1, 1},
	{"家", "家", 1, 1},
	{"户", "户", 1, 1},
	{"件", "件", 1, 1},
	{"场", "场", 1, 1},
	{"篇", "篇", 1, 1},
	{"批", "批", 1, 1},
	{"所", "所", 1, 1},
	{"辆", "辆", 1, 1},
	{"本", "本", 1, 1},
	{"册", "册", 1, 1},
	{"张", "张", 1, 1},
	{"块", "块", 1, 1},
	{"座", "座", 1, 1},
	{"处", "处", 1, 1},
	{"株", "株", 1, 1},
	{"棵", "棵", 1, 1},
	{"期", "期", 1, 1},
	{"轮", "轮", 1, 1},
	{"门", "门", 1, 1},
	{"节", "节", 1, 1},
	{"页", "页", 1, 1},
	{"部", "部", 1, 1},
	{"只", "只", 1, 1},
	{"头", "头", 1, 1},
	{"箱", "箱", 1, 1},
	{"根", "根", 1, 1},
	{"间", "间", 1, 1},
	{"栋", "栋", 1, 1},
	{"宗", "宗", 1, 1},
	{"笔", "笔", 1, 1},
	{"例", "例", 1, 1},
	{"种", "种", 1, 1},
	{"类", "类", 1, 1},
	{"组", "组", 1, 1},
	{"支", "支", 1, 1},
	{"届", "届", 1, 1},
	{"盏", "盏", 1, 1},
	{"把", "把", 1, 1},
	{"课时", "课时", 1, 1},
	{"学时", "学时", 1, 1},
	{"册次", "册次", 1, 1},
	{"架次", "架次", 1, 1},
	{"车次", "车次", 1, 1},
	{"批次", "批次", 1, 1},
	{"场次", "场次", 1, 1},
	{"户次", "户次", 1, 1},
	{"件次", "件次", 1, 1},
	{"万次", "次", 10000, 1},
	{"万份", "份", 10000, 1},
	{"万册", "册", 10000, 1},
	{"万户", "户", 10000, 1},
	{"万件", "件", 10000, 1},
	{"万条", "条", 10000, 1},
	{"万个", "个", 10000, 1},
};
const int	ind_nunits = lengthof(ind_units);

/* Other spellings of catalogue units.  Free to grow. */
const IndUnitAlias ind_unit_aliases[] = {
	{"％", "%"},
	{"百分比", "%"},
	{"百分率", "%"},
	{"percent", "%"},
	{"千分比", "‰"},
	{"个百分点", "百分点"},
	{"人民币元", "元"},
	{"元人民币", "元"},
	{"万元人民币", "万元"},
	{"秒钟", "秒"},
	{"分钟数", "分钟"},
	{"个小时", "小时"},
	{"小时数", "小时"},
	{"日", "天"},
	{"自然日", "天"},
	{"个自然日", "天"},
	{"天数", "天"},
	{"星期", "周"},
	{"个星期", "周"},
	{"个月", "月"},
	{"季", "季度"},
	{"个季度", "季度"},
	{"年度", "年"},
	{"个工作日", "工作日"},
	{"工作天", "工作日"},
	{"m", "米"},
	{"cm", "厘米"},
	{"km", "公里"},
	{"千米", "公里"},
	{"㎡", "平方米"},
	{"m²", "平方米"},
	{"m2", "平方米"},
	{"平米", "平方米"},
	{"km²", "平方公里"},
	{"km2", "平方公里"},
	{"m³", "立方米"},
	{"m3", "立方米"},
	{"方", "立方米"},
	{"L", "升"},
	{"g", "克"},
	{"kg", "千克"},
	{"公斤", "千克"},
	{"t", "吨"},
	{"人数", "人"},
	{"次数", "次"},
	{"个数", "个"},
	{"件数", "件"},
	{"户数", "户"},
};
const int	ind_nunit_aliases = lengthof(ind_unit_aliases);

/*
 * The spellings of the catalogue (names and aliases) in an open-addressing
 * hash table, built on first use: a unit is looked up in every literal and
 * actual, and scanning the ~150 spellings cost more than the rest of the
 * parse.  Keys hash and compare with ASCII letters folded (km, KM, Km).
 * An alias comes first and wins over a name spelled the same, as it did in
 * the scan this replaces; the first of two equal aliases wins.
 */
#define UNIT_SLOTS 1024			/* a power of two, well above the spellings */

typedef struct UnitSlot
{
	const char *spelling;		/* NULL: empty */
	int			len;
	const IndUnit *unit;		/* NULL: an alias of no catalogue unit */
} UnitSlot;

static UnitSlot unit_slots[UNIT_SLOTS];
static bool unit_slots_built = false;

static inline unsigned char
fold(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* FNV-1a over the folded bytes */
static uint32
spelling_hash(const char *s, int len)
{
	uint32		h = 2166136261u;
	int			i;

	for (i = 0; i < len; i++)
	{
		h ^= fold((unsigned char) s[i]);
		h *= 16777619u;
	}
	return h;
}

static bool
same_spelling(const char *a, const char *b, int len)
{
	int			i;

	for (i = 0; i < len; i++)
		if (fold((unsigned char) a[i]) != fold((unsigned char) b[i]))
			return false;
	return true;
}

/* The slot of s[0..len): its own, or the empty one where it would go. */
static UnitSlot *
unit_slot(const char *s, int len)
{
	uint32		i = spelling_hash(s, len) & (UNIT_SLOTS - 1);

	while (unit_slots[i].spelling != NULL &&
		   !(unit_slots[i].len == len && same_spelling(unit_slots[i].spelling, s, len)))
		i = (i + 1) & (UNIT_SLOTS - 1);
	return &unit_slots[i];
}

static void
add_spelling(const char *s, const IndUnit *unit)
{
	int			len = (int) strlen(s);
	UnitSlot   *slot = unit_slot(s, len);

	if (slot->spelling != NULL)
		return;
	slot->spelling = s;
	slot->len = len;
	slot->unit = unit;
}

static void
build_unit_slots(void)
{
	int			i,
				j;

	StaticAssertStmt(UNIT_SLOTS > 2 * (lengthof(ind_units) + lengthof(ind_unit_aliases)),
					 "the unit hash table must stay sparse");
	for (i = 0; i < ind_nunit_aliases; i++)
	{
		const IndUnit *unit = NULL;

		for (j = 0; j < ind_nunits && unit == NULL; j++)
			if (strlen(ind_units[j].name) == strlen(ind_unit_aliases[i].name) &&
				same_spelling(ind_units[j].name, ind_unit_aliases[i].name,
							  (int) strlen(ind_units[j].name)))
				unit = &ind_units[j];
		add_spelling(ind_unit_aliases[i].alias, unit);
	}
	for (i = 0; i < ind_nunits; i++)
		add_spelling(ind_units[i].name, &ind_units[i]);
	unit_slots_built = true;
}

/* The catalogue unit spelled s[0..len), through an alias if need be. */
static const IndUnit *
lookup_simple(const char *s, int len)
{
	if (len <= 0)
		return NULL;
	if (unlikely(!unit_slots_built))
		build_unit_slots();
	return unit_slot(s, len)->unit;
}

/* Byte length of a rate slash at s (ASCII '/' or full-width U+FF0F), or 0. */
static int
slash_len(const char *str, int len)
{
	const unsigned char *s = (const unsigned char *) str;

	if (len >= 1 && s[0] == '/')
		return 1;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBC && s[2] == 0x8F)
		return 3;
	return 0;
}

/*
 * Resolve unit text (already trimmed) to catalogue entries: a unit, or a rate
 * "A/B" of two units with blanks allowed around the slash.
 */
bool
ind_unit_resolve(const char *s, int len, IndUnitRef *ref)
{
	int			pos;

	ref->num = lookup_simple(s, len);
	ref->den = NULL;
	if (ref->num != NULL)
		return true;

	for (pos = 0; pos < len; pos += ind_char_len(s + pos, len - pos))
	{
		int			n = slash_len(s + pos, len - pos);

		if (n > 0)
		{
			int			numend = ind_trim_end(s, 0, pos);
			int			denstart = ind_skip_spaces(s, len, pos + n);

			ref->num = lookup_simple(s, numend);
			ref->den = lookup_simple(s + denstart, len - denstart);
			if (ref->num != NULL && ref->den != NULL)
				return true;
			break;
		}
	}
	ref->num = ref->den = NULL;
	return false;
}

/*
 * Write the canonical spelling of unit text s (trimmed, at most
 * IND_MAX_UNIT_BYTES long) into buf, which must hold IND_MAX_UNIT_BYTES + 1
 * bytes.  A unit the catalogue does not know is copied verbatim and *known
 * is set false.  Returns the length written.
 */
int
ind_unit_canonical(const char *s, int len, char *buf, bool *known)
{
	IndUnitRef	ref;
	int			n;

	Assert(len <= IND_MAX_UNIT_BYTES);
	*known = ind_unit_resolve(s, len, &ref);
	if (!*known)
	{
		memcpy(buf, s, len);
		buf[len] = '\0';
		return len;
	}
	n = (int) strlen(ref.num->name);
	memcpy(buf, ref.num->name, n);
	if (ref.den != NULL)
	{
		int			d = (int) strlen(ref.den->name);

		/* canonical names are short; the sum always fits */
		Assert(n + 1 + d <= IND_MAX_UNIT_BYTES);
		buf[n++] = '/';
		memcpy(buf + n, ref.den->name, d);
		n += d;
	}
	buf[n] = '\0';
	return n;
}

static int128
gcd128(int128 a, int128 b)
{
	while (b != 0)
	{
		int128		t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/*
 * The factor that turns a value in unit "from" into unit "to":
 * value_to = value_from * num / den, reduced.  Rates convert only into
 * rates whose numerator and denominator match in dimension.
 */
IndConvStatus
ind_unit_factor(const char *from, int fromlen, const char *to, int tolen,
				int128 *num, int128 *den)
{
	IndUnitRef	f;
	IndUnitRef	t;
	int128		n;
	int128		d;
	int128		g;

	if (!ind_unit_resolve(from, fromlen, &f))
		return IND_CONV_UNKNOWN_FROM;
	if (!ind_unit_resolve(to, tolen, &t))
		return IND_CONV_UNKNOWN_TO;
	if ((f.den == NULL) != (t.den == NULL) ||
		strcmp(f.num->dimension, t.num->dimension) != 0 ||
		(f.den != NULL && strcmp(f.den->dimension, t.den->dimension) != 0))
		return IND_CONV_MISMATCH;

	n = (int128) f.num->num * t.num->den;
	d = (int128) f.num->den * t.num->num;
	if (f.den != NULL)
	{
		n *= (int128) f.den->den * t.den->num;
		d *= (int128) f.den->num * t.den->den;
	}
	g = gcd128(n, d);
	*num = n / g;
	*den = d / g;
	return IND_CONV_OK;
}

/* Write the dimension of a resolved unit ("money", "次/time") into buf (64 bytes). */
int
ind_unit_dimension(const IndUnitRef *ref, char *buf)
{
	if (ref->den == NULL)
		return snprintf(buf, 64, "%s", ref->num->dimension);
	return snprintf(buf, 64, "%s/%s", ref->num->dimension, ref->den->dimension);
}

/* Length of a percent sign ("%" or "％") at s, or 0. */
static int
percent_len(const char *s, int len)
{
	if (len >= 1 && s[0] == '%')
		return 1;
	if (len >= 3 && memcmp(s, "％", 3) == 0)
		return 3;
	return 0;
}

/*
 * Unit text that is surely something else: an exponent ("1 E+05" is
 * 100000, not one "E+05") or a doubled percent sign, which is what
 * psycopg2 users write when they escape "%" in a query without parameters
 * and so never a unit.  Returns a detail format with one %s for the unit,
 * or NULL when the text may be a unit.
 */
const char *
ind_unit_misspelling(const char *s, int len)
{
	int			pos;

	if (ind_decimal_exponent_follows(s, len))
		return "Scientific notation \"%s\" is not read; write the number out in digits.";
	for (pos = 0; pos < len; pos++)
	{
		int			n = percent_len(s + pos, len - pos);

		if (n > 0 && percent_len(s + pos + n, len - pos - n) > 0)
			return "\"%s\" doubles the percent sign; write one %%.";
	}
	return NULL;
}
