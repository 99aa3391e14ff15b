/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-kept-text-dialog.h: offers back, at start, text that could not be saved last time. */
#pragma once

#include <adwaita.h>

#include "ally-journal.h"

G_BEGIN_DECLS

#define ALLY_TYPE_KEPT_TEXT_DIALOG (ally_kept_text_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AllyKeptTextDialog, ally_kept_text_dialog, ALLY, KEPT_TEXT_DIALOG, AdwMessageDialog)

gboolean ally_kept_text_dialog_offer (GtkWindow   *window,
                                      AllyJournal *journal);

G_END_DECLS
