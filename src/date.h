/* date: parse the date formats feeds use into UTC epoch seconds. */
#ifndef KIJI_DATE_H
#define KIJI_DATE_H

#include <stdbool.h>
#include <time.h>

/*
 * Parse s as an RFC 822 / RFC 1123 date (any zone form: named zones, US zones,
 * military letters, numeric offsets), an RFC 3339 / W3C-DTF date (partial dates
 * YYYY, YYYY-MM, YYYY-MM-DD included), an asctime() date or one of the common
 * sloppy variants.  Stores UTC epoch seconds in *out and returns true, or
 * returns false and leaves *out alone.  Thread-safe; TZ is not consulted.
 */
bool	date_parse(const char *s, time_t *out);

/* Epoch seconds of a proleptic Gregorian UTC date and time. */
time_t	date_from_civil(int year, int month, int day, int hour, int min,
	    int sec);

/* Format t as "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes). */
void	date_format_iso(time_t t, char out[32]);

#endif
