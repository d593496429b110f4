/* Unit tests for show: an item laid out as the reading pane shows it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "show.h"
#include "tap.h"

static char *
joined(const struct layout *l)
{
	struct buf	b = BUF_INIT;
	size_t		i;

	for (i = 0; i < l->nlines; i++) {
		buf_printf(&b, "%s%s", i > 0 ? "|" : "", l->lines[i].text);
	}
	return buf_detach(&b);
}

struct show_case {
	struct show_item item;
	int		 width;
	const char	*lines;
};

static const struct show_case cases[] = {
	{ { "脆弱性のお知らせ\x1b[31m（重要）", "JVN", "山田", "https://jvn.jp/x",
	    1700000000, "<p>本文<a href=\"y\">詳細</a></p>", 0, true,
	    "https://jvn.jp/a/" }, 30,
	  "脆弱性のお知らせ（重要）|Feed: JVN|Author: 山田|"
	  "Date: 2023-11-14 22:13|Link: https://jvn.jp/x|"
	  "──────────────────────────────|本文詳細[1]||Links:|"
	  "[1] https://jvn.jp/a/y" },
	{ { "T", NULL, NULL, NULL, 0, "one\n\ntwo", 0, false, NULL }, 10,
	  "T|──────────|one||two" },
	{ { NULL, NULL, NULL, NULL, 0, "<p>x <a href=\"javascript:go()\">"
	    "j</a></p>", 0, true, NULL }, 40,
	  "x j[1]||Links:|[1] javascript:go() (will not be opened)" },
	{ { NULL, NULL, NULL, NULL, 0, NULL, 0, true, NULL }, 40, "" },
	{ { NULL, NULL, NULL, NULL, 0, "<img src=\"data:,"
	    "0123456789012345678901234567890123456789012345678901234567890123"
	    "456789012345678901234567890123456789\">", 0, true, NULL }, 200,
	  "[image][1]||Links:|[1] data:,"
	  "0123456789012345678901234567890123456789012345678901234567890123"
	  "45678901234567890123456789012… (image) (will not be opened)" },
};

int
main(void)
{
	struct layout_opts	 opts = { 0, 1 };
	struct show_item	 item;
	struct html_doc		*body;
	struct layout		*l;
	char			*s;
	size_t			 i;

	setenv("TZ", "UTC", 1);
	tzset();
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		item = cases[i].item;
		item.body_len = item.body != NULL ? strlen(item.body) : 0;
		opts.width = cases[i].width;
		l = show_render(&item, &opts);
		s = joined(l);
		is_str(s, cases[i].lines, "show %zu", i);
		free(s);
		layout_free(l);
	}
	item = cases[0].item;
	item.body_len = strlen(item.body);
	body = show_parse_body(&item);
	ok(body->nlinks == 1 && body->links[0].openable,
	    "parsed body hands over its links");
	opts.width = 12;
	l = show_layout(&item, body, &opts);
	ok(l->nlines > 10, "the parsed body lays out again at another width");
	layout_free(l);
	html_doc_free(body);
	return done_testing();
}
