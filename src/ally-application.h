/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-application.h: the Allyship application object. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"
#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_APPLICATION (ally_application_get_type ())
G_DECLARE_FINAL_TYPE (AllyApplication, ally_application, ALLY, APPLICATION, AdwApplication)

AllyApplication *ally_application_new          (void);
GSettings       *ally_application_get_settings (AllyApplication *self);
AllyCatalog     *ally_application_get_catalog  (AllyApplication *self,
                                                GError         **error);
gboolean         ally_application_is_loading_course (AllyApplication *self);
void             ally_application_set_content_dir (AllyApplication *self,
                                                   const char      *content_dir);
void             ally_application_open_journal    (AllyApplication *self);
void             ally_application_open_journal_at_startup (AllyApplication *self);
gboolean         ally_application_is_opening_journal (AllyApplication *self);
AllyJournal     *ally_application_get_journal     (AllyApplication *self);
const GError    *ally_application_get_journal_error (AllyApplication *self);
GFile           *ally_application_get_newest_backup (AllyApplication *self);
gboolean         ally_application_restore_backup    (AllyApplication *self,
                                                     GFile           *backup,
                                                     GError         **error);

G_END_DECLS
