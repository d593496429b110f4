/* ui-memo: the memo screen: the open issue as a tree (section, story,
 * entry) beside its Markdown as it will be exported, live; keys move stories
 * between places and sections, join and split them, edit headlines and
 * quotes, remove, export and close the issue.  Also the main screen's
 * memo keys: M opens this screen, 1-9 star an item into a section. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "file.h"
#include "html.h"
#include "i18n.h"
#include "layout.h"
#include "memo-cfg.h"
#include "memo.h"
#include "paths.h"
#include "store-memo.h"
#include "store.h"
#include "ui-int.h"
#include "ui-text.h"
#include "utf8.h"
#include "xalloc.h"

enum ui_memo_kind {
	UI_MEMO_SECTION,
	UI_MEMO_STORY,
	UI_MEMO_ENTRY,
};

struct ui_memo_row {
	enum ui_memo_kind	 kind;
	size_t			 section;
	size_t			 story;
	size_t			 entry;
};

enum ui_memo_asking {
	UI_MEMO_ASK_NONE,
	UI_MEMO_ASK_HEADLINE,
	UI_MEMO_ASK_QUOTE,
	UI_MEMO_ASK_CLOSE,
	UI_MEMO_ASK_JOIN,
};

struct ui_memo {
	bool			 configured;
	struct memo_issue	*issue;
	struct ui_memo_row	*rows;
	size_t			 nrows;
	int			 cursor;
	int			 top;
	struct layout		*preview;
	int			 preview_width;
	int			 preview_top;
	enum ui_memo_asking	 asking;
	int64_t			 target;	/* the story or entry asked about */
	int64_t			 join_entry;	/* the entry a join offer moves */
	char			**paras;	/* the article's paragraphs (quote) */
	size_t			 nparas;
};

struct ui_memo *
ui_memo_new(void)
{
	return xcalloc(1, sizeof(struct ui_memo));
}

static void
ui_memo_clear_paras(struct ui_memo *m)
{
	memo_names_free(m->paras, m->nparas);
	m->paras = NULL;
	m->nparas = 0;
}

void
ui_memo_free(struct ui_memo *m)
{
	if (m == NULL) {
		return;
	}
	memo_issue_free(m->issue);
	free(m->rows);
	layout_free(m->preview);
	ui_memo_clear_paras(m);
	free(m);
}

/* Give the open issue the configured sections (once per run). */
static bool
ui_memo_configure(struct ui *ui)
{
	struct ui_memo	*m = ui->memo;
	char		**names, *cause = NULL;
	size_t		  n;
	int		  def;
	bool		  ok;

	if (m->configured) {
		return true;
	}
	names = memo_cfg_sections(ui->cfg, &n, &def);
	ok = store_memo_configure(ui_data_store(ui->data), names, n, def,
	    &cause);
	memo_names_free(names, n);
	if (!ok) {
		ui_message(ui, true, "%s", cause);
		free(cause);
		return false;
	}
	m->configured = true;
	return true;
}

static void
ui_memo_add_row(struct ui_memo *m, enum ui_memo_kind kind, size_t sec,
    size_t story, size_t entry)
{
	m->rows = xreallocarray(m->rows, m->nrows + 1, sizeof *m->rows);
	m->rows[m->nrows++] = (struct ui_memo_row){ kind, sec, story, entry };
}

/* Read the open issue again and rebuild the tree's rows. */
static bool
ui_memo_load(struct ui *ui)
{
	struct ui_memo		*m = ui->memo;
	struct memo_issue	*issue;
	struct memo_section	*sec;
	char			*cause = NULL;
	size_t			 i, j, k;

	if (!ui_memo_configure(ui)) {
		return false;
	}
	issue = store_memo_load(ui_data_store(ui->data), -1, &cause);
	if (issue == NULL) {
		ui_message(ui, true, "%s", cause);
		free(cause);
		return false;
	}
	memo_issue_free(m->issue);
	m->issue = issue;
	m->nrows = 0;
	for (i = 0; i < issue->nsections; i++) {
		sec = &issue->sections[i];
		ui_memo_add_row(m, UI_MEMO_SECTION, i, 0, 0);
		for (j = 0; j < sec->nstories; j++) {
			ui_memo_add_row(m, UI_MEMO_STORY, i, j, 0);
			for (k = 0; k < sec->stories[j].nentries; k++) {
				ui_memo_add_row(m, UI_MEMO_ENTRY, i, j, k);
			}
		}
	}
	if (m->cursor >= (int)m->nrows) {
		m->cursor = m->nrows > 0 ? (int)m->nrows - 1 : 0;
	}
	layout_free(m->preview);
	m->preview = NULL;
	return true;
}

unsigned
ui_memo_open(struct ui *ui)
{
	if (!ui_memo_load(ui)) {
		return UI_HANDLED | UI_REDRAW;
	}
	ui->memo_open = true;
	ui->memo->preview_top = 0;
	return UI_HANDLED | UI_REDRAW;
}

static struct memo_story *
ui_memo_story(struct ui_memo *m, const struct ui_memo_row *r)
{
	if (r->kind == UI_MEMO_SECTION) {
		return NULL;
	}
	return &m->issue->sections[r->section].stories[r->story];
}

static struct memo_entry *
ui_memo_entry(struct ui_memo *m, const struct ui_memo_row *r)
{
	struct memo_story	*s = ui_memo_story(m, r);

	if (s == NULL || s->nentries == 0) {
		return NULL;
	}
	return &s->entries[r->kind == UI_MEMO_ENTRY ? r->entry : 0];
}

/* The tree line of row r (caller frees). */
static char *
ui_memo_row_text(struct ui_memo *m, const struct ui_memo_row *r)
{
	struct memo_section	*sec = &m->issue->sections[r->section];
	struct memo_story	*s = ui_memo_story(m, r);
	struct memo_entry	*e;
	char			*clean, *line;

	if (r->kind == UI_MEMO_SECTION) {
		clean = ui_text_clean(sec->name);
		line = xasprintf("%zu %s (%zu)", r->section + 1, clean,
		    sec->nstories);
	} else if (r->kind == UI_MEMO_STORY) {
		clean = ui_text_clean(memo_story_headline(s));
		line = xasprintf("  * %s", clean);
	} else {
		e = &s->entries[r->entry];
		clean = ui_text_clean(e->title);
		line = xasprintf("      - %s%s", e->quote != NULL ? "\" " : "",
		    clean);
	}
	free(clean);
	return line;
}

/* The preview: the issue's Markdown, or the article's paragraphs while a
 * quote is being picked. */
static struct layout *
ui_memo_render(struct ui *ui, int width)
{
	struct ui_memo		*m = ui->memo;
	struct memo_style	 style;
	struct html_doc		*doc;
	struct html_block	*b;
	struct layout_opts	 opts = { width, 0 };
	struct layout		*l;
	char			*md;
	size_t			 i;

	if (m->asking == UI_MEMO_ASK_QUOTE) {
		doc = html_doc_new();
		for (i = 0; i < m->nparas; i++) {
			b = html_doc_add(doc, HTML_BLOCK_PARA, m->paras[i], 0);
			b->marker = xasprintf("[%zu] ", i + 1);
			b->indent = (int)strlen(b->marker);
			b->gap = i > 0;
		}
	} else {
		memo_cfg_style(ui->cfg, &style);
		md = memo_render(m->issue, &style, MEMO_MARKDOWN);
		doc = html_from_text(md, strlen(md));
		free(md);
	}
	l = layout_blocks(doc->blocks, doc->nblocks, &opts);
	html_doc_free(doc);
	return l;
}

static void
ui_memo_draw_tree(struct ui *ui, struct ui_rect r)
{
	struct ui_memo	*m = ui->memo;
	char		*line, *title;
	int		 y, page = r.h - 1;
	size_t		 i;
	enum ui_element	 el;

	title = xasprintf(_(" Memo: issue #%ld (q closes, ? keys)"),
	    m->issue->number);
	ui_draw_text(r.y, r.x, r.w, title, UI_EL_TITLE);
	free(title);
	if (m->cursor < m->top) {
		m->top = m->cursor;
	} else if (m->cursor >= m->top + page) {
		m->top = m->cursor - page + 1;
	}
	for (y = 0; y < page; y++) {
		i = (size_t)(m->top + y);
		if (i >= m->nrows) {
			ui_draw_text(r.y + 1 + y, r.x, r.w, "", UI_EL_NORMAL);
			continue;
		}
		line = ui_memo_row_text(m, &m->rows[i]);
		el = m->rows[i].kind == UI_MEMO_SECTION ? UI_EL_SECTION :
		    UI_EL_NORMAL;
		ui_draw_text(r.y + 1 + y, r.x, r.w, line,
		    (int)i == m->cursor ? UI_EL_CURSOR : el);
		free(line);
	}
}

/* The look of a Markdown line: headings and quotes stand out. */
static enum ui_element
ui_memo_line_element(const char *text)
{
	text += strspn(text, " ");
	if (text[0] == '#') {
		return UI_EL_READER_HEADING;
	}
	if (text[0] == '>') {
		return UI_EL_READER_QUOTE;
	}
	return UI_EL_NORMAL;
}

static void
ui_memo_draw_preview(struct ui *ui, struct ui_rect r)
{
	struct ui_memo		*m = ui->memo;
	struct layout_line	*line;
	int			 y, n;

	if (m->preview == NULL || m->preview_width != r.w - 1) {
		layout_free(m->preview);
		m->preview_width = r.w - 1;
		m->preview = ui_memo_render(ui, r.w - 1);
	}
	ui_draw_text(r.y, r.x, r.w, m->asking == UI_MEMO_ASK_QUOTE ?
	    _(" The article's paragraphs") : _(" Preview (Markdown)"),
	    UI_EL_TITLE_INACTIVE);
	n = (int)m->preview->nlines;
	if (m->preview_top > n - (r.h - 1)) {
		m->preview_top = n - (r.h - 1);
	}
	if (m->preview_top < 0) {
		m->preview_top = 0;
	}
	for (y = 0; y < r.h - 1; y++) {
		ui_draw_text(r.y + 1 + y, r.x, 1, "", UI_EL_NORMAL);
		if (m->preview_top + y >= n) {
			ui_draw_text(r.y + 1 + y, r.x + 1, r.w - 1, "",
			    UI_EL_NORMAL);
			continue;
		}
		line = &m->preview->lines[m->preview_top + y];
		ui_draw_text(r.y + 1 + y, r.x + 1, r.w - 1, line->text,
		    ui_memo_line_element(line->text));
	}
}

void
ui_memo_draw(struct ui *ui)
{
	int		h = ui->lines - 1, w = ui->cols, tw;
	struct ui_rect	tree, preview;

	if (w >= 100) {
		tw = w * 45 / 100;
		tree = (struct ui_rect){ 0, 0, h, tw };
		preview = (struct ui_rect){ 0, tw + 1, h, w - tw - 1 };
		ui_draw_vline(0, tw, h, UI_EL_BORDER);
	} else {
		tree = (struct ui_rect){ 0, 0, h / 2, w };
		preview = (struct ui_rect){ h / 2, 0, h - h / 2, w };
	}
	ui_memo_draw_tree(ui, tree);
	ui_memo_draw_preview(ui, preview);
}

/* Put the cursor on the row of story (or entry) id after a reload. */
static void
ui_memo_find(struct ui_memo *m, int64_t story, int64_t entry)
{
	struct memo_story	*s;
	size_t			 i;

	for (i = 0; i < m->nrows; i++) {
		s = ui_memo_story(m, &m->rows[i]);
		if (s == NULL) {
			continue;
		}
		if ((entry != 0 && m->rows[i].kind == UI_MEMO_ENTRY &&
		    s->entries[m->rows[i].entry].id == entry) ||
		    (entry == 0 && m->rows[i].kind == UI_MEMO_STORY &&
		    s->id == story)) {
			m->cursor = (int)i;
			return;
		}
	}
}

/* After a store call: report a failure, reload, keep the cursor. */
static unsigned
ui_memo_after(struct ui *ui, bool ok, char *cause, int64_t story,
    int64_t entry)
{
	if (!ok) {
		ui_message(ui, true, "%s", cause);
		free(cause);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ui_memo_load(ui)) {
		ui_memo_find(ui->memo, story, entry);
	}
	return UI_HANDLED | UI_REDRAW;
}

/* The article's paragraphs, one line each, for picking a quote. */
static void
ui_memo_load_paras(struct ui *ui, int64_t item_id)
{
	struct ui_memo		*m = ui->memo;
	struct store_item	 item;
	struct html_doc		*doc;
	const char		*body;
	char			*cause = NULL, *p;
	size_t			 i;

	ui_memo_clear_paras(m);
	if (item_id == 0 || !ui_data_item(ui->data, item_id, &item, &cause)) {
		free(cause);
		return;
	}
	body = item.content != NULL && item.content[0] != '\0' ?
	    item.content : item.summary != NULL ? item.summary : "";
	doc = (body == item.content ? item.content_type : item.summary_type) ==
	    CONTENT_HTML ? html_parse(body, strlen(body), item.base) :
	    html_from_text(body, strlen(body));
	m->paras = xcalloc(doc->nblocks + 1, sizeof *m->paras);
	for (i = 0; i < doc->nblocks; i++) {
		p = memo_clean(doc->blocks[i].text, false);
		if (doc->blocks[i].type == HTML_BLOCK_RULE || p[0] == '\0') {
			free(p);
			continue;
		}
		m->paras[m->nparas++] = p;
	}
	html_doc_free(doc);
	store_item_clear(&item);
}

/* Open the prompt for a headline, a quote or the closing question. */
static unsigned
ui_memo_ask(struct ui *ui, enum ui_memo_asking what, int64_t target,
    const char *label, const char *initial)
{
	ui->memo->asking = what;
	ui->memo->target = target;
	ui->prompt = ui_prompt_new(label, initial);
	ui->prompt_purpose = UI_PROMPT_MEMO;
	layout_free(ui->memo->preview);
	ui->memo->preview = NULL;
	return UI_HANDLED | UI_REDRAW;
}

static unsigned
ui_memo_export(struct ui *ui)
{
	struct memo_style	 style;
	char			*text, *path, *cause = NULL;
	bool			 ok;

	memo_cfg_style(ui->cfg, &style);
	text = memo_render(ui->memo->issue, &style, MEMO_MARKDOWN);
	path = xasprintf("%s/issue-%ld.md", ui->paths->data_dir,
	    ui->memo->issue->number);
	ok = file_write_atomic(path, text, strlen(text), &cause);
	if (ok) {
		ui_message(ui, false, _("Exported to %s"), path);
	} else {
		ui_message(ui, true, "%s", cause);
		free(cause);
	}
	free(path);
	free(text);
	return UI_HANDLED | UI_REDRAW;
}

/* Actions on the selected story or entry. */
static unsigned
ui_memo_edit(struct ui *ui, int action, struct memo_story *s,
    struct memo_entry *e)
{
	struct store	*st = ui_data_store(ui->data);
	char		*cause = NULL;
	size_t		 sec = ui->memo->rows[ui->memo->cursor].section;
	bool		 ok, on_entry;

	on_entry = ui->memo->rows[ui->memo->cursor].kind == UI_MEMO_ENTRY;
	switch (action) {
	case ACTION_MEMO_STORY_UP:
	case ACTION_MEMO_STORY_DOWN:
		ok = store_memo_story_move(st, s->id,
		    action == ACTION_MEMO_STORY_UP ? -1 : 1, &cause);
		return ui_memo_after(ui, ok, cause, s->id, 0);
	case ACTION_MEMO_SECTION_PREV:
	case ACTION_MEMO_SECTION_NEXT:
		if ((action == ACTION_MEMO_SECTION_PREV && sec == 0) ||
		    (action == ACTION_MEMO_SECTION_NEXT &&
		    sec + 1 >= ui->memo->issue->nsections)) {
			return UI_HANDLED;
		}
		ok = store_memo_story_to_section(st, s->id, (int)sec +
		    (action == ACTION_MEMO_SECTION_PREV ? -1 : 1), &cause);
		return ui_memo_after(ui, ok, cause, s->id, 0);
	case ACTION_MEMO_JOIN:
		ok = store_memo_entry_join(st, e->id, 0, &cause);
		return ui_memo_after(ui, ok, cause, 0, e->id);
	case ACTION_MEMO_SPLIT:
		ok = store_memo_entry_split(st, e->id, &cause);
		return ui_memo_after(ui, ok, cause, 0, e->id);
	case ACTION_MEMO_REMOVE:
		ok = on_entry ? store_memo_entry_remove(st, e->id, &cause) :
		    store_memo_story_remove(st, s->id, &cause);
		return ui_memo_after(ui, ok, cause, 0, 0);
	case ACTION_MEMO_HEADLINE:
		return ui_memo_ask(ui, UI_MEMO_ASK_HEADLINE, s->id,
		    _("Headline: "), memo_story_headline(s));
	case ACTION_MEMO_QUOTE:
		ui_memo_load_paras(ui, e->item_id);
		return ui_memo_ask(ui, UI_MEMO_ASK_QUOTE, e->id,
		    ui->memo->nparas > 0 ?
		    _("Quote (a paragraph's number, or the text): ") :
		    _("Quote: "), e->quote);
	default:
		return 0;
	}
}

unsigned
ui_memo_action(struct ui *ui, int action)
{
	struct ui_memo		*m = ui->memo;
	struct ui_memo_row	*r = m->nrows > 0 ? &m->rows[m->cursor] : NULL;
	unsigned		 res;

	switch (action) {
	case ACTION_QUIT:
		ui->memo_open = false;
		return UI_HANDLED | UI_REDRAW | UI_SOURCES | UI_ITEMS_KEEP;
	case ACTION_HELP:
		ui->help = true;
		ui->help_top = 0;
		return UI_HANDLED | UI_REDRAW;
	case ACTION_PAGE_DOWN:
	case ACTION_PAGE_UP:
		m->preview_top += (action == ACTION_PAGE_DOWN ? 1 : -1) *
		    (ui->lines / 2);
		return UI_HANDLED | UI_REDRAW;
	case ACTION_MEMO_EXPORT:
		return ui_memo_export(ui);
	case ACTION_MEMO_CLOSE:
		return ui_memo_ask(ui, UI_MEMO_ASK_CLOSE, 0,
		    _("Close this issue and open the next one? (y/n) "), "");
	default:
		break;
	}
	if (ui_list_action(&m->cursor, (int)m->nrows, ui->lines / 2, action)) {
		return UI_HANDLED | UI_REDRAW;
	}
	if (r == NULL || r->kind == UI_MEMO_SECTION ||
	    ui_memo_entry(m, r) == NULL) {
		return UI_HANDLED;
	}
	res = ui_memo_edit(ui, action, ui_memo_story(m, r), ui_memo_entry(m, r));
	return res != 0 ? res : UI_HANDLED;
}

/* The quote a prompt's text stands for: paragraph n, or the text. */
static const char *
ui_memo_quote(struct ui_memo *m, const char *text)
{
	char	*end;
	long	 n;

	n = strtol(text, &end, 10);
	if (text[0] != '\0' && *end == '\0' && n >= 1 &&
	    (size_t)n <= m->nparas) {
		return m->paras[n - 1];
	}
	return text;
}

unsigned
ui_memo_prompt(struct ui *ui, const char *text)
{
	struct ui_memo	*m = ui->memo;
	struct store	*st = ui_data_store(ui->data);
	char		*cause = NULL;
	long		 closed;
	bool		 ok = true;
	unsigned	 r;

	switch (m->asking) {
	case UI_MEMO_ASK_HEADLINE:
		ok = store_memo_story_set_headline(st, m->target, text, &cause);
		r = ui_memo_after(ui, ok, cause, m->target, 0);
		break;
	case UI_MEMO_ASK_QUOTE:
		ok = store_memo_entry_set_quote(st, m->target,
		    ui_memo_quote(m, text), &cause);
		r = ui_memo_after(ui, ok, cause, 0, m->target);
		break;
	case UI_MEMO_ASK_JOIN:
		r = UI_HANDLED | UI_REDRAW;
		if (text[0] == 'y' || text[0] == 'Y') {
			ok = store_memo_entry_join(st, m->join_entry, m->target,
			    &cause);
			r = ui_memo_after(ui, ok, cause, m->target, 0);
			if (ok) {
				ui_message(ui, false, _("Joined the story."));
			}
		}
		break;
	case UI_MEMO_ASK_CLOSE:
		if (text[0] == 'y' || text[0] == 'Y') {
			ok = store_memo_close(st, &closed, &cause);
			if (ok) {
				ui_message(ui, false, _("Closed issue #%ld."),
				    closed);
			}
		}
		r = ui_memo_after(ui, ok, cause, 0, 0);
		break;
	default:
		r = UI_REDRAW;
		break;
	}
	m->asking = UI_MEMO_ASK_NONE;
	ui_memo_clear_paras(m);
	layout_free(m->preview);
	m->preview = NULL;
	return r;
}

/* The story of the open issue with id, or NULL. */
static const struct memo_story *
ui_memo_story_by_id(const struct memo_issue *issue, int64_t id)
{
	size_t	i, j;

	for (i = 0; i < issue->nsections; i++) {
		for (j = 0; j < issue->sections[i].nstories; j++) {
			if (issue->sections[i].stories[j].id == id) {
				return &issue->sections[i].stories[j];
			}
		}
	}
	return NULL;
}

/* After item_id was starred: when another story of the open issue mentions
 * the same CVE/JVN identifier, ask whether the new entry should join it. */
unsigned
ui_memo_offer_join(struct ui *ui, int64_t item_id)
{
	struct store		*st = ui_data_store(ui->data);
	const struct memo_story	*story;
	struct memo_entry	*entry;
	int64_t			*ids = NULL;
	const char		*headline;
	size_t			 n = 0, own, cut;
	char			*cause = NULL, *label;
	unsigned		 r;
	int			 used;

	if (!store_memo_related(st, item_id, &ids, &n, &cause)) {
		free(cause);
		return 0;
	}
	if (n == 0 || !ui_memo_load(ui) ||
	    (entry = memo_issue_find_item(ui->memo->issue, item_id, &own)) ==
	    NULL || (story = ui_memo_story_by_id(ui->memo->issue, ids[0])) ==
	    NULL || story == memo_issue_story(ui->memo->issue, own, NULL)) {
		free(ids);
		return 0;
	}
	ui->memo->join_entry = entry->id;
	headline = memo_story_headline(story);
	cut = utf8_prefix(headline, strlen(headline), 24, utf8_ambiguous_width(),
	    &used);
	label = xasprintf(_("Join \"%.*s%s\" (same identifier)? (y/n) "),
	    (int)cut, headline, headline[cut] != '\0' ? "…" : "");
	r = ui_memo_ask(ui, UI_MEMO_ASK_JOIN, story->id, label, "");
	free(label);
	free(ids);
	return r;
}

/* Star item id into memo section (-1: the default) or unstar it. */
bool
ui_memo_star(struct ui *ui, int64_t id, bool on, int section)
{
	struct store	*st = ui_data_store(ui->data);
	char		*cause = NULL;
	bool		 ok;

	if (!ui_memo_configure(ui)) {
		return false;
	}
	ok = on ? store_memo_star(st, id, section, &cause) :
	    store_memo_unstar(st, id, &cause);
	if (!ok) {
		ui_message(ui, true, "%s", cause);
		free(cause);
	}
	return ok;
}

unsigned
ui_memo_global(struct ui *ui, int action)
{
	const struct ui_row	*row;
	int64_t			 id;
	int			 n;

	if (action == ACTION_MEMO) {
		return ui_memo_open(ui);
	}
	if (action < ACTION_MEMO_1 || action > ACTION_MEMO_9) {
		return 0;
	}
	n = action - ACTION_MEMO_1;
	if ((row = ui_items_selected(ui)) == NULL || !ui_memo_configure(ui)) {
		return UI_HANDLED | UI_REDRAW;
	}
	if (!ui_memo_load(ui) || (size_t)n >= ui->memo->issue->nsections) {
		ui_message(ui, true, _("The memo has no section %d."), n + 1);
		return UI_HANDLED | UI_REDRAW;
	}
	if (ui_memo_star(ui, row->id, true, n)) {
		id = row->id;
		ui_items_set_flags(ui, id, row->read, true);
		ui_message(ui, false, _("Starred into %s."),
		    ui->memo->issue->sections[n].name);
		return UI_HANDLED | UI_REDRAW | ui_memo_offer_join(ui, id);
	}
	return UI_HANDLED | UI_REDRAW;
}
