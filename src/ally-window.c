/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-window.c: the main window: header bar, view switcher and the four areas. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-journal-view-private.h"
#include "ally-unsaved-dialog.h"
#include "ally-window-private.h"

/* The pause between two steps of getting the hidden areas ready (each builds or measures one
 * area: 10 to 25 ms of work at idle priority), so all three are ready within a second. */
#define WARM_STEP_MS 100

G_DEFINE_FINAL_TYPE (AllyWindow, ally_window, ADW_TYPE_APPLICATION_WINDOW)

static AllyGlossaryView *ensure_glossary_view (AllyWindow *self);
static AllyJournalView  *ensure_journal_view  (AllyWindow *self);
static AllyPracticeView *ensure_practice_view (AllyWindow *self);

AllyWindow *
ally_window_new (AllyApplication *application)
{
  return g_object_new (ALLY_TYPE_WINDOW, "application", application, NULL);
}

const char *
ally_window_get_visible_area (AllyWindow *self)
{
  g_return_val_if_fail (ALLY_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

AllyLearnView *
ally_window_get_learn_view (AllyWindow *self)
{
  g_return_val_if_fail (ALLY_IS_WINDOW (self), NULL);

  return self->learn_view;
}

/* The glossary, journal and practice areas: built now if they were not yet. */
AllyGlossaryView *
ally_window_get_glossary_view (AllyWindow *self)
{
  g_return_val_if_fail (ALLY_IS_WINDOW (self), NULL);

  return ensure_glossary_view (self);
}

AllyJournalView *
ally_window_get_journal_view (AllyWindow *self)
{
  g_return_val_if_fail (ALLY_IS_WINDOW (self), NULL);

  return ensure_journal_view (self);
}

AllyPracticeView *
ally_window_get_practice_view (AllyWindow *self)
{
  g_return_val_if_fail (ALLY_IS_WINDOW (self), NULL);

  return ensure_practice_view (self);
}

void
ally_window_set_visible_area (AllyWindow *self,
                              const char *area)
{
  g_return_if_fail (ALLY_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, area);
}

/* Learn holds what a person reads first: it is built before the window is shown, by a window
 * of the application (not in tests that make one without it). */
static void
ally_window_build_learn_view (AllyWindow *self)
{
  if (self->learn_view != NULL ||
      !ALLY_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))))
    return;
  self->learn_view = g_object_new (ALLY_TYPE_LEARN_VIEW, NULL);
  adw_bin_set_child (self->learn_bin, GTK_WIDGET (self->learn_view));
  g_signal_connect_object (self->learn_view, "prompt-activated",
                           G_CALLBACK (ally_window_on_prompt_activated), self, 0);
  g_signal_connect_object (self->learn_view, "scenario-activated",
                           G_CALLBACK (ally_window_on_scenario_activated), self, 0);
}

/* The course the areas show, once it has been given to them. */
static AllyCatalog *
shown_course (AllyWindow *self)
{
  return self->learn_view != NULL ? ally_learn_view_get_catalog (self->learn_view) : NULL;
}

static const GError *
journal_error (AllyWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return ALLY_IS_APPLICATION (app) ? ally_application_get_journal_error (ALLY_APPLICATION (app)) : NULL;
}

/* The other areas are built the first time they are asked for (shown, or needed by an
 * action), or one at a time once the window is idle: start-up pays only for Learn. Each gets
 * what the window already knows before it is put in the window (so it does not animate from
 * its empty state): the course, and the journal (the journal and practice areas only while
 * it is unlocked) or why it could not be opened. */
static AllyGlossaryView *
ensure_glossary_view (AllyWindow *self)
{
  if (self->glossary_view != NULL)
    return self->glossary_view;

  self->glossary_view = ally_glossary_view_new ();
  g_signal_connect_object (self->glossary_view, "open-lesson",
                           G_CALLBACK (ally_window_on_glossary_open_lesson), self, 0);
  if (shown_course (self) != NULL)
    ally_glossary_view_set_catalog (self->glossary_view, shown_course (self));
  if (self->journal != NULL)
    ally_glossary_view_set_journal (self->glossary_view, self->journal);
  adw_bin_set_child (self->glossary_bin, GTK_WIDGET (self->glossary_view));
  return self->glossary_view;
}

static AllyJournalView *
ensure_journal_view (AllyWindow *self)
{
  if (self->journal_view != NULL)
    return self->journal_view;

  self->journal_view = ALLY_JOURNAL_VIEW (ally_journal_view_new ());
  if (shown_course (self) != NULL)
    ally_journal_view_set_catalog (self->journal_view, shown_course (self));
  if (journal_error (self) != NULL)
    ally_journal_view_show_error (self->journal_view, journal_error (self));
  else if (self->journal != NULL && !ally_window_journal_is_locked (self))
    ally_journal_view_set_journal (self->journal_view, self->journal);
  adw_bin_set_child (self->journal_bin, GTK_WIDGET (self->journal_view));
  return self->journal_view;
}

static AllyPracticeView *
ensure_practice_view (AllyWindow *self)
{
  if (self->practice_view != NULL)
    return self->practice_view;

  self->practice_view = ALLY_PRACTICE_VIEW (ally_practice_view_new ());
  if (shown_course (self) != NULL)
    ally_practice_view_set_catalog (self->practice_view, shown_course (self));
  if (journal_error (self) != NULL)
    ally_practice_view_show_error (self->practice_view, journal_error (self));
  else if (self->journal != NULL && !ally_window_journal_is_locked (self))
    ally_practice_view_set_journal (self->practice_view, self->journal);
  adw_bin_set_child (self->practice_bin, GTK_WIDGET (self->practice_view));
  return self->practice_view;
}

/* The area shown is always built (the view switcher, Alt+1…4, a search). */
void
ally_window_ensure_visible_area (AllyWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "glossary") == 0)
    ensure_glossary_view (self);
  else if (g_strcmp0 (name, "journal") == 0)
    ensure_journal_view (self);
  else if (g_strcmp0 (name, "practice") == 0)
    ensure_practice_view (self);
}

/* One step of getting the hidden areas ready while nothing else is happening: build an area,
 * then (in the next step) measure it at the size it will get, so that its wrapped text is
 * shaped before the person asks for it and its first showing only allocates and draws.
 * (Hidden areas are not measured otherwise: the area stack is not homogeneous, so that the
 * lesson on screen is laid out first.) */
static gboolean
warm_next_area (gpointer data)
{
  AllyWindow *self = data;
  GtkWidget *areas[] = { GTK_WIDGET (self->glossary_bin), GTK_WIDGET (self->practice_bin),
                         GTK_WIDGET (self->journal_bin) };
  guint area = self->warm_step / 2;
  int width = gtk_widget_get_width (GTK_WIDGET (self->stack));
  int min, nat;

  if (area >= G_N_ELEMENTS (areas) || width <= 0)
    {
      self->warm_areas_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (self->warm_step++ % 2 == 0)
    {
      if (areas[area] == GTK_WIDGET (self->glossary_bin))
        ensure_glossary_view (self);
      else if (areas[area] == GTK_WIDGET (self->practice_bin))
        ensure_practice_view (self);
      else
        ensure_journal_view (self);
    }
  else if (!gtk_widget_get_mapped (areas[area]))
    {
      gtk_widget_measure (areas[area], GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      gtk_widget_measure (areas[area], GTK_ORIENTATION_VERTICAL, MAX (width, min),
                          &min, &nat, NULL, NULL);
    }
  return G_SOURCE_CONTINUE;
}

static void
warm_areas_when_idle (AllyWindow *self)
{
  if (self->warm_areas_id != 0)
    return;
  self->warm_step = 0;
  self->warm_areas_id = g_timeout_add_full (G_PRIORITY_LOW, WARM_STEP_MS, warm_next_area, self, NULL);
}

/* Gives every area the course, or says why it could not be loaded. */
static void
ally_window_load_course (AllyWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  AllyCatalog *catalog;

  catalog = ally_application_get_catalog (ALLY_APPLICATION (app), &error);
  if (catalog == NULL)
    {
      ally_learn_view_show_error (self->learn_view, error);
      return;
    }

  ally_learn_view_set_catalog (self->learn_view, catalog);
  if (self->glossary_view != NULL)
    ally_glossary_view_set_catalog (self->glossary_view, catalog);
  if (self->journal_view != NULL)
    ally_journal_view_set_catalog (self->journal_view, catalog);
  if (self->practice_view != NULL)
    ally_practice_view_set_catalog (self->practice_view, catalog);
  warm_areas_when_idle (self);

  if (self->pending_action != NULL)
    {
      g_autofree char *action = g_steal_pointer (&self->pending_action);
      g_autofree char *id = g_steal_pointer (&self->pending_id);

      gtk_widget_activate_action (GTK_WIDGET (self), action, "s", id);
    }
}

/**
 * ally_window_open_at:
 * @action: "win.open-lesson" or "win.show-term"
 * @id: the lesson's or term's id
 *
 * Opens the window at a lesson or term: at once when the areas have the course, else as
 * soon as they get it (a window just made gets the course when it is mapped, or later if
 * the course is still being read).
 */
void
ally_window_open_at (AllyWindow *self,
                     const char *action,
                     const char *id)
{
  g_return_if_fail (ALLY_IS_WINDOW (self));
  g_return_if_fail (action != NULL && id != NULL);

  if (self->learn_view != NULL && ally_learn_view_get_catalog (self->learn_view) != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), action, "s", id);
      return;
    }

  g_free (self->pending_action);
  g_free (self->pending_id);
  self->pending_action = g_strdup (action);
  self->pending_id = g_strdup (id);
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     AllyWindow       *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GFile *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0 || !ALLY_IS_APPLICATION (app))
    return;

  if (!ally_application_restore_backup (ALLY_APPLICATION (app), backup, &error))
    {
      /* Translators: %s is the reason */
      g_autofree char *message = g_strdup_printf (_("The backup could not be restored: %s"),
                                                  error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
    }
}

/* The journal could not be opened: say why, and offer the newest backup when that helps. */
static void
ally_window_show_journal_error (AllyWindow   *self,
                                const GError *error)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) data_dir = ally_journal_default_data_dir ();
  g_autofree char *folder = g_file_get_path (data_dir);
  g_autofree char *body = NULL;
  g_autoptr(GFile) backup = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is the reason, then %s is a folder */
  body = g_strdup_printf (_("%s\n\nYour journal is kept in %s. Allyship has not changed or "
                            "deleted anything there."), error->message, folder);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Your Journal Could Not Be Opened"),
                                                       body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));

  if (g_error_matches (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_CORRUPT) ||
      g_error_matches (error, ALLY_JOURNAL_ERROR, ALLY_JOURNAL_ERROR_NOT_A_DATABASE))
    backup = ally_application_get_newest_backup (ALLY_APPLICATION (app));
  if (backup != NULL)
    {
      g_autofree char *name = g_file_get_basename (backup);
      g_autofree char *with_backup = NULL;

      /* Translators: %s is the message above, then a backup file's name, which holds its date */
      with_backup = g_strdup_printf (_("%s\n\nYou can go back to the newest backup, %s. The "
                                       "current file is kept beside it, untouched."),
                                     body, name);
      adw_message_dialog_set_body (dialog, with_backup);
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
      g_object_set_data_full (G_OBJECT (dialog), "backup", g_steal_pointer (&backup), g_object_unref);
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_journal_changed (AllyApplication *app,
                    GParamSpec      *pspec,
                    AllyWindow      *self)
{
  AllyJournal *journal = ally_application_get_journal (app);
  const GError *error = ally_application_get_journal_error (app);

  if (journal != NULL)
    {
      ally_learn_view_set_journal (self->learn_view, journal);
      if (self->glossary_view != NULL)
        ally_glossary_view_set_journal (self->glossary_view, journal);
      ally_window_watch_lock (self, journal);
    }
  else if (error != NULL)
    {
      if (self->journal_view != NULL)
        ally_journal_view_show_error (self->journal_view, error);
      if (self->practice_view != NULL)
        ally_practice_view_show_error (self->practice_view, error);
      ally_window_show_journal_error (self, error);
    }
}

/* The journal opens off the main thread; areas get it when it is ready. */
static void
ally_window_connect_journal (AllyWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!ALLY_IS_APPLICATION (app))
    return;

  g_signal_connect_object (app, "notify::journal", G_CALLBACK (on_journal_changed), self, 0);
  if (ally_application_get_journal (ALLY_APPLICATION (app)) != NULL ||
      ally_application_get_journal_error (ALLY_APPLICATION (app)) != NULL)
    on_journal_changed (ALLY_APPLICATION (app), NULL, self);
  else
    ally_application_open_journal (ALLY_APPLICATION (app));
}

static gboolean
journal_is_known (AllyWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return !ALLY_IS_APPLICATION (app) ||
         ally_application_get_journal (ALLY_APPLICATION (app)) != NULL ||
         ally_application_get_journal_error (ALLY_APPLICATION (app)) != NULL;
}

/* The course is given to the areas once, when it has been read (on a worker thread, while
 * the first frame is made) and the journal is known (it opens meanwhile too), so the lesson a
 * person will read is laid out once with their progress. A journal still opening after a
 * moment does not hold the course back. */
static gboolean
course_can_be_shown (AllyWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return journal_is_known (self) &&
         !(ALLY_IS_APPLICATION (app) && ally_application_is_loading_course (ALLY_APPLICATION (app)));
}

static void
inputs_wait_stop (InputsWait *wait)
{
  g_clear_handle_id (&wait->timeout_id, g_source_remove);
  if (wait->app != NULL)
    {
      g_clear_signal_handler (&wait->journal_handler, wait->app);
      g_clear_signal_handler (&wait->catalog_handler, wait->app);
    }
}

static void
inputs_wait_done (InputsWait *wait)
{
  inputs_wait_stop (wait);
  wait->then (wait->window);
}

static void
on_inputs_changed (AllyApplication *app,
                   GParamSpec      *pspec,
                   InputsWait      *wait)
{
  if (course_can_be_shown (wait->window))
    inputs_wait_done (wait);
}

static gboolean
inputs_wait_timeout (gpointer data)
{
  InputsWait *wait = data;

  wait->timeout_id = 0;
  inputs_wait_done (wait);
  return G_SOURCE_REMOVE;
}

/* Runs @then once the course has been read and the journal is known, or after a quarter of
 * a second: a journal still opening then does not hold things back (and the course, if still
 * being read, is waited for where it is needed). Nothing if @wait is already waiting. */
static void
inputs_wait_start (AllyWindow      *self,
                   InputsWait      *wait,
                   InputsReadyFunc  then)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (wait->timeout_id != 0)
    return;
  wait->window = self;
  wait->app = app;
  wait->then = then;
  wait->journal_handler = g_signal_connect (app, "notify::journal",
                                            G_CALLBACK (on_inputs_changed), wait);
  wait->catalog_handler = g_signal_connect (app, "notify::catalog",
                                            G_CALLBACK (on_inputs_changed), wait);
  wait->timeout_id = g_timeout_add (250, inputs_wait_timeout, wait);
}

static void
load_course_once (AllyWindow *self)
{
  if (ally_learn_view_get_catalog (self->learn_view) == NULL)
    ally_window_load_course (self);
}

static void
ally_window_load_course_when_ready (AllyWindow *self)
{
  if (course_can_be_shown (self))
    ally_window_load_course (self);
  else
    inputs_wait_start (self, &self->course_wait, load_course_once);
}

/* Builds Learn, if the wait for its inputs has not yet, and gives it what is known: the journal,
 * and the course once it can be shown. This happens before the window is shown
 * (ally_window_present_when_ready()), or else when it is mapped: the window's first frame
 * then shows the lesson a person will read, not a spinner. */
static void
ally_window_prepare_learn (AllyWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->learn_prepared || !ALLY_IS_APPLICATION (app))
    return;
  self->learn_prepared = TRUE;
  ally_window_build_learn_view (self);
  if (ally_application_get_journal (ALLY_APPLICATION (app)) != NULL)
    ally_learn_view_set_journal (self->learn_view,
                                 ally_application_get_journal (ALLY_APPLICATION (app)));
  ally_window_load_course_when_ready (self);
}

static void
ally_window_map (GtkWidget *widget)
{
  AllyWindow *self = ALLY_WINDOW (widget);

  /* Before the window maps, which sizes its surface: the window's size must count Learn. */
  ally_window_prepare_learn (self);

  GTK_WIDGET_CLASS (ally_window_parent_class)->map (widget);

  /* After: this can show a dialog over the window (the journal's error, or typed text that
   * was kept when it could not be saved). */
  if (self->learn_view != NULL && !self->journal_connected)
    {
      self->journal_connected = TRUE;
      ally_window_connect_journal (self);
    }
}

static void
present_now (AllyWindow *self)
{
  inputs_wait_stop (&self->present_wait);
  /* Learn is built before the window is shown: showing a window validates its widgets'
   * styles before sizing it, while a widget added after that is measured in its first frame
   * before its style is validated, and again after (GTK 4.8): twice the text shaping. */
  ally_window_prepare_learn (self);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * ally_window_present_when_ready:
 *
 * Presents a new window once the course has been read and the journal opened (both on
 * worker threads, from start-up and activation), so that its first frame is the lesson a
 * person will read. Waits at most a quarter of a second: after that the window shows at
 * once, and the course follows when it is ready. A window already on screen is presented at
 * once.
 */
void
ally_window_present_when_ready (AllyWindow *self)
{
  g_return_if_fail (ALLY_IS_WINDOW (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self)) || course_can_be_shown (self))
    {
      present_now (self);
      return;
    }
  /* Learn's widgets do not need the course or the journal: they are built while the workers
   * finish, instead of after. */
  ally_window_build_learn_view (self);
  inputs_wait_start (self, &self->present_wait, present_now);
}

/* Size and maximized state live in GSettings so the window comes back as it was left. */
static void
ally_window_bind_settings (AllyWindow *self)
{
  GApplication *app = g_application_get_default ();

  if (ALLY_IS_APPLICATION (app) && ally_application_get_settings (ALLY_APPLICATION (app)))
    self->settings = g_object_ref (ally_application_get_settings (ALLY_APPLICATION (app)));
  else
    self->settings = g_settings_new (SCHEMA_ID);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

/* Text that cannot be saved is never closed away without asking: one short try, then the
 * person chooses (AllyUnsavedDialog). */
static gboolean
ally_window_close_request (GtkWindow *window)
{
  AllyWindow *self = ALLY_WINDOW (window);
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (ally_window_parent_class);
  AllyEntryEditor *editor = self->journal_view ? ally_journal_view_get_editor (self->journal_view) : NULL;

  if (editor != NULL && !ally_entry_editor_save (editor))
    {
      gtk_window_present (GTK_WINDOW (ally_unsaved_dialog_new (window, editor)));
      return TRUE;
    }

  return parent_class->close_request ? parent_class->close_request (window) : FALSE;
}

static void
ally_window_dispose (GObject *object)
{
  AllyWindow *self = ALLY_WINDOW (object);

  inputs_wait_stop (&self->course_wait);
  inputs_wait_stop (&self->present_wait);
  g_clear_handle_id (&self->warm_areas_id, g_source_remove);
  g_clear_pointer (&self->pending_action, g_free);
  g_clear_pointer (&self->pending_id, g_free);
  ally_window_stop_watching_lock (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ally_window_parent_class)->dispose (object);
}

/* The bottom view switcher, for narrow windows, gets the stack (and so makes its buttons)
 * the first time it is revealed: a wide window never needs them. */
static void
ally_window_on_switcher_bar_reveal (AllyWindow *self)
{
  /* (Also called while the template is built, before its children are known.) */
  if (self->switcher_bar == NULL || self->stack == NULL)
    return;
  if (adw_view_switcher_bar_get_reveal (self->switcher_bar) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
}

/* The main menu's popover is made the first time it opens, not with the window. */
static void
ally_window_make_primary_menu (GtkMenuButton *button,
                               gpointer       user_data)
{
  AllyWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
ally_window_class_init (AllyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ally_window_dispose;
  widget_class->map = ally_window_map;
  window_class->close_request = ally_window_close_request;


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, ally_window_on_switcher_bar_reveal);
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, learn_bin);
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, glossary_bin);
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, journal_bin);
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, practice_bin);
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, lock_stack);
  gtk_widget_class_bind_template_child (widget_class, AllyWindow, unlock_bin);

  ally_window_class_add_actions (widget_class);
}

static void
ally_window_init (AllyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->stack, "notify::visible-child",
                            G_CALLBACK (ally_window_ensure_visible_area), self);
  gtk_menu_button_set_create_popup_func (self->menu_button, ally_window_make_primary_menu,
                                         self, NULL);
  ally_window_on_switcher_bar_reveal (self);
  ally_accessible_name_controls (GTK_WIDGET (self));
  ally_window_bind_settings (self);

  /* A developer's build (-Dprofile=development) has libadwaita's striped header bar. */
  if (DEVELOPMENT_PROFILE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  ally_window_watch_activity (self);
}
