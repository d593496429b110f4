/*
 * docgen: writes the parts of the manual pages and the example configuration
 * that come from kiji's tables (src/commands.def, src/options.def,
 * src/directives.def, src/actions.def and the screen elements of
 * src/ui-theme.h), so that the documentation cannot drift from the code.
 *
 *	docgen man TEMPLATE	copy TEMPLATE, replacing the lines @COMMANDS@,
 *				@OPTIONS@, @DIRECTIVES@, @COLORS@, @ACTIONS@
 *				and @KEYS@ with roff lists, and @VERSION@
 *				anywhere with the version
 *	docgen config		the example configuration: every option at its
 *				default and every default key binding, each
 *				with its help as a comment
 *
 * It is a build tool: its output is English and it is not translated.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui-theme.h"

#define N_(s)	(s)

struct docgen_command {
	const char	*name;
	const char	*summary;
};

static const struct docgen_command docgen_commands[] = {
#define CMD(name, summary) { #name, summary },
#include "commands.def"
#undef CMD
};

struct docgen_option {
	const char	*name;
	const char	*type;
	const char	*def;
	long long	 min;
	long long	 max;
	const char	*help;
};

static const struct docgen_option docgen_options[] = {
#define OPT(id, name, type, def, min, max, help) \
	{ name, #type, def, min, max, help },
#include "options.def"
#undef OPT
};

struct docgen_directive {
	const char	*name;
	const char	*usage;
};

static const struct docgen_directive docgen_directives[] = {
#define DIRECTIVE(name, usage) { name, usage },
#include "directives.def"
#undef DIRECTIVE
};

struct docgen_action {
	const char	*context;
	const char	*name;
	const char	*keys;
	const char	*help;
};

static const struct docgen_action docgen_actions[] = {
#define ACTION(id, context, name, keys, help) { #context, name, keys, help },
#include "actions.def"
#undef ACTION
};

static const char *const docgen_elements[] = {
#define DOCGEN_ELEMENT(id, name) name,
	UI_ELEMENTS(DOCGEN_ELEMENT)
#undef DOCGEN_ELEMENT
};

#define DOCGEN_COUNT(a)	(sizeof (a) / sizeof (a)[0])

/* Write the UTF-8 sequence at *s as a roff \[uXXXX] escape, so that groff
 * needs no input encoding; *s moves past it. */
static void
docgen_roff_utf8(FILE *f, const char **s)
{
	const unsigned char	*p = (const unsigned char *)*s;
	unsigned long		 cp;
	int			 n, i;

	n = *p >= 0xf0 ? 3 : *p >= 0xe0 ? 2 : *p >= 0xc0 ? 1 : 0;
	cp = *p & (0x3f >> n);
	for (i = 1; i <= n && (p[i] & 0xc0) == 0x80; i++) {
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if (i <= n || n == 0) {
		fputs("\\[uFFFD]", f);
		*s += 1;
		return;
	}
	fprintf(f, "\\[u%04lX]", cp);
	*s += n + 1;
}

/* Write s as roff text: backslashes escaped, hyphens as \-, a leading
 * period or apostrophe guarded. */
static void
docgen_roff_text(FILE *f, const char *s, int nobreak)
{
	if (*s == '.' || *s == '\'') {
		fputs("\\&", f);
	}
	while (*s != '\0') {
		if ((unsigned char)*s >= 0x80) {
			docgen_roff_utf8(f, &s);
			continue;
		}
		if (*s == '\\') {
			fputs("\\e", f);
		} else if (*s == '-') {
			fputs("\\-", f);
		} else if (*s == ' ' && nobreak) {
			fputs("\\ ", f);
		} else {
			fputc(*s, f);
		}
		s++;
	}
}

static void
docgen_roff(FILE *f, const char *s)
{
	docgen_roff_text(f, s, 0);
}

/* A command's name as typed: export_opml is export-opml. */
static void
docgen_roff_command(FILE *f, const char *name)
{
	for (; *name != '\0'; name++) {
		fputs(*name == '_' || *name == '-' ? "\\-" : "", f);
		if (*name != '_' && *name != '-') {
			fputc(*name, f);
		}
	}
}

static void
docgen_man_commands(FILE *f)
{
	size_t	i;

	for (i = 0; i < DOCGEN_COUNT(docgen_commands); i++) {
		fputs(".TP\n.B ", f);
		docgen_roff_command(f, docgen_commands[i].name);
		fputc('\n', f);
		docgen_roff(f, docgen_commands[i].summary);
		fputs(".\n", f);
	}
}

/* A duration option's bound, given in seconds, in the largest unit that
 * divides it. */
static void
docgen_man_duration(FILE *f, long long seconds)
{
	if (seconds == 0) {
		fputs("0", f);
	} else if (seconds % 3600 == 0) {
		fprintf(f, "%lldh", seconds / 3600);
	} else if (seconds % 60 == 0) {
		fprintf(f, "%lldm", seconds / 60);
	} else {
		fprintf(f, "%llds", seconds);
	}
}

/* The values an option takes, as a roff phrase. */
static void
docgen_man_type(FILE *f, const struct docgen_option *o)
{
	if (strcmp(o->type, "BOOL") == 0) {
		fputs("\\fByes\\fR or \\fBno\\fR", f);
	} else if (strcmp(o->type, "INT") == 0) {
		fprintf(f, "a number from %lld to %lld", o->min, o->max);
	} else if (strcmp(o->type, "DURATION") == 0) {
		fputs("a duration (minutes, or a number with \\fBs\\fR, "
		    "\\fBm\\fR or \\fBh\\fR) from ", f);
		docgen_man_duration(f, o->min);
		fputs(" to ", f);
		docgen_man_duration(f, o->max);
	} else {
		fputs("a string", f);
	}
}

static void
docgen_man_options(FILE *f)
{
	const struct docgen_option	*o;
	size_t				 i;

	for (i = 0; i < DOCGEN_COUNT(docgen_options); i++) {
		o = &docgen_options[i];
		fputs(".TP\n.BI \"", f);
		docgen_roff(f, o->name);
		fputs(" \" value\n", f);
		docgen_roff(f, o->help);
		fputs(".\n.br\nValue: ", f);
		docgen_man_type(f, o);
		fputs("; default: ", f);
		if (o->def[0] == '\0') {
			fputs("empty.\n", f);
		} else {
			fputs("\\(lq\\f(CR", f);
			docgen_roff_text(f, o->def, 1);
			fputs("\\fR\\(rq.\n", f);
		}
	}
}

static void
docgen_man_directives(FILE *f)
{
	size_t	i;

	for (i = 0; i < DOCGEN_COUNT(docgen_directives); i++) {
		fputs(".TP\n.B ", f);
		docgen_roff(f, docgen_directives[i].usage);
		fputc('\n', f);
	}
}

/* Write an action's default keys ("j Down") as "j, Down" in bold. */
static void
docgen_man_keys(FILE *f, const char *keys)
{
	const char	*p = keys, *end;

	while (*p != '\0') {
		end = strchr(p, ' ');
		if (end == NULL) {
			end = p + strlen(p);
		}
		fputs(p == keys ? "\\fB" : "\\fR, \\fB", f);
		fprintf(f, "%.*s", (int)(end - p), p);
		p = *end == ' ' ? end + 1 : end;
	}
	fputs("\\fR", f);
}

/* The key list of kiji(1) (keys first) or the action list of
 * kiji-config(5) (action names first). */
static void
docgen_man_actions(FILE *f, int keys_first)
{
	const struct docgen_action	*a;
	size_t				 i;

	for (i = 0; i < DOCGEN_COUNT(docgen_actions); i++) {
		a = &docgen_actions[i];
		fputs(".TP\n", f);
		if (keys_first) {
			docgen_man_keys(f, a->keys[0] != '\0' ? a->keys : "(none)");
			fputs("\n", f);
		} else {
			fputs(".B ", f);
			docgen_roff(f, a->name);
			fputc('\n', f);
		}
		if (strcmp(a->context, "MEMO") == 0) {
			fputs("(memo) ", f);
		}
		docgen_roff(f, a->help);
		if (keys_first) {
			fputs(" (\\fB", f);
			docgen_roff(f, a->name);
			fputs("\\fR).\n", f);
		} else if (a->keys[0] != '\0') {
			fputs(".\n.br\nKeys: ", f);
			docgen_man_keys(f, a->keys);
			fputs(".\n", f);
		} else {
			fputs(".\n", f);
		}
	}
}

static void
docgen_man_colors(FILE *f)
{
	size_t	i;

	fputs(".PP\n.B color\nsets the colours and attributes of a screen "
	    "element.\nColours are\n.BR default ", f);
	fputs("\", black, red, green, yellow, blue, magenta, cyan, white,\n"
	    "their\n.BI bright \"colour\"\nforms, and\n.BI color n\nor\n"
	    ".I n\nfrom 0 to 255.\nAttributes are\n"
	    ".BR bold \", \" dim \", \" underline \", \" reverse \", \" "
	    "standout \", \" blink \", \" italic \" and \" normal .\n"
	    "The elements are\n", f);
	for (i = 0; i < DOCGEN_COUNT(docgen_elements); i++) {
		fputs(".BR ", f);
		docgen_roff(f, docgen_elements[i]);
		fputs(i + 1 == DOCGEN_COUNT(docgen_elements) ? " .\n" :
		    i + 2 == DOCGEN_COUNT(docgen_elements) ? " \" and\"\n" :
		    " ,\n", f);
	}
	fputs("The defaults are:\n.PP\n.RS\n.nf\n", f);
	docgen_roff(f, ui_theme_defaults_config());
	fputs(".fi\n.RE\n", f);
}

/* Copy line to f with every @VERSION@ replaced and non-ASCII characters
 * escaped. */
static void
docgen_man_line(FILE *f, const char *line)
{
	while (*line != '\0') {
		if (strncmp(line, "@VERSION@", 9) == 0) {
			fputs(PACKAGE_VERSION, f);
			line += 9;
		} else if ((unsigned char)*line >= 0x80) {
			docgen_roff_utf8(f, &line);
		} else {
			fputc(*line++, f);
		}
	}
}

static int
docgen_man(const char *template)
{
	FILE	*in = fopen(template, "r");
	char	 line[4096];

	if (in == NULL) {
		perror(template);
		return 1;
	}
	while (fgets(line, sizeof line, in) != NULL) {
		if (strcmp(line, "@COMMANDS@\n") == 0) {
			docgen_man_commands(stdout);
		} else if (strcmp(line, "@OPTIONS@\n") == 0) {
			docgen_man_options(stdout);
		} else if (strcmp(line, "@DIRECTIVES@\n") == 0) {
			docgen_man_directives(stdout);
		} else if (strcmp(line, "@ACTIONS@\n") == 0) {
			docgen_man_actions(stdout, 0);
		} else if (strcmp(line, "@KEYS@\n") == 0) {
			docgen_man_actions(stdout, 1);
		} else if (strcmp(line, "@COLORS@\n") == 0) {
			docgen_man_colors(stdout);
		} else {
			docgen_man_line(stdout, line);
		}
	}
	fclose(in);
	return ferror(stdout) ? 1 : 0;
}

/* Write a value in the config language: quoted when it is empty or holds
 * white space, a quote, a backslash or a #. */
static void
docgen_config_value(FILE *f, const char *v)
{
	if (v[0] != '\0' && strpbrk(v, " \t\"\\#") == NULL) {
		fputs(v, f);
		return;
	}
	fputc('"', f);
	for (; *v != '\0'; v++) {
		if (*v == '"' || *v == '\\') {
			fputc('\\', f);
		}
		fputc(*v, f);
	}
	fputc('"', f);
}

/* Write text as # comment lines of at most about 72 columns. */
static void
docgen_config_comment(FILE *f, const char *text)
{
	const char	*p = text, *space, *end;
	size_t		 col = 0;

	while (*p != '\0') {
		space = strchr(p, ' ');
		end = space != NULL ? space : p + strlen(p);
		if (col > 0 && col + 1 + (size_t)(end - p) > 72) {
			fputc('\n', f);
			col = 0;
		}
		fputs(col == 0 ? "# " : " ", f);
		col += col == 0 ? 2 : 1;
		fwrite(p, 1, (size_t)(end - p), f);
		col += (size_t)(end - p);
		p = space != NULL ? space + 1 : end;
	}
	fputc('\n', f);
}

/* The default key bindings as bind lines, each action's help above. */
static void
docgen_config_bindings(FILE *f)
{
	const struct docgen_action	*a;
	const char			*p, *end;
	char				*key;
	size_t				 i;

	fputs("\n# Key bindings: bind KEY ACTION, unbind KEY.  Actions marked (memo)\n"
	    "# apply on the memo screen, before the others.\n", f);
	for (i = 0; i < DOCGEN_COUNT(docgen_actions); i++) {
		a = &docgen_actions[i];
		if (a->keys[0] == '\0') {
			continue;
		}
		fputc('\n', f);
		docgen_config_comment(f, a->help);
		if (strcmp(a->context, "MEMO") == 0) {
			fputs("# (memo)\n", f);
		}
		for (p = a->keys; *p != '\0'; p = *end == ' ' ? end + 1 : end) {
			end = strchr(p, ' ');
			if (end == NULL) {
				end = p + strlen(p);
			}
			key = strndup(p, (size_t)(end - p));
			if (key == NULL) {
				abort();
			}
			fputs("bind ", f);
			docgen_config_value(f, key);
			fprintf(f, " %s\n", a->name);
			free(key);
		}
	}
}

/* The default colours as comments: a color line also sets what monochrome
 * terminals show, so uncommented they would change the default there. */
static void
docgen_config_colors(FILE *f)
{
	const char	*p = ui_theme_defaults_config(), *nl;

	fputs("\n# Colours: color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE...].\n"
	    "# These are the defaults; uncomment a line to change it.\n", f);
	for (; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL) {
			fprintf(f, "#%s\n", p);
			break;
		}
		fprintf(f, "#%.*s\n", (int)(nl - p), p);
	}
}

static int
docgen_config(void)
{
	const struct docgen_option	*o;
	size_t				 i;

	fputs("# kiji's configuration: every option at its default value.\n"
	    "# kiji reads $XDG_CONFIG_HOME/kiji/config (~/.config/kiji/config),\n"
	    "# or the file given with -c.  Copy this file there and change what\n"
	    "# you need; see kiji-config(5).  Lines are NAME VALUE; quote values\n"
	    "# with spaces or # in \"double quotes\".\n", stdout);
	for (i = 0; i < DOCGEN_COUNT(docgen_options); i++) {
		o = &docgen_options[i];
		fputc('\n', stdout);
		docgen_config_comment(stdout, o->help);
		fprintf(stdout, "%s ", o->name);
		docgen_config_value(stdout, o->def);
		fputc('\n', stdout);
	}
	docgen_config_bindings(stdout);
	docgen_config_colors(stdout);
	return ferror(stdout) ? 1 : 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "man") == 0) {
		return docgen_man(argv[2]);
	}
	if (argc == 2 && strcmp(argv[1], "config") == 0) {
		return docgen_config();
	}
	fputs("usage: docgen man TEMPLATE | docgen config\n", stderr);
	return 2;
}
