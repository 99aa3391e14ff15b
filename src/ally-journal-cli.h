/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-cli.h: `allyship --export FILE` and `allyship --import FILE`, without a window. */
#pragma once

#include "ally-content.h"

G_BEGIN_DECLS

int ally_journal_cli_export (const char  *path,
                             AllyCatalog *catalog_or_null);
int ally_journal_cli_import (const char  *path,
                             gboolean     restore_deleted);

G_END_DECLS
