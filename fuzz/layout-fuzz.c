/* layout-fuzz: blocks of arbitrary text, types, indents and quote depths
 * laid out at a chosen width; lines stay within the width and clean. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "html.h"
#include "layout.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Append the blocks the input describes: a control byte, then text up to
 * the next 0xff byte. */
static void
fuzz_blocks(struct html_doc *doc, struct fuzz_in *in)
{
	struct html_block	*blk;
	const uint8_t		*end;
	char			*text;
	size_t			 n;
	unsigned		 c;

	while (in->len > 0) {
		c = fuzz_byte(in);
		end = memchr(in->p, 0xff, in->len);
		n = end != NULL ? (size_t)(end - in->p) : in->len;
		text = malloc(n + 1);
		if (text == NULL) {
			abort();
		}
		memcpy(text, in->p, n);
		text[n] = '\0';
		blk = html_doc_add(doc, (enum html_block_type)(c & 3), text,
		    (c >> 2) & 0x7f);
		blk->indent = (int)((c >> 4) % 12);
		blk->quote = (int)((c >> 2) % 4);
		blk->gap = (c & 0x80) != 0;
		blk->level = 1 + (int)((c >> 3) % 6);
		free(text);
		in->p += n;
		in->len -= n;
		if (in->len > 0) {
			fuzz_byte(in);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in		 in = { data, size };
	struct layout_opts	 opts;
	struct html_doc		*doc;
	struct layout		*lay;
	size_t			 i;
	unsigned		 b;

	b = fuzz_byte(&in);
	opts.width = (int)(b % 128) - 2;
	opts.ambiguous = (b & 0x80) ? 2 : 0;
	doc = html_doc_new();
	fuzz_blocks(doc, &in);
	lay = layout_blocks(doc->blocks, doc->nblocks, &opts);
	for (i = 0; i < lay->nlines; i++) {
		fuzz_assert_terminal_safe(lay->lines[i].text,
		    lay->lines[i].len, false);
		fuzz_assert_width(&lay->lines[i], opts.width);
	}
	layout_free(lay);
	html_doc_free(doc);
	doc = html_from_text((const char *)data, size);
	lay = layout_blocks(doc->blocks, doc->nblocks, &opts);
	layout_free(lay);
	html_doc_free(doc);
	return 0;
}
