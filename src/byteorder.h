/*
 * byteorder.h
 *		Big-endian (network order) integers in byte buffers, for the wire
 *		formats, read and written the same way on every platform.
 */
#ifndef INDICATOR_BYTEORDER_H
#define INDICATOR_BYTEORDER_H

#include "postgres.h"

/* The n-byte (n <= 8) big-endian integer at p, sign-extended. */
static inline int64
ind_get_be(const unsigned char *p, int n)
{
	uint64		v = 0;
	int			i;

	for (i = 0; i < n; i++)
		v = (v << 8) | p[i];
	if (n < 8 && (v & ((uint64) 1 << (8 * n - 1))))
		v |= ~(((uint64) 1 << (8 * n)) - 1);
	return (int64) v;
}

/* Write the low n bytes of v at p, big-endian; returns p + n. */
static inline unsigned char *
ind_put_be(unsigned char *p, int64 v, int n)
{
	int			i;

	for (i = n - 1; i >= 0; i--)
	{
		p[i] = (unsigned char) ((uint64) v & 0xFF);
		v = (int64) ((uint64) v >> 8);
	}
	return p + n;
}

#endif							/* INDICATOR_BYTEORDER_H */
