/* Unit tests for html: the block structure of HTML fragments and of plain
 * text, links, styles, hostile input. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "html.h"
#include "xalloc.h"
#include "tap.h"

#define BASE "http://e.com/d/page.html"

struct html_case {
	const char	*html;
	const char	*blocks;	/* see dump() */
	const char	*links;
};

/*
 * A block dumps as TYPE INDENT/QUOTE [+ for a gap] [[marker]] : text, with
 * TYPE P (paragraph), H<level>, X (pre) or R (rule), newlines as "\n";
 * blocks are joined by " | ".  A link dumps as its URL, then " i" for an
 * image and " !" for not openable; links are joined by " ".
 */
static const struct html_case cases[] = {
	{ "<p>a</p><p>b</p>", "P0/0:a | P0/0+:b", "" },
	{ "<p>  a \n  b\t c </p>", "P0/0:a b c", "" },
	{ "<p>日本\n語の文章\nand English\n日本</p>",
	  "P0/0:日本語の文章 and English 日本", "" },
	{ "<p>日本 語\n。 x</p>", "P0/0:日本 語。 x", "" },
	{ "<p>a<br>b<br><br>c<br></p>", "P0/0:a\\nb\\n\\nc", "" },
	{ "<h2>Title <em>x</em></h2><p>x</p>", "H20/0:Title x | P0/0+:x", "" },
	{ "<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul><p>d</p>",
	  "P2/0[・]:a | P2/0[・]:b | P4/0[・]:c | P0/0+:d", "" },
	{ "<ol start=\"3\"><li>x<li>y</ol>", "P3/0[3. ]:x | P3/0[4. ]:y", "" },
	{ "<ol><li><p>one</p><p>more</p></li></ol>",
	  "P3/0[1. ]:one | P3/0+:more", "" },
	{ "<blockquote><p>q</p><blockquote>qq</blockquote></blockquote>"
	  "<p>after</p>", "P0/1:q | P0/2+:qq | P0/0+:after", "" },
	{ "<pre>  a\n\tb  \n</pre><p>x</p>", "X0/0:  a\\n\tb   | P0/0+:x", "" },
	{ "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td> 2 </td>"
	  "</tr></table>", "P0/0:A | B | P0/0:1 | 2", "" },
	{ "<table><tr><td><p>a</p><p>b</p></td><td>c<br>d</td></tr></table>",
	  "P0/0:a b | c d", "" },
	{ "<p>a</p><hr><p>b</p>", "P0/0:a | R0/0+: | P0/0+:b", "" },
	{ "<dl><dt>T</dt><dd>D</dd></dl>", "P0/0:T | P4/0:D", "" },
	{ "<figure><img src=\"x.png\" alt=\"猫\"><figcaption>Cap</figcaption>"
	  "</figure>", "P0/0:[image: 猫][1] | P0/0:Cap",
	  "http://e.com/d/x.png i" },
	{ "<p>See <img src='/i.png'> here</p>", "P0/0:See [image][1] here",
	  "http://e.com/i.png i" },
	{ "<p><a href=\"/a\">A</a> <a href=\"javascript:alert(1)\">J</a> "
	  "<a href=\" data:text/html,x \">D</a> <a href=\"/a\">again</a> "
	  "<a name=\"n\">anchor</a></p>",
	  "P0/0:A[1] J[2] D[3] again[1] anchor",
	  "http://e.com/a javascript:alert(1) ! data:text/html,x !" },
	{ "<p><a href=\"https://x.test/\xe6\x97\xa5?q=1#f\">u</a> "
	  "<a href=\"mailto:a@b.test\">m</a> <a href=\"ftp://f.test/\">f</a> "
	  "<a href=\"file:///etc/passwd\">p</a></p>",
	  "P0/0:u[1] m[2] f[3] p[4]",
	  "https://x.test/\xe6\x97\xa5?q=1#f mailto:a@b.test ! ftp://f.test/ ! "
	  "file:///etc/passwd" },
	{ "<p>&lt;b&gt; &amp; &#x65E5;&#26412; &nbsp;x&shy;y</p>",
	  "P0/0:<b> & 日本 \xc2\xa0xy", "" },
	{ "<p>a<script>bad()</script><style>p{}</style><!-- c -->b"
	  "<span hidden>h</span><span style=\"COLOR:red; DISPLAY : none\">h</span>"
	  "<span aria-hidden=\"true\">h</span><noscript>n</noscript>c</p>",
	  "P0/0:abc", "" },
	{ "<div hidden><p>gone</p></div><p>kept</p>", "P0/0:kept", "" },
	{ "<p>a\x1b[31mb&#27;c\xc2\x9b" "1md\xe2\x80\xae" "e</p>", "P0/0:abcde",
	  "" },
	{ "<p>a\xff" "b</p>", "P0/0:a\xef\xbf\xbd" "b", "" },
	{ "<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>です</p>",
	  "P0/0:漢字（かんじ）です", "" },
	{ "text <b>only</b>\n<div>block</div>tail", "P0/0:text only | "
	  "P0/0+:block | P0/0:tail", "" },
	{ "<h1>見出し</h1><h3>小見出し</h3>", "H10/0:見出し | H30/0+:小見出し",
	  "" },
	{ "", "", "" },
	{ "<p>   </p><p>\n</p>", "", "" },
};

static void
dump_block(struct buf *b, const struct html_block *blk)
{
	static const char types[] = { 'P', 'H', 'X', 'R' };
	size_t		  i;

	buf_putc(b, types[blk->type]);
	if (blk->type == HTML_BLOCK_HEADING) {
		buf_printf(b, "%d", blk->level);
	}
	buf_printf(b, "%d/%d%s", blk->indent, blk->quote, blk->gap ? "+" : "");
	if (blk->marker != NULL) {
		buf_printf(b, "[%s]", blk->marker);
	}
	buf_putc(b, ':');
	for (i = 0; i < blk->len; i++) {
		if (blk->text[i] == '\n') {
			buf_puts(b, "\\n");
		} else {
			buf_putc(b, blk->text[i]);
		}
	}
}

static char *
dump_blocks(const struct html_doc *doc)
{
	struct buf	b = BUF_INIT;
	size_t		i;

	for (i = 0; i < doc->nblocks; i++) {
		if (i > 0) {
			buf_puts(&b, " | ");
		}
		dump_block(&b, &doc->blocks[i]);
	}
	return buf_detach(&b);
}

static char *
dump_links(const struct html_doc *doc)
{
	struct buf	b = BUF_INIT;
	size_t		i;

	for (i = 0; i < doc->nlinks; i++) {
		buf_printf(&b, "%s%s%s%s", i > 0 ? " " : "", doc->links[i].url,
		    doc->links[i].image ? " i" : "",
		    doc->links[i].openable ? "" : " !");
	}
	return buf_detach(&b);
}

static void
test_cases(void)
{
	struct html_doc	*doc;
	char		*s;
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc = html_parse(cases[i].html, strlen(cases[i].html), BASE);
		s = dump_blocks(doc);
		is_str(s, cases[i].blocks, "blocks %zu", i);
		free(s);
		s = dump_links(doc);
		is_str(s, cases[i].links, "links %zu", i);
		free(s);
		html_doc_free(doc);
	}
}

static void
test_styles(void)
{
	static const char	 html[] = "<p>a<b>b</b><a href=\"x\">c</a></p>"
	    "<h2>h</h2><pre>p</pre>";
	struct html_doc		*doc;
	const struct html_block	*blk;

	doc = html_parse(html, strlen(html), NULL);
	ok(doc->nblocks == 3, "styles: three blocks");
	if (doc->nblocks != 3) {
		html_doc_free(doc);
		return;
	}
	blk = &doc->blocks[0];
	is_str(blk->text, "abc[1]", "styles: text");
	ok(blk->style[0] == 0 && blk->style[1] == HTML_STYLE_BOLD &&
	    blk->style[2] == 0 && blk->style[3] == HTML_STYLE_LINK &&
	    blk->style[5] == HTML_STYLE_LINK, "styles: bold and link runs");
	is_str(doc->links[0].url, "x", "styles: relative link kept without base");
	ok(doc->blocks[1].style[0] == (HTML_STYLE_HEADING | HTML_STYLE_BOLD),
	    "styles: heading is bold");
	ok(doc->blocks[2].style[0] == HTML_STYLE_PRE, "styles: pre");
	html_doc_free(doc);
}

struct text_case {
	const char	*text;
	const char	*blocks;
};

static const struct text_case texts[] = {
	{ "para one\nline two\n\n\npara two\n",
	  "P0/0:para one\\nline two | P0/0+:para two" },
	{ "  indented  \n \t \nnext", "P0/0:  indented | P0/0+:next" },
	{ "a\r\n\r\nb\x1b[1mc", "P0/0:a | P0/0+:bc" },
	{ "<p>not html</p>", "P0/0:<p>not html</p>" },
	{ "\n\n", "" },
};

static void
test_text(void)
{
	struct html_doc	*doc;
	char		*s;
	size_t		 i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		doc = html_from_text(texts[i].text, strlen(texts[i].text));
		s = dump_blocks(doc);
		is_str(s, texts[i].blocks, "text %zu", i);
		free(s);
		html_doc_free(doc);
	}
}

/* Titles made plain text. */
static const struct {
	const char	*html;
	const char	*plain;
} plains[] = {
	{ "AT&amp;T <b>news</b>", "AT&T news" },
	{ "Patch <b>now</b>: &lt;admin&gt; &#x41;&#66;", "Patch now: <admin> AB" },
	{ "  a\n\t <i>b</i>  ", "a b" },
	{ "x<script>alert(1)</script>y<style>p{}</style>", "xy" },
	{ "one<br>two<p>three</p>", "one two three" },
	{ "R&amp;D &nbsp;&bogus; <span hidden>no</span>", "R&D \xc2\xa0&bogus;" },
	{ "\x1b[31mred&#27;[0m &#x202e;x", "red[0m x" },
	{ "a < b & c", "a < b & c" },
	{ "", "" },
	{ "<b></b>", "" },
	{ "<a href=\"https://x.example/\">link</a> text", "link text" },
};

static void
test_plain(void)
{
	char	*s;
	size_t	 i;

	for (i = 0; i < sizeof plains / sizeof plains[0]; i++) {
		s = html_to_plain(plains[i].html, strlen(plains[i].html));
		is_str(s, plains[i].plain, "plain %zu", i);
		free(s);
	}
}

/* 100,000 levels of one element: no crash, linear time. */
static void
test_deep(const char *open, size_t n)
{
	struct buf	 b = BUF_INIT;
	struct html_doc	*doc;
	clock_t		 t0;
	double		 secs;
	size_t		 i;

	for (i = 0; i < n; i++) {
		buf_puts(&b, open);
	}
	buf_puts(&b, "deep text");
	t0 = clock();
	doc = html_parse(b.data, b.len, BASE);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ok(doc != NULL && secs < 5.0, "%zu x %s parsed in %.2fs", n, open, secs);
	html_doc_free(doc);
	buf_free(&b);
}

int
main(void)
{
	test_cases();
	test_styles();
	test_text();
	test_plain();
	test_deep("<div>", 100000);
	test_deep("<blockquote>", 100000);
	test_deep("<ul><li>", 100000);
	test_deep("<b><i>", 100000);
	test_deep("<table><tr><td>", 100000);
	test_deep("<a href=\"/x\">", 100000);
	return done_testing();
}
