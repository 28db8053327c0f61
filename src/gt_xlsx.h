/*
 * gt_xlsx.h
 *		xlsx workbooks as a source of records for the importer.
 */
#ifndef INDICATOR_GT_XLSX_H
#define INDICATOR_GT_XLSX_H

#include "postgres.h"

#include "goal_table.h"

/* What reads a workbook's records: called once, with the source. */
typedef void (*GtXlsxConsumer) (const GtSource *src, void *arg);

extern void gt_xlsx_read(const unsigned char *data, int64 len, GtXlsxConsumer consume, void *arg);
extern void gt_read_xlsx(const unsigned char *data, int64 len, const GtOptions *options,
						 const GtSink *sink, GtResult *result);

#endif							/* INDICATOR_GT_XLSX_H */
