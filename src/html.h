/* html: HTML (or plain text) to blocks of styled text plus a link list, the
 * input of layout.  Uses libxml2's HTML parser; never loads anything. */
#ifndef KIJI_HTML_H
#define KIJI_HTML_H

#include <stdbool.h>
#include <stddef.h>

/* Style bits, one mask per byte of a block's text. */
#define HTML_STYLE_BOLD		0x01u
#define HTML_STYLE_ITALIC	0x02u
#define HTML_STYLE_CODE		0x04u
#define HTML_STYLE_LINK		0x08u	/* a "[n]" link reference */
#define HTML_STYLE_HEADING	0x10u
#define HTML_STYLE_QUOTE	0x20u	/* quote bars (set by layout) */
#define HTML_STYLE_PRE		0x40u
#define HTML_STYLE_IMAGE	0x80u	/* an "[image: alt]" placeholder */

enum html_block_type {
	HTML_BLOCK_PARA = 0,	/* text wrapped at the width; \n breaks a line */
	HTML_BLOCK_HEADING,	/* wrapped like a paragraph, marked */
	HTML_BLOCK_PRE,		/* verbatim: never re-wrapped, only folded */
	HTML_BLOCK_RULE,	/* a horizontal rule */
};

struct html_block {
	enum html_block_type type;
	int		 level;		/* heading level 1-6 */
	int		 indent;	/* columns of indentation (lists, dd) */
	int		 quote;		/* blockquote depth: bars drawn */
	bool		 gap;		/* a blank line before this block */
	char		*marker;	/* first-line list marker ("・", "1.") or NULL */
	char		*text;		/* valid UTF-8, sanitized but \n and \t */
	size_t		 len;
	unsigned char	*style;		/* HTML_STYLE_* mask per byte of text */
};

struct html_link {
	char		*url;		/* absolute when the base allowed it */
	bool		 openable;	/* http, https, ftp or mailto */
	bool		 image;		/* from an <img> */
};

/* A parsed document; owns its blocks and links. */
struct html_doc {
	struct html_block *blocks;
	size_t		 nblocks;
	struct html_link *links;	/* link [n] is links[n - 1] */
	size_t		 nlinks;
};

/* Parse HTML (any charset libxml2 detects, UTF-8 by default); relative
 * links are resolved against base (may be NULL).  Never fails. */
struct html_doc	*html_parse(const char *html, size_t len, const char *base);

/* Plain text as blocks: paragraphs at blank lines, line breaks kept. */
struct html_doc	*html_from_text(const char *text, size_t len);

/* The text of an HTML fragment (a title) on one line: tags stripped,
 * entities decoded, white space collapsed, controls removed.  Caller frees. */
char		*html_to_plain(const char *html, size_t len);

/* An empty document, and appending a block (text copied, one style for all
 * of it, sanitized); returns the block so the caller may set indent etc. */
struct html_doc	*html_doc_new(void);
struct html_block *html_doc_add(struct html_doc *, enum html_block_type,
		    const char *text, unsigned style);
void		 html_doc_free(struct html_doc *);

#endif
