/* SPDX-License-Identifier: GPL-3.0-or-later */
/* journal-test-util.h: temporary folders, fixtures and checks shared by the journal tests. */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "ally-journal.h"

G_BEGIN_DECLS

GFile      *jt_make_tmp_dir     (void);
void        jt_remove_tree      (GFile       *dir);
char       *jt_fixture_path     (const char  *name);
void        jt_db_from_sql      (GFile       *data_dir,
                                 const char  *sql_fixture);
GFile      *jt_copy_fixture     (GFile       *data_dir,
                                 const char  *fixture,
                                 const char  *as_name);
char       *jt_db_pragma        (GFile       *db_file,
                                 const char  *pragma);
AllyEntry  *jt_entry_new        (const char  *title,
                                 const char  *body,
                                 const char  *first_tag,
                                 ...);
char       *jt_checksum_file    (GFile       *file);
char       *jt_dump_journal     (AllyJournal *journal);
gint64      jt_count_writes     (AllyJournal *journal);

/* A fresh journal in a temporary folder, as a g_test_add() fixture. */
typedef struct
{
  GFile       *dir;
  AllyJournal *journal;
} JtJournal;

void        jt_journal_set_up   (JtJournal     *f,
                                 gconstpointer  data);
void        jt_journal_tear_down (JtJournal    *f,
                                 gconstpointer  data);

G_END_DECLS
