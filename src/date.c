/* date: parse the date formats feeds use into UTC epoch seconds. */
#include "config.h"

#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What the tokens of a date said so far. */
struct date_parts {
	int	year, month, day;
	int	hour, min, sec;
	int	offset;		/* seconds east of UTC */
	bool	have_year, have_month, have_day, have_time, have_zone;
	bool	pm, am;
};

struct date_zone {
	const char	*name;
	int		 minutes;	/* east of UTC */
};

static const struct date_zone date_zones[] = {
	{ "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 }, { "WET", 0 },
	{ "BST", 60 }, { "CET", 60 }, { "MET", 60 }, { "CEST", 120 },
	{ "MEST", 120 }, { "EET", 120 }, { "EEST", 180 }, { "MSK", 180 },
	{ "IST", 330 }, { "HKT", 480 }, { "SGT", 480 }, { "AWST", 480 },
	{ "JST", 540 }, { "KST", 540 }, { "ACST", 570 }, { "AEST", 600 },
	{ "AEDT", 660 }, { "NZST", 720 }, { "NZDT", 780 },
	{ "AST", -240 }, { "ADT", -180 }, { "EST", -300 }, { "EDT", -240 },
	{ "CST", -360 }, { "CDT", -300 }, { "MST", -420 }, { "MDT", -360 },
	{ "PST", -480 }, { "PDT", -420 }, { "AKST", -540 }, { "AKDT", -480 },
	{ "HST", -600 }, { "NST", -210 }, { "NDT", -150 },
	{ "AT", -240 }, { "ET", -300 }, { "CT", -360 }, { "MT", -420 },
	{ "PT", -480 },
};

static const char *const date_months[] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec",
};

static const char *const date_days[] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

/* Epoch seconds of a proleptic Gregorian UTC date and time. */
time_t
date_from_civil(int year, int month, int day, int hour, int min, int sec)
{
	long long	y = year, era, yoe, doy, doe, days;
	unsigned	m = (unsigned)month;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	days = era * 146097 + doe - 719468;
	return (time_t)(days * 86400 + hour * 3600 + min * 60 + sec);
}

/* Format t as ISO 8601 UTC. */
void
date_format_iso(time_t t, char out[32])
{
	long long	days = (long long)t / 86400, rem = (long long)t % 86400;
	long long	z, era, doe, yoe, y, doy, mp, d, m;
	char		tmp[160];

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	snprintf(tmp, sizeof tmp, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
	    y, m, d, rem / 3600, rem / 60 % 60, rem % 60);
	tmp[31] = '\0';
	memcpy(out, tmp, 32);
}

/* Read up to max digits at *p; -1 when there are none. */
static int
date_digits(const char **p, int max, int *count)
{
	int	v = 0, n = 0;

	while (n < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (count != NULL) {
		*count = n;
	}
	return n == 0 ? -1 : v;
}

/* Parse a numeric zone "+0900", "+09:00", "+9", "-05" at p. */
static bool
date_numeric_zone(const char *p, int *offset)
{
	int	sign = *p == '-' ? -1 : 1, h, m = 0, n;

	if (*p != '+' && *p != '-') {
		return false;
	}
	p++;
	h = date_digits(&p, 2, &n);
	if (h < 0) {
		return false;
	}
	if (*p == ':') {
		p++;
	}
	if (isdigit((unsigned char)*p)) {
		m = date_digits(&p, 2, NULL);
	}
	if (*p != '\0' || h > 14 || m > 59) {
		return false;
	}
	*offset = sign * (h * 3600 + m * 60);
	return true;
}

/* Look a zone name up: table, military letters, then "GMT+9" forms. */
static bool
date_named_zone(const char *s, int *offset)
{
	size_t	i, n;
	char	c;

	for (i = 0; i < sizeof date_zones / sizeof date_zones[0]; i++) {
		n = strlen(date_zones[i].name);
		if (strncasecmp(s, date_zones[i].name, n) == 0 &&
		    (s[n] == '\0' || s[n] == '+' || s[n] == '-')) {
			*offset = date_zones[i].minutes * 60;
			return s[n] == '\0' || date_numeric_zone(s + n, offset);
		}
	}
	if (s[0] != '\0' && s[1] == '\0' && isalpha((unsigned char)s[0])) {
		c = (char)toupper((unsigned char)s[0]);
		if (c == 'J') {
			return false;
		}
		if (c >= 'A' && c <= 'I') {
			*offset = -(c - 'A' + 1) * 3600;
		} else if (c >= 'K' && c <= 'M') {
			*offset = -(c - 'K' + 10) * 3600;
		} else if (c >= 'N' && c <= 'Y') {
			*offset = (c - 'N' + 1) * 3600;
		} else {
			*offset = 0;
		}
		return true;
	}
	return false;
}

/* Month number (1-12) of an English month name or abbreviation. */
static int
date_month(const char *s)
{
	size_t	i;

	if (strlen(s) < 3) {
		return 0;
	}
	for (i = 0; i < 12; i++) {
		if (strncasecmp(s, date_months[i], 3) == 0) {
			return (int)i + 1;
		}
	}
	return 0;
}

static bool
date_is_day_name(const char *s)
{
	size_t	i;

	for (i = 0; i < 7; i++) {
		if (strncasecmp(s, date_days[i], 3) == 0) {
			return true;
		}
	}
	return false;
}

/* Parse "HH:MM[:SS[.frac]]" with an optional zone glued on. */
static bool
date_time_token(const char *t, struct date_parts *dp)
{
	const char	*p = t;

	dp->hour = date_digits(&p, 2, NULL);
	if (dp->hour < 0 || *p != ':') {
		return false;
	}
	p++;
	dp->min = date_digits(&p, 2, NULL);
	if (dp->min < 0) {
		return false;
	}
	dp->sec = 0;
	if (*p == ':') {
		p++;
		dp->sec = date_digits(&p, 2, NULL);
		if (dp->sec < 0) {
			return false;
		}
	}
	if (*p == '.' || *p == ',') {
		p++;
		while (isdigit((unsigned char)*p)) {
			p++;
		}
	}
	dp->have_time = true;
	if (*p == '\0') {
		return true;
	}
	if (date_numeric_zone(p, &dp->offset) || date_named_zone(p, &dp->offset)) {
		dp->have_zone = true;
		return true;
	}
	return false;
}

/* Classify one alphabetic token. */
static bool
date_word_token(const char *t, struct date_parts *dp)
{
	int	m;

	if (strcasecmp(t, "am") == 0 || strcasecmp(t, "a.m.") == 0) {
		dp->am = true;
		return true;
	}
	if (strcasecmp(t, "pm") == 0 || strcasecmp(t, "p.m.") == 0) {
		dp->pm = true;
		return true;
	}
	if (!dp->have_zone && date_named_zone(t, &dp->offset)) {
		dp->have_zone = true;
		return true;
	}
	m = date_month(t);
	if (m > 0 && !dp->have_month) {
		dp->month = m;
		dp->have_month = true;
		return true;
	}
	return date_is_day_name(t) || strcasecmp(t, "at") == 0 ||
	    strcasecmp(t, "of") == 0;
}

/* Classify one numeric token (day or year). */
static bool
date_number_token(const char *t, struct date_parts *dp)
{
	const char	*p = t;
	int		 n, v;

	v = date_digits(&p, 4, &n);
	if (v < 0) {
		return false;
	}
	if (*p != '\0' && !(n <= 2 && (strcasecmp(p, "st") == 0 ||
	    strcasecmp(p, "nd") == 0 || strcasecmp(p, "rd") == 0 ||
	    strcasecmp(p, "th") == 0))) {
		return false;
	}
	if (n <= 2 && !dp->have_day && v >= 1 && v <= 31) {
		dp->day = v;
		dp->have_day = true;
	} else if (!dp->have_year && (n == 4 || n == 2)) {
		dp->year = n == 4 ? v : v + (v < 90 ? 2000 : 1900);
		dp->have_year = true;
	} else {
		return false;
	}
	return true;
}

static bool
date_token(const char *t, struct date_parts *dp)
{
	if (t[0] == '\0') {
		return true;
	}
	if (isdigit((unsigned char)t[0]) && strchr(t, ':') != NULL) {
		return !dp->have_time && date_time_token(t, dp);
	}
	if (isdigit((unsigned char)t[0])) {
		return date_number_token(t, dp);
	}
	if ((t[0] == '+' || t[0] == '-') && !dp->have_zone) {
		dp->have_zone = date_numeric_zone(t, &dp->offset);
		return dp->have_zone;
	}
	if (isalpha((unsigned char)t[0])) {
		return date_word_token(t, dp);
	}
	return false;
}

/* Check the parts and turn them into epoch seconds. */
static bool
date_finish(struct date_parts *dp, time_t *out)
{
	static const int	mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	if (dp->pm && dp->hour < 12) {
		dp->hour += 12;
	} else if (dp->am && dp->hour == 12) {
		dp->hour = 0;
	}
	if (dp->year < 1 || dp->year > 9999 || dp->month < 1 ||
	    dp->month > 12 || dp->day < 1 || dp->day > mdays[dp->month - 1] ||
	    dp->hour > 24 || dp->min > 59 || dp->sec > 61) {
		return false;
	}
	if (dp->sec > 59) {
		dp->sec = 59;
	}
	*out = date_from_civil(dp->year, dp->month, dp->day, dp->hour,
	    dp->min, dp->sec) - dp->offset;
	return true;
}

/* A token that may hold several parts joined by '-' ("01-Jan-2004"). */
static bool
date_compound_token(char *t, struct date_parts *dp)
{
	char	*part, *save = NULL;
	int	 offset;

	if (isdigit((unsigned char)t[0]) && strchr(t, ':') != NULL) {
		return date_token(t, dp);
	}
	if (t[0] == '+' || t[0] == '-' ||
	    (isalpha((unsigned char)t[0]) && date_named_zone(t, &offset))) {
		return date_token(t, dp);
	}
	for (part = strtok_r(t, "-.", &save); part != NULL;
	    part = strtok_r(NULL, "-.", &save)) {
		if (!date_token(part, dp)) {
			return false;
		}
	}
	return true;
}

/* Blank out "(comments)", as in "+0200 (CEST)". */
static void
date_drop_comments(char *s)
{
	int	depth = 0;

	for (; *s != '\0'; s++) {
		if (*s == '(') {
			depth++;
		}
		if (depth > 0) {
			if (*s == ')') {
				depth--;
			}
			*s = ' ';
		}
	}
}

/* RFC 822 and its relatives: a bag of tokens in any sensible order. */
static bool
date_parse_words(char *s, time_t *out)
{
	struct date_parts	 dp;
	char			*tok, *save = NULL;

	memset(&dp, 0, sizeof dp);
	date_drop_comments(s);
	for (tok = strtok_r(s, " \t\r\n,", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t\r\n,", &save)) {
		if (!date_compound_token(tok, &dp)) {
			return false;
		}
	}
	if (!dp.have_year || !dp.have_month || !dp.have_day) {
		return false;
	}
	return date_finish(&dp, out);
}

/* The time and zone part of an ISO 8601 date, after the 'T'. */
static bool
date_parse_iso_time(const char *p, struct date_parts *dp)
{
	int	n;

	dp->hour = date_digits(&p, 2, &n);
	if (n != 2) {
		return false;
	}
	if (*p == ':') {
		p++;
	}
	dp->min = date_digits(&p, 2, &n);
	if (n != 2) {
		return false;
	}
	if (*p == ':') {
		p++;
	}
	if (isdigit((unsigned char)*p)) {
		dp->sec = date_digits(&p, 2, &n);
		if (n != 2) {
			return false;
		}
	}
	if (*p == '.' || *p == ',') {
		p++;
		while (isdigit((unsigned char)*p)) {
			p++;
		}
	}
	while (*p == ' ') {
		p++;
	}
	if (*p == '\0') {
		return true;
	}
	return date_numeric_zone(p, &dp->offset) ||
	    date_named_zone(p, &dp->offset);
}

/* ISO 8601 / RFC 3339 / W3C-DTF, partial dates included. */
static bool
date_parse_iso(const char *s, time_t *out)
{
	struct date_parts	 dp;
	const char		*p = s;
	int			 n;
	bool			 dashed;
	char			 sep;

	memset(&dp, 0, sizeof dp);
	dp.month = dp.day = 1;
	dp.year = date_digits(&p, 4, &n);
	if (n != 4) {
		return false;
	}
	sep = *p;
	dashed = sep == '-' || sep == '/';
	if (dashed) {
		p++;
	}
	if (isdigit((unsigned char)*p)) {
		dp.month = date_digits(&p, 2, &n);
		if (n != 2) {
			return false;
		}
		if (dashed && *p == sep) {
			p++;
		} else if (dashed && *p != '\0') {
			return false;
		}
		if (isdigit((unsigned char)*p)) {
			dp.day = date_digits(&p, 2, &n);
			if (n != 2) {
				return false;
			}
		}
	} else if (*p != '\0') {
		return false;
	}
	if (*p == 'T' || *p == 't' || (*p == ' ' && isdigit((unsigned char)p[1]))) {
		if (!date_parse_iso_time(p + 1, &dp)) {
			return false;
		}
	} else if (*p != '\0' && !(*p == 'Z' && p[1] == '\0')) {
		return false;
	}
	return date_finish(&dp, out);
}

/* Parse s; see date.h. */
bool
date_parse(const char *s, time_t *out)
{
	char	tmp[128];
	size_t	len;

	if (s == NULL) {
		return false;
	}
	while (isspace((unsigned char)*s)) {
		s++;
	}
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1])) {
		len--;
	}
	if (len == 0 || len >= sizeof tmp) {
		return false;
	}
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	if (len >= 4 && isdigit((unsigned char)tmp[0]) &&
	    isdigit((unsigned char)tmp[1]) && isdigit((unsigned char)tmp[2]) &&
	    isdigit((unsigned char)tmp[3]) && date_parse_iso(tmp, out)) {
		return true;
	}
	return date_parse_words(tmp, out);
}
