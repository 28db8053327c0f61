/*
 * zip.c
 *		Reading the ZIP container of an xlsx workbook.
 *
 * The central directory at the end of the file names every entry; an entry
 * is inflated by zlib as a stream, so a sheet of any size passes through a
 * small buffer.  What a hostile file can do is bounded: an entry that
 * inflates beyond IND_ZIP_MAX_RATIO times its compressed size (or 64 MB,
 * whichever is more), or beyond 1 GB, stops with 54000; a truncated or
 * damaged file, an encrypted entry or an unknown compression method give
 * 22P02 with what was wrong.
 *
 * Pure code over the caller's buffer; memory comes from palloc.
 */
#include "postgres.h"

#include "zip.h"

static uint32
le32(const unsigned char *p)
{
	return (uint32) p[0] | ((uint32) p[1] << 8) | ((uint32) p[2] << 16) | ((uint32) p[3] << 24);
}

static uint16
le16(const unsigned char *p)
{
	return (uint16) (p[0] | (p[1] << 8));
}

IndStatus
ind_zip_open(const unsigned char *data, int64 len, IndZip *zip, IndError *err)
{
	int64		eocd = -1;
	int64		p;
	int64		cd,
				cd_size;
	int			n,
				i;

	memset(zip, 0, sizeof(*zip));
	zip->data = data;
	zip->len = len;
	if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
		return ind_failf(err, IND_ERR_SYNTAX,
						 "The file is an OLE container: an Excel 97-2003 .xls workbook, or an xlsx workbook encrypted with a password. Save it as .xlsx without a password, or as CSV.");
	if (len < 22 || memcmp(data, "PK\003\004", 4) != 0)
		return ind_failf(err, IND_ERR_SYNTAX,
						 "The bytes do not start with a ZIP signature (PK): this is not an xlsx workbook.");
	if (len > IND_ZIP_MAX_BYTES)
		return ind_failf(err, IND_ERR_TOO_LONG,
						 "The workbook is %lld bytes; the limit is %d MB.", (long long) len,
						 IND_ZIP_MAX_BYTES / (1024 * 1024));
	/* the end-of-directory record: 22 bytes and a comment of up to 64 kB */
	for (p = len - 22; p >= 0 && p >= len - 22 - 65535; p--)
		if (data[p] == 'P' && le32(data + p) == 0x06054b50)
		{
			eocd = p;
			break;
		}
	if (eocd < 0)
		return ind_failf(err, IND_ERR_SYNTAX,
						 "The workbook has no ZIP directory at its end: the file is truncated.");
	n = le16(data + eocd + 10);
	cd_size = le32(data + eocd + 12);
	cd = le32(data + eocd + 16);
	if (cd + cd_size > eocd || n == 0xFFFF || cd == 0xFFFFFFFF)
		return ind_failf(err, IND_ERR_SYNTAX,
						 "The workbook's ZIP directory points outside the file: it is truncated or damaged.");
	zip->entries = palloc0(sizeof(IndZipEntry) * Max(n, 1));
	for (i = 0, p = cd; i < n; i++)
	{
		IndZipEntry *e = &zip->entries[i];
		int			nl,
					el,
					cl;

		if (p + 46 > eocd || le32(data + p) != 0x02014b50)
			return ind_failf(err, IND_ERR_SYNTAX,
							 "Entry %d of the workbook's ZIP directory is damaged.", i + 1);
		e->flags = le16(data + p + 8);
		e->method = le16(data + p + 10);
		e->compressed = le32(data + p + 20);
		e->size = le32(data + p + 24);
		nl = le16(data + p + 28);
		el = le16(data + p + 30);
		cl = le16(data + p + 32);
		e->local_offset = le32(data + p + 42);
		if (p + 46 + nl > eocd)
			return ind_failf(err, IND_ERR_SYNTAX,
							 "Entry %d of the workbook's ZIP directory is damaged.", i + 1);
		e->name = (const char *) data + p + 46;
		e->name_len = nl;
		p += 46 + nl + el + cl;
	}
	zip->nentries = n;
	return IND_OK;
}

const IndZipEntry *
ind_zip_find(const IndZip *zip, const char *name)
{
	int			nl = (int) strlen(name);
	int			i;

	/* names are case-sensitive in ZIP, but some writers vary the case */
	for (i = 0; i < zip->nentries; i++)
		if (zip->entries[i].name_len == nl && pg_strncasecmp(zip->entries[i].name, name, nl) == 0)
			return &zip->entries[i];
	return NULL;
}

IndStatus
ind_zip_stream_open(const IndZip *zip, const IndZipEntry *e, IndZipStream *st, IndError *err)
{
	const unsigned char *lh;
	int64		start;

	memset(st, 0, sizeof(*st));
	st->zip = zip;
	st->entry = e;
	if (e->flags & 1)
		return ind_fail_cell(err, IND_ERR_SYNTAX,
							 "The workbook's entry \"%s\" is encrypted: save the workbook without a password.",
							 e->name, e->name_len);
	if (e->method != 0 && e->method != 8)
		return ind_fail_cell(err, IND_ERR_SYNTAX,
							 "The workbook's entry \"%s\" uses a compression other than deflate.",
							 e->name, e->name_len);
	if (e->local_offset + 30 > zip->len || le32(zip->data + e->local_offset) != 0x04034b50)
		return ind_fail_cell(err, IND_ERR_SYNTAX,
							 "The workbook's entry \"%s\" is missing: the file is truncated or damaged.",
							 e->name, e->name_len);
	lh = zip->data + e->local_offset;
	start = e->local_offset + 30 + le16(lh + 26) + le16(lh + 28);
	if (start + e->compressed > zip->len)
		return ind_fail_cell(err, IND_ERR_SYNTAX,
							 "The workbook's entry \"%s\" runs past the end of the file: it is truncated.",
							 e->name, e->name_len);
	st->in = zip->data + start;
	st->in_len = e->compressed;
	if (e->method == 8)
	{
		st->z.next_in = (Bytef *) st->in;
		st->z.avail_in = (uInt) st->in_len;
		if (inflateInit2(&st->z, -MAX_WBITS) != Z_OK)
			return ind_failf(err, IND_ERR_DATA, "zlib could not start inflating.");
		st->started = true;
	}
	return IND_OK;
}

/*
 * Up to len bytes of the entry into buf; 0 at its end, -1 on an error (in
 * err).
 */
int
ind_zip_read(IndZipStream *st, char *buf, int len, IndError *err)
{
	int			n;
	int64		limit = Max((int64) IND_ZIP_MAX_BYTES, st->entry->compressed * IND_ZIP_MAX_RATIO);

	limit = Min(limit, IND_ZIP_MAX_INFLATED);
	if (st->done || len <= 0)
		return 0;
	if (st->entry->method == 0)
	{
		n = (int) Min((int64) len, st->in_len - st->out_total);
		memcpy(buf, st->in + st->out_total, n);
		st->out_total += n;
		if (n == 0)
			st->done = true;
		return n;
	}
	st->z.next_out = (Bytef *) buf;
	st->z.avail_out = (uInt) len;
	switch (inflate(&st->z, Z_NO_FLUSH))
	{
		case Z_OK:
			break;
		case Z_STREAM_END:
			st->done = true;
			break;
		case Z_BUF_ERROR:
			if (st->z.avail_in == 0)
			{
				ind_fail_cell(err, IND_ERR_SYNTAX,
							  "The workbook's entry \"%s\" ends before its data does: the file is truncated.",
							  st->entry->name, st->entry->name_len);
				return -1;
			}
			break;
		default:
			ind_fail_cell(err, IND_ERR_SYNTAX,
						  "The workbook's entry \"%s\" is damaged (its compressed data does not inflate).",
						  st->entry->name, st->entry->name_len);
			return -1;
	}
	n = len - (int) st->z.avail_out;
	st->out_total += n;
	if (st->out_total > limit)
	{
		ind_failf(err, IND_ERR_TOO_LONG,
				  "An entry of the workbook inflates to more than %lld bytes from %lld: a zip bomb, or a sheet far beyond any goal table.",
				  (long long) limit, (long long) st->entry->compressed);
		return -1;
	}
	return n;
}

void
ind_zip_stream_close(IndZipStream *st)
{
	if (st->started)
		inflateEnd(&st->z);
	st->started = false;
}

void
ind_zip_close(IndZip *zip)
{
	if (zip->entries)
		pfree(zip->entries);
	zip->entries = NULL;
	zip->nentries = 0;
}
