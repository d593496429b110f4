/* i18n: gettext shorthands.  Every user-visible string goes through _(). */
#ifndef KIJI_I18N_H
#define KIJI_I18N_H

#include <libintl.h>
#include <locale.h>

#define _(s)	gettext(s)
#define N_(s)	(s)

#endif
