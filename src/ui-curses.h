/* ui-curses: the one place that picks the curses header (ncurses with wide
 * characters); only ui.c and ui-draw.c include it. */
#ifndef KIJI_UI_CURSES_H
#define KIJI_UI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
