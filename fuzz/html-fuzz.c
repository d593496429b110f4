/* html-fuzz: HTML to text as the reader shows it: html_parse() then layout
 * at a chosen width; no line may be wider than the width or carry a
 * terminal control. */
#include "config.h"

#include <stdlib.h>

#include "fuzz.h"
#include "html.h"
#include "layout.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const fuzz_bases[] = {
	NULL, "http://127.0.0.1/a/b.html", "https://example.com/",
	"javascript:void(0)", "file:///etc/", "",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in		 in = { data, size };
	struct layout_opts	 opts;
	struct html_doc		*doc;
	struct layout		*lay;
	const char		*base;
	size_t			 i;
	unsigned		 b;

	b = fuzz_byte(&in);
	opts.width = (int)(fuzz_byte(&in) % 200);
	opts.ambiguous = 1 + (int)(b & 1);
	base = fuzz_bases[(b >> 1) % (sizeof fuzz_bases / sizeof *fuzz_bases)];
	doc = html_parse((const char *)in.p, in.len, base);
	lay = layout_blocks(doc->blocks, doc->nblocks, &opts);
	for (i = 0; i < lay->nlines; i++) {
		fuzz_assert_terminal_safe(lay->lines[i].text,
		    lay->lines[i].len, false);
		fuzz_assert_width(&lay->lines[i], opts.width);
	}
	for (i = 0; i < doc->nlinks; i++) {
		if (doc->links[i].url == NULL) {
			abort();
		}
	}
	layout_free(lay);
	html_doc_free(doc);
	return 0;
}
