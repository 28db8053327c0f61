# PGXS build of the indicator extension.
EXTENSION = indicator
MODULE_big = indicator
PGFILEDESC = "indicator - budget performance indicators"

OBJS = \
	src/decimal.o \
	src/error.o \
	src/units.o \
	src/scan.o \
	src/literal.o \
	src/storage.o \
	src/encoding.o \
	src/indicator_io.o \
	src/indicator_ops.o \
	src/indicator_cmp.o \
	src/units_sql.o \
	src/exact.o \
	src/policy.o \
	src/actual.o \
	src/score.o \
	src/numeric_io.o \
	src/policy_sql.o \
	src/monitor.o \
	src/monitor_sql.o \
	src/monitor_state.o \
	src/monitor_agg.o \
	src/fixed.o \
	src/agg_rowkey.o \
	src/score_quick.o \
	src/score_sql.o \
	src/review.o \
	src/review_sql.o \
	src/goal_review.o \
	src/goal_review_import.o \
	src/goal_review_sql.o \
	src/scorecard.o \
	src/scorecard_sql.o \
	src/hierarchy.o \
	src/hierarchy_sql.o \
	src/weights.o \
	src/infer.o \
	src/gt_cells.o \
	src/gt_columns.o \
	src/gt_runon.o \
	src/gt_stream.o \
	src/gt_row.o \
	src/gt_levels.o \
	src/goal_table.o \
	src/zip.o \
	src/gt_xlsx.o \
	src/import_sql.o \
	src/goal_table_sql.o \
	src/selfeval.o \
	src/selfeval_sql.o \
	src/indicator_wire.o \
	src/scorecard_wire.o

# zlib inflates the workbook's entries, libxml2 reads its XML (both as PostgreSQL links them)
SHLIB_LINK = -lz -lxml2

DATA = sql/indicator--1.0.sql sql/indicator--1.0--1.1.sql sql/indicator--1.1--1.2.sql sql/indicator--1.2--1.3.sql sql/indicator--1.3--1.4.sql sql/indicator--1.4--1.5.sql sql/indicator--1.5--1.6.sql sql/indicator--1.6--1.7.sql

# pg_regress: the first test creates the extension.
REGRESS = setup indicator_literal indicator_io indicator_ops units bundled encoding scoring scorecard monitor importer import_formats import_xlsx selfeval selfeval_review copy_recipe bi_views monitor_views goal_review drivers comments upgrade security reliability
REGRESS_OPTS = --encoding=UTF8 --no-locale

# Server headers are included as system headers so that -Wextra judges our
# code, not theirs (they have unused parameters in inline functions).
PG_CPPFLAGS = -Isrc -isystem $(shell $(PG_CONFIG) --includedir-server) -isystem /usr/include/libxml2 -Wall -Wextra -Wmissing-format-attribute

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Soft input errors exist from PostgreSQL 16 on, COPY's ON_ERROR from 17.
ifeq ($(shell test $(MAJORVERSION) -ge 16 && echo yes),yes)
REGRESS += indicator_softerr
endif
ifeq ($(shell test $(MAJORVERSION) -ge 17 && echo yes),yes)
REGRESS += copy_onerror
endif

# The PGXN distribution, indicator-X.Y.Z.zip, from the committed tree.  The
# version comes from indicator.control (PGXN wants three parts: 1.4 is
# 1.4.0); test/release.sh checks that META.json and debian/changelog agree.
EXTVERSION := $(shell sed -nE "s/^default_version = '([^']*)'/\1/p" $(EXTENSION).control)
DISTVERSION := $(shell echo '$(EXTVERSION)' | sed -E 's/^([0-9]+\.[0-9]+)$$/\1.0/')
dist:
	git archive --format=zip --prefix=$(EXTENSION)-$(DISTVERSION)/ -o $(EXTENSION)-$(DISTVERSION).zip HEAD
.PHONY: dist
