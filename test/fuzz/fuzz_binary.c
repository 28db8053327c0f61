/*
 * fuzz_binary.c
 *		libFuzzer target: the binary readers, exactly as recv uses them (for
 *		a UTF-8 database): the indicator wire format, the scorecard_state and
 *		monitor_state wire formats and text forms, and the on-disk payload of
 *		stored values; and that what send writes, recv reads back.
 */
#include "postgres.h"

#include <stdlib.h>

#include "literal.h"
#include "monitor_state.h"
#include "scorecard.h"
#include "storage.h"
#include "indicator_wire.h"
#include "scorecard_wire.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What send writes for a value, recv reads back as the same value. */
static void
check_send(const IndSpec *v)
{
	const char *text = (v->op == IND_OP_NONE) ? v->text : v->unit;
	int			text_len = (v->op == IND_OP_NONE) ? v->text_len : v->unit_len;
	int			n = ind_wire_encoded_size(v, text_len);
	unsigned char *msg = malloc(n);
	IndSpec		sent,
				again;
	IndError	err;
	const char *t;
	int			tl;
	char	   *canon;

	ind_wire_encode(v, text, text_len, msg);
	if (ind_wire_decode((const char *) msg, n, &sent, &t, &tl, &err) != IND_OK)
		abort();
	ind_wire_set_text(&sent, t, tl);
	canon = malloc(ind_wire_check_buflen(&sent));
	if (ind_wire_check(&sent, &again, canon, &err) != IND_OK ||
		again.nature != v->nature || again.op != v->op ||
		ind_decimal_cmp(again.lo, v->lo) != 0 || ind_decimal_cmp(again.hi, v->hi) != 0 ||
		again.unit_len != v->unit_len || again.text_len != v->text_len ||
		(v->unit_len > 0 && memcmp(again.unit, v->unit, v->unit_len) != 0) ||
		(v->text_len > 0 && memcmp(again.text, v->text, v->text_len) != 0))
		abort();
	free(canon);
	free(msg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	int			len = (int) Min(size, 1 << 16);
	IndSpec		sent,
				parsed,
				stored;
	IndError	err;
	const char *text;
	int			text_len;
	IndScorecard sc;
	IndMonitorState ms;
	char		detail[512];

	/* indicator_recv */
	if (ind_wire_decode(s, len, &sent, &text, &text_len, &err) == IND_OK)
	{
		char	   *canon;

		ind_wire_set_text(&sent, text, text_len);
		canon = malloc(ind_wire_check_buflen(&sent));
		if (ind_wire_check(&sent, &parsed, canon, &err) == IND_OK)
		{
			unsigned char *bytes = malloc(ind_encoded_size(&parsed));
			int			n = ind_encode(&parsed, bytes);

			if (!ind_decode(bytes, n, &stored))
				abort();		/* what recv accepts must store */
			free(bytes);
			check_send(&parsed);
		}
		free(canon);
	}

	/* scorecard_state_recv and scorecard_state_in; send gives the same bytes */
	if (ind_sc_decode_wire(s, len, &sc, detail, sizeof(detail)))
	{
		unsigned char out[IND_SC_WIRE_BYTES];

		if (!ind_sc_valid(&sc))
			abort();
		ind_sc_encode_wire(&sc, out);
		/* one form per state: version 1 while no row needs a person */
		if (len != ind_sc_wire_size(&sc) || memcmp(out, s, len) != 0)
			abort();
	}
	if (ind_sc_parse(s, len, &sc, detail, sizeof(detail)))
	{
		char		buf[1024];
		IndScorecard again;
		int			n = ind_sc_format(&sc, buf, sizeof(buf));

		if (!ind_sc_parse(buf, n, &again, detail, sizeof(detail)) ||
			memcmp(&sc, &again, sizeof(sc)) != 0)
			abort();			/* the text form is lossless */
	}

	/* monitor_state_recv and monitor_state_in, the same way */
	if (ind_mon_decode_wire(s, len, &ms, detail, sizeof(detail)))
	{
		unsigned char out[IND_MON_WIRE_BYTES];

		if (!ind_mon_valid(&ms))
			abort();
		ind_mon_encode_wire(&ms, out);
		if (memcmp(out, s, len) != 0)
			abort();
	}
	if (ind_mon_parse(s, len, &ms, detail, sizeof(detail)))
	{
		char		buf[1024];
		IndMonitorState again;
		int			n = ind_mon_format(&ms, buf, sizeof(buf));

		if (!ind_mon_parse(buf, n, &again, detail, sizeof(detail)) ||
			memcmp(&ms, &again, sizeof(ms)) != 0)
			abort();
	}

	/* stored payloads (as if read from a corrupt page) */
	(void) ind_decode((const unsigned char *) s, len, &stored);
	return 0;
}
