/*
 * exact.c
 *		Checked 128-bit rational arithmetic and half-up rounding.
 *
 * Pure code.  Every operation reduces by the gcd and reports overflow by
 * returning false; callers turn that into an out-of-range error.  Values
 * from goal tables (18-digit decimals at most) never come near the limits
 * in the operations the rules use.
 */
#include "postgres.h"

#include "exact.h"

static int128
abs128(int128 v)
{
	return v < 0 ? -v : v;
}

/*
 * Ratios are reduced after every operation, so the gcd is the hot loop of
 * exact scoring.  The values of goal tables fit in 64 bits, where Euclid's
 * algorithm runs on the machine's own division; a 128-bit value is brought
 * there by one 128-bit remainder, and only two 128-bit values fall back to
 * the binary gcd (shifts and subtractions, no 128-bit division).
 */
static inline int
ctz128(uint128 v)
{
	uint64		lo = (uint64) v;

	return lo != 0 ? __builtin_ctzll(lo) : 64 + __builtin_ctzll((uint64) (v >> 64));
}

static inline uint64
gcd64(uint64 a, uint64 b)
{
	while (b != 0)
	{
		uint64		t = a % b;

		a = b;
		b = t;
	}
	return a;
}

static int128
gcd128(int128 a, int128 b)
{
	uint128		x = (uint128) abs128(a);
	uint128		y = (uint128) abs128(b);
	int			shift;

	if (x == 0)
		return y == 0 ? 1 : (int128) y;
	if (y == 0)
		return (int128) x;
	if (x == 1 || y == 1)
		return 1;
	if ((x >> 64) == 0 && (y >> 64) == 0)
		return (int128) gcd64((uint64) x, (uint64) y);
	if ((y >> 64) == 0)
		return (int128) gcd64((uint64) y, (uint64) (x % y));
	if ((x >> 64) == 0)
		return (int128) gcd64((uint64) x, (uint64) (y % x));
	shift = ctz128(x | y);
	x >>= ctz128(x);
	do
	{
		y >>= ctz128(y);
		if (x > y)
		{
			uint128		t = x;

			x = y;
			y = t;
		}
		y -= x;
	} while (y != 0);
	return (int128) (x << shift);
}

/* a / b for b > 0 that divides a, in 64 bits when both fit */
static inline int128
exact_div(int128 a, int128 b)
{
	if (a >= PG_INT64_MIN && a <= PG_INT64_MAX && b > 0 && b <= PG_INT64_MAX)
		return (int64) a / (int64) b;
	return a / b;
}

static IndRatio
reduce(int128 num, int128 den)
{
	IndRatio	r;
	int128		g;

	if (den < 0)
	{
		num = -num;
		den = -den;
	}
	g = gcd128(num, den);
	if (g == 1)
	{
		r.num = num;
		r.den = den;
		return r;
	}
	r.num = exact_div(num, g);
	r.den = exact_div(den, g);
	return r;
}

IndRatio
ind_ratio_from_decimal(IndDecimal d)
{
	return reduce(d.mant, ind_pow10[d.scale]);
}

IndRatio
ind_ratio_int(int64 v)
{
	IndRatio	r;

	r.num = v;
	r.den = 1;
	return r;
}

static bool
mul_ok(int128 a, int128 b, int128 *r)
{
	return !__builtin_mul_overflow(a, b, r);
}

bool
ind_ratio_mul(IndRatio a, IndRatio b, IndRatio *r)
{
	int128		g1 = gcd128(a.num, b.den);
	int128		g2 = gcd128(b.num, a.den);
	int128		n,
				d;

	if (!mul_ok(exact_div(a.num, g1), exact_div(b.num, g2), &n) ||
		!mul_ok(exact_div(a.den, g2), exact_div(b.den, g1), &d))
		return false;
	*r = reduce(n, d);
	return true;
}

bool
ind_ratio_div(IndRatio a, IndRatio b, IndRatio *r)
{
	IndRatio	inv;

	if (b.num == 0)
		return false;
	inv.num = b.den;
	inv.den = b.num;
	if (inv.den < 0)
	{
		inv.num = -inv.num;
		inv.den = -inv.den;
	}
	return ind_ratio_mul(a, inv, r);
}

bool
ind_ratio_add(IndRatio a, IndRatio b, IndRatio *r)
{
	int128		g = gcd128(a.den, b.den);
	int128		x,
				y,
				d,
				n;

	if (!mul_ok(a.num, exact_div(b.den, g), &x) || !mul_ok(b.num, exact_div(a.den, g), &y) ||
		!mul_ok(exact_div(a.den, g), b.den, &d) || __builtin_add_overflow(x, y, &n))
		return false;
	*r = reduce(n, d);
	return true;
}

bool
ind_ratio_sub(IndRatio a, IndRatio b, IndRatio *r)
{
	b.num = -b.num;
	return ind_ratio_add(a, b, r);
}

int
ind_ratio_sign(IndRatio a)
{
	return (a.num > 0) - (a.num < 0);
}

/*
 * Compare without overflow: cross-multiplying could overflow, so compare
 * the integer parts first and then the remainders by continued fractions.
 */
int
ind_ratio_cmp(IndRatio a, IndRatio b)
{
	int			sign = 1;

	for (;;)
	{
		int128		qa,
					qb,
					ra,
					rb;

		/* floor division, so remainders are non-negative */
		qa = a.num / a.den;
		ra = a.num % a.den;
		if (ra < 0)
		{
			qa--;
			ra += a.den;
		}
		qb = b.num / b.den;
		rb = b.num % b.den;
		if (rb < 0)
		{
			qb--;
			rb += b.den;
		}
		if (qa != qb)
			return (qa < qb) ? -sign : sign;
		if (ra == 0 || rb == 0)
		{
			if (ra == rb)
				return 0;
			return (ra == 0) ? -sign : sign;
		}
		/* compare ra/a.den with rb/b.den: the larger has the smaller reciprocal */
		{
			IndRatio	na = {a.den, ra};
			IndRatio	nb = {b.den, rb};

			a = na;
			b = nb;
			sign = -sign;
		}
	}
}

/* 256-bit unsigned arithmetic, just enough for one multiply and divide. */
typedef struct U256
{
	uint128		hi;
	uint128		lo;
} U256;

static U256
mul128(uint128 a, uint128 b)
{
	uint64		a0 = (uint64) a,
				a1 = (uint64) (a >> 64),
				b0 = (uint64) b,
				b1 = (uint64) (b >> 64);
	uint128		p00 = (uint128) a0 * b0;
	uint128		p01 = (uint128) a0 * b1;
	uint128		p10 = (uint128) a1 * b0;
	uint128		p11 = (uint128) a1 * b1;
	uint128		mid = (p00 >> 64) + (uint64) p01 + (uint64) p10;
	U256		r;

	r.lo = (uint64) p00 | (mid << 64);
	r.hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
	return r;
}

/*
 * a / d and a % d for d > 0 fitting in 127 bits.  A numerator that fits in
 * 128 bits (nearly always) takes the machine's division; a wider one binary
 * long division from its highest set bit.
 */
static void
divmod256(U256 a, uint128 d, U256 *q, uint128 *rem)
{
	uint128		r = 0;
	int			i;

	q->hi = q->lo = 0;
	if (a.hi == 0)
	{
		if ((a.lo >> 64) == 0 && (d >> 64) == 0)
		{
			q->lo = (uint64) a.lo / (uint64) d;
			*rem = (uint64) a.lo % (uint64) d;
		}
		else
		{
			q->lo = a.lo / d;
			*rem = a.lo % d;
		}
		return;
	}
	{
		uint64		top = (uint64) (a.hi >> 64);

		i = top != 0 ? 255 - __builtin_clzll(top) : 191 - __builtin_clzll((uint64) a.hi);
	}
	for (; i >= 0; i--)
	{
		uint128		bit = (i >= 128) ? (a.hi >> (i - 128)) & 1 : (a.lo >> i) & 1;

		r = (r << 1) | bit;
		if (r >= d)
		{
			r -= d;
			if (i >= 128)
				q->hi |= (uint128) 1 << (i - 128);
			else
				q->lo |= (uint128) 1 << i;
		}
	}
	*rem = r;
}

/* Round |num|/den half up (away from zero), or cut it off, to an integer. */
static bool
round_quotient(uint128 num_hi, uint128 num_lo, uint128 den, bool negative, bool truncate,
			   int64 *out)
{
	U256		n = {num_hi, num_lo};
	U256		q;
	uint128		rem;

	divmod256(n, den, &q, &rem);
	if (!truncate && rem >= den - rem)	/* 2*rem >= den, without overflow */
	{
		q.lo++;
		if (q.lo == 0)
			q.hi++;
	}
	if (q.hi != 0 || q.lo > (uint128) PG_INT64_MAX)
		return false;
	*out = negative ? -(int64) q.lo : (int64) q.lo;
	return true;
}

/* r rounded half up to scale decimals, as a 128-bit count of 10^-scale. */
bool
ind_ratio_round128(IndRatio r, int scale, int128 *out)
{
	U256		n = mul128((uint128) abs128(r.num), (uint128) ind_pow10[scale]);
	U256		q;
	uint128		rem;

	divmod256(n, (uint128) r.den, &q, &rem);
	if (rem >= (uint128) r.den - rem)
	{
		q.lo++;
		if (q.lo == 0)
			q.hi++;
	}
	if (q.hi != 0 || q.lo > (uint128) ((((int128) 1) << 126) - 1))
		return false;
	*out = (r.num < 0) ? -(int128) q.lo : (int128) q.lo;
	return true;
}

/* r rounded half up to the given number of decimals. */
bool
ind_ratio_round(IndRatio r, int scale, IndDecimal *d)
{
	U256		n = mul128((uint128) abs128(r.num), (uint128) ind_pow10[scale]);

	d->scale = scale;
	if (!round_quotient(n.hi, n.lo, (uint128) r.den, r.num < 0, false, &d->mant))
		return false;
	*d = ind_decimal_normalize(*d);
	return ind_decimal_valid(*d);
}

/*
 * w * r rounded half up to the given number of decimals, exactly:
 * |w.mant| * |r.num| * 10^scale / (r.den * 10^w.scale) with a 256-bit
 * numerator.  The product of w.mant and 10^scale fits in 128 bits.
 */
bool
ind_muldiv_round(IndDecimal w, IndRatio r, int scale, IndDecimal *d)
{
	return ind_muldiv_points(w, r, scale, false, d);
}

/* The same, rounded half up or (truncate) cut off toward zero, as sheets print points. */
bool
ind_muldiv_points(IndDecimal w, IndRatio r, int scale, bool truncate, IndDecimal *d)
{
	int128		wm = abs128((int128) w.mant) * ind_pow10[scale];
	int128		den;
	U256		n;
	bool		negative = (w.mant < 0) != (r.num < 0);

	if (!mul_ok(r.den, ind_pow10[w.scale], &den))
	{
		/* fold the weight's scale into the numerator side instead */
		IndRatio	rr;
		IndRatio	ws = {1, ind_pow10[w.scale]};

		if (!ind_ratio_mul(r, ws, &rr))
			return false;
		r = rr;
		den = r.den;
	}
	n = mul128((uint128) wm, (uint128) abs128(r.num));
	d->scale = scale;
	if (!round_quotient(n.hi, n.lo, (uint128) den, negative, truncate, &d->mant))
		return false;
	*d = ind_decimal_normalize(*d);
	return ind_decimal_valid(*d);
}
