/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-unsaved-dialog.h: asked when a window closes with text that could not be saved. */
#pragma once

#include <adwaita.h>

#include "ally-entry-editor.h"

G_BEGIN_DECLS

#define ALLY_TYPE_UNSAVED_DIALOG (ally_unsaved_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AllyUnsavedDialog, ally_unsaved_dialog, ALLY, UNSAVED_DIALOG, AdwMessageDialog)

AllyUnsavedDialog *ally_unsaved_dialog_new (GtkWindow       *window,
                                            AllyEntryEditor *editor);

G_END_DECLS
