/* store-int: what the store-*.c files share; nobody else includes this. */
#ifndef KIJI_STORE_INT_H
#define KIJI_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

struct store {
	sqlite3	*db;
	char	*path;
};

/* Schema migrations, applied in order; PRAGMA user_version counts how many
 * have run.  Append only: a released migration is never edited. */
struct store_migration {
	const char	*name;
	const char	*sql;
};

extern const struct store_migration store_migrations[];
extern const int store_migration_count;

#endif
