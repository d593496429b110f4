/* ui: the full-screen reader (`kiji`, `kiji tui`); see doc/tui.md. */
#ifndef KIJI_UI_H
#define KIJI_UI_H

#include <stdbool.h>

struct paths;

/* Start the reader with the configuration and data of paths and run it
 * until the user quits.  Returns EXIT_OK, or EXIT_FAIL after printing why
 * it could not start; configuration errors are shown in the reader and
 * printed on stderr when it ends. */
int	ui_run(const struct paths *, bool config_missing_ok);

#endif
