/* test-date: many date forms feeds use, each to its UTC epoch. */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "date.h"
#include "tap.h"

struct date_case {
	const char	*text;
	bool		 ok;
	long long	 epoch;	/* computed with Python's calendar.timegm */
};

static const struct date_case date_cases[] = {
	{ "Thu, 01 Jan 2004 19:48:21 GMT", true, 1072986501LL },
	{ "Thu, 01 Jan 2004 19:48:21 UT", true, 1072986501LL },
	{ "Thu, 01 Jan 2004 19:48:21 Z", true, 1072986501LL },
	{ "Fri, 12 Dec 2008 02:36:10 +0100", true, 1229045770LL },
	{ "Sat, 06 Sep 2025 09:00:00 +0900", true, 1757116800LL },
	{ "Sat, 06 Sep 2025 09:00:00 JST", true, 1757116800LL },
	{ "Sat, 06 Sep 2025 09:00:00 -0930", true, 1757183400LL },
	{ "Sun, 07 Sep 2025 01:00:00 EST", true, 1757224800LL },
	{ "Sun, 07 Sep 2025 01:00:00 EDT", true, 1757221200LL },
	{ "Sun, 07 Sep 2025 01:00:00 CST", true, 1757228400LL },
	{ "Sun, 07 Sep 2025 01:00:00 CDT", true, 1757224800LL },
	{ "Sun, 07 Sep 2025 01:00:00 MST", true, 1757232000LL },
	{ "Sun, 07 Sep 2025 01:00:00 MDT", true, 1757228400LL },
	{ "Sun, 07 Sep 2025 01:00:00 PST", true, 1757235600LL },
	{ "Sun, 07 Sep 2025 01:00:00 PDT", true, 1757232000LL },
	{ "Sun, 07 Sep 2025 12:00:00 A", true, 1757250000LL },
	{ "Sun, 07 Sep 2025 12:00:00 M", true, 1757289600LL },
	{ "Sun, 07 Sep 2025 12:00:00 N", true, 1757242800LL },
	{ "Sun, 07 Sep 2025 12:00:00 Y", true, 1757203200LL },
	{ "Thu, 01 Jan 2004 19:48 GMT", true, 1072986480LL },
	{ "Thu, 01 Jan 04 19:48:21 GMT", true, 1072986501LL },
	{ "Fri, 01 Jan 99 19:48:21 GMT", true, 915220101LL },
	{ "01 Jan 2004 19:48:21 GMT", true, 1072986501LL },
	{ "Thursday, 01 January 2004 19:48:21 GMT", true, 1072986501LL },
	{ "Thu, 1 Jan 2004 19:48:21 GMT", true, 1072986501LL },
	{ "Thu,01 Jan 2004 19:48:21 GMT", true, 1072986501LL },
	{ "Thu, 01 Jan 2004 19:48:21", true, 1072986501LL },
	{ "Thu, 01 Jan 2004 19:48:21 +00:00", true, 1072986501LL },
	{ "Thu, 01-Jan-2004 19:48:21 GMT", true, 1072986501LL },
	{ "Thu, 01 Jan 2004 19:48:21 GMT+0900", true, 1072954101LL },
	{ "Sun Jan  4 16:29:06 PST 2004", true, 1073262546LL },
	{ "Sun Jan  4 16:29:06 2004", true, 1073233746LL },
	{ "  Mon, 20 Nov 2006 15:08:00 +0000  ", true, 1164035280LL },
	{ "January 4, 2004", true, 1073174400LL },
	{ "2003-12-31T10:14:55Z", true, 1072865695LL },
	{ "2003-12-31T10:14:55.123Z", true, 1072865695LL },
	{ "2003-12-31T10:14:55-08:00", true, 1072894495LL },
	{ "2003-12-31T10:14:55+0900", true, 1072833295LL },
	{ "2025-04-11T23:52+09:00", true, 1744383120LL },
	{ "2003-12-31T10:14Z", true, 1072865640LL },
	{ "2003-12-31 10:14:55Z", true, 1072865695LL },
	{ "2003-12-31 10:14:55", true, 1072865695LL },
	{ "2003-12-31t10:14:55z", true, 1072865695LL },
	{ "2003-12-31", true, 1072828800LL },
	{ "2003-12", true, 1070236800LL },
	{ "2003", true, 1041379200LL },
	{ "20031231", true, 1072828800LL },
	{ "20031231T101455Z", true, 1072865695LL },
	{ "2004-02-29T00:00:00Z", true, 1078012800LL },
	{ "1969-12-31T23:59:59Z", true, -1LL },
	{ "2038-01-19T03:14:08Z", true, 2147483648LL },
	{ "2008-12-30T18:26:15+00:00", true, 1230661575LL },
	{ "2006-08-19T22:25:24+09:00", true, 1155993924LL },
	{ "2003-12-31T23:59:60Z", true, 1072915199LL },
	{ "Tue, 18 Aug 2009 18:22:25 +0200 (CEST)", true, 1250612545LL },
	{ "Mon, 26 Jan 2004 16:31:00 ET", true, 1075152660LL },
	{ "Sunday, 06-Nov-94 08:49:37 GMT", true, 784111777LL },
	{ "2004/07/25 10:00:00 +0900", true, 1090717200LL },
	{ "2004/07/25", true, 1090713600LL },
	{ "Sun, 16 Dec 2012 11:15:01 GMT-05:00", true, 1355674501LL },
	{ "Thu, 01 Jan 2004 7:48:21 PM", true, 1072986501LL },
	{ "", false, 0 },
	{ "   ", false, 0 },
	{ "not a date", false, 0 },
	{ "2003-13-01", false, 0 },
	{ "2003-02-30T00:00:00Z", false, 0 },
	{ "Thu, 32 Jan 2004 19:48:21 GMT", false, 0 },
	{ "Thu, 01 Foo 2004 19:48:21 GMT", false, 0 },
	{ "2003-12-31T25:00:00Z", false, 0 },
	{ "Thu, 01 Jan 2004 19:61:21 GMT", false, 0 },
	{ "yesterday", false, 0 },
	{ "12345", false, 0 },
};

struct iso_case {
	long long	 epoch;
	const char	*want;
};

static const struct iso_case iso_cases[] = {
	{ 0LL, "1970-01-01T00:00:00Z" },
	{ 1072986501LL, "2004-01-01T19:48:21Z" },
	{ 951782400LL, "2000-02-29T00:00:00Z" },
	{ -1LL, "1969-12-31T23:59:59Z" },
	{ 4102444800LL, "2100-01-01T00:00:00Z" },
};

int
main(void)
{
	size_t	i;
	time_t	t;
	bool	parsed;
	char	iso[32];

	for (i = 0; i < sizeof date_cases / sizeof date_cases[0]; i++) {
		t = 12345;
		parsed = date_parse(date_cases[i].text, &t);
		if (!date_cases[i].ok) {
			ok(!parsed && t == 12345, "date %zu: '%s' rejected", i,
			    date_cases[i].text);
			continue;
		}
		ok(parsed, "date %zu: '%s' parsed", i, date_cases[i].text);
		is_int(t, date_cases[i].epoch, "date %zu: '%s' value", i,
		    date_cases[i].text);
	}
	for (i = 0; i < sizeof iso_cases / sizeof iso_cases[0]; i++) {
		date_format_iso((time_t)iso_cases[i].epoch, iso);
		is_str(iso, iso_cases[i].want, "iso %zu: %lld", i,
		    iso_cases[i].epoch);
	}
	ok(!date_parse(NULL, &t), "date NULL rejected");
	return done_testing();
}
