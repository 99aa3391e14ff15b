/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-rescue.h: saving while another program holds the journal, and emergency
 * copies of text that could not be saved, kept until it is. */
#pragma once

#include "ally-journal.h"

G_BEGIN_DECLS

/* The wait ally-journal.c gives every statement when another program holds the journal;
 * ally_journal_save_entry_waiting() puts it back after its own shorter wait. */
#define ALLY_JOURNAL_BUSY_TIMEOUT_MS 5000

gint64     ally_journal_save_entry_waiting (AllyJournal  *self,
                                            AllyEntry    *entry,
                                            guint         wait_ms,
                                            gboolean     *out_locked,
                                            GError      **error);

GFile     *ally_journal_unsaved_dir        (void);
gboolean   ally_journal_keep_unsaved       (AllyJournal  *journal,
                                            GFile        *dir,
                                            AllyEntry    *entry,
                                            GError      **error);
gboolean   ally_journal_forget_unsaved     (GFile        *dir,
                                            const char   *uid,
                                            GError      **error);
GPtrArray *ally_journal_list_unsaved       (AllyJournal  *journal,
                                            GFile        *dir);
gint64     ally_journal_restore_unsaved    (AllyJournal  *self,
                                            AllyEntry    *unsaved,
                                            GError      **error);

G_END_DECLS
