/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-util.h: waiting on the main loop and finding widgets, for the UI tests. */
#pragma once

#include <adwaita.h>

#include "ally-application.h"
#include "ally-content.h"

G_BEGIN_DECLS

/* Spins the main loop until check(data) holds or five seconds pass; returns check(data). */
gboolean   spin_until                (gboolean  (*check) (gpointer),
                                      gpointer    data);
gboolean   window_is_mapped          (gpointer    window);
gboolean   no_toplevels_of_type      (gpointer    gtype);
gboolean   toplevel_is_shown         (gpointer    gtype);
GtkWindow *find_visible_toplevel     (GType       type);
void       destroy_toplevels_of_type (GType       type);
GtkWidget *find_descendant           (GtkWidget  *widget,
                                      GType       type);
/* The first label under @widget (or @widget) showing @text, shown or not; NULL if none. */
GtkLabel  *ui_test_find_label        (GtkWidget  *widget,
                                      const char *text);
/* The first label under @widget (or @widget) with the CSS class @css_class; NULL if none. */
GtkLabel  *ui_test_find_label_with_class (GtkWidget  *widget,
                                          const char *css_class);
/* Finds the shortcut @widget's class installed for @accel and activates it, as a key press
 * would; FALSE when there is none. */
gboolean   activate_window_shortcut  (GtkWidget  *widget,
                                      const char *accel);

G_END_DECLS

G_BEGIN_DECLS

/* Points XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME at a new temporary folder, so a
 * test never touches a person's real journal; call first thing in main(). Returns the folder. */
char      *ui_test_isolate_user_dirs (void);
/* A new application that any number of test processes can run at once (non-unique),
 * registered, so its windows are made the way the app makes them. */
AllyApplication *ui_test_new_registered_app (void);
void       ui_test_remove_tree       (const char *path);
/* TRUE once the AllyWindow @window has built its areas and has both the course and the journal. */
gboolean   ui_test_window_is_ready   (gpointer    window);
/* TRUE once the open lesson's whole page is shown (its end follows its first screenful). */
gboolean   ui_test_lesson_page_shown (gpointer    window);
/* A new window of @width × @height showing @child, once it is mapped (destroy it after). */
GtkWindow *ui_test_present_in_window (GtkWidget  *child,
                                      int         width,
                                      int         height);
/* The course built into the app, for a widget tested on its own. */
AllyCatalog *ui_test_load_course     (void);
/* Whether @widget's accessible label is @expected: the test needs GTK_A11Y=test, whose backend
 * keeps every accessible property where GTK's test API reads it. */
gboolean   ui_test_has_accessible_label (GtkWidget  *widget,
                                         const char *expected);

G_END_DECLS
