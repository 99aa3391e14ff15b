/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-term-popover-keeper.c: AllyTermPopoverKeeper on its own, with the real glossary and a
 * box of labels standing for a lesson's text: one definition open at a time, pointing at the
 * place pressed; closed ones let go after their event, or at once before the text goes. */
#include "config.h"

#include <adwaita.h>

#include "ally-term-popover.h"
#include "ally-term-popover-keeper.h"
#include "ui-test-util.h"

typedef struct
{
  AllyCatalog           *catalog;
  GtkWindow             *window;
  GtkWidget             *text;     /* stands for the lesson view */
  GtkWidget             *labels[2];
  AllyTermPopoverKeeper *keeper;
} Fixture;

static gboolean
is_laid_out (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->catalog = ui_test_load_course ();

  fixture->text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->labels); i++)
    {
      fixture->labels[i] = gtk_label_new ("A paragraph with a link to a glossary term in it.");
      gtk_box_append (GTK_BOX (fixture->text), fixture->labels[i]);
    }
  fixture->keeper = ally_term_popover_keeper_new (fixture->text);
  fixture->window = ui_test_present_in_window (fixture->text, 500, 400);
  g_assert_true (spin_until (is_laid_out, fixture->labels[1]));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->keeper);
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->catalog);
}

static AllyTermPopover *
popover_on (GtkWidget *anchor)
{
  GtkWidget *found = find_descendant (anchor, ALLY_TYPE_TERM_POPOVER);

  return found != NULL ? ALLY_TERM_POPOVER (found) : NULL;
}

static gboolean
has_no_popover (gpointer anchor)
{
  return popover_on (anchor) == NULL;
}

static gboolean
popover_is_mapped (gpointer anchor)
{
  return popover_on (anchor) != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover_on (anchor)));
}

/* A press in the text, as GTK gives it to the keeper's click gesture (capture phase). */
static void
press_at (Fixture *fixture,
          double   x,
          double   y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (fixture->text);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "pressed", 1, x, y);
    }
}

/* The term's definition opens on the label; an unknown term, or no course, opens nothing. */
static void
test_opens_definition (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *anchor = fixture->labels[0];

  g_assert_false (ally_term_popover_keeper_popup (fixture->keeper, fixture->catalog,
                                                  "no-such-term", anchor));
  g_assert_false (ally_term_popover_keeper_popup (fixture->keeper, NULL, "power", anchor));
  g_assert_null (popover_on (anchor));

  g_assert_true (ally_term_popover_keeper_popup (fixture->keeper, fixture->catalog, "power", anchor));
  g_assert_true (spin_until (popover_is_mapped, anchor));
  g_assert_cmpstr (ally_term_popover_get_term_id (popover_on (anchor)), ==, "power");
}

/* Opened with the pointer, it points at the place pressed; from the keyboard (the text
 * itself as anchor), or pressed elsewhere, at the whole label. */
static void
test_points_at_pressed_place (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *anchor = fixture->labels[1];
  graphene_point_t origin;
  GdkRectangle rect;

  g_assert_true (gtk_widget_compute_point (anchor, fixture->text, &GRAPHENE_POINT_INIT (0, 0), &origin));
  press_at (fixture, origin.x + 7, origin.y + 3);
  g_assert_true (ally_term_popover_keeper_popup (fixture->keeper, fixture->catalog, "power", anchor));
  g_assert_true (gtk_popover_get_pointing_to (GTK_POPOVER (popover_on (anchor)), &rect));
  g_assert_cmpint (rect.x, ==, 7);
  g_assert_cmpint (rect.y, ==, 3);

  /* A press on the other label does not point into this one. */
  press_at (fixture, 1, 1);
  g_assert_true (ally_term_popover_keeper_popup (fixture->keeper, fixture->catalog, "power", anchor));
  g_assert_true (spin_until (popover_is_mapped, anchor));
  g_assert_false (gtk_popover_get_pointing_to (GTK_POPOVER (popover_on (anchor)), &rect));

  g_assert_true (ally_term_popover_keeper_popup (fixture->keeper, fixture->catalog, "power",
                                                 fixture->text));
  g_assert_true (spin_until (has_no_popover, anchor));
  g_assert_false (gtk_popover_get_pointing_to (GTK_POPOVER (popover_on (fixture->text)), &rect));
}

/* A second definition closes the first; the closed one is let go once its event is over, not
 * inside it. */
static void
test_one_at_a_time (Fixture       *fixture,
                    gconstpointer  data)
{
  AllyTermPopover *first;

  g_assert_true (ally_term_popover_keeper_popup (fixture->keeper, fixture->catalog, "power",
                                                 fixture->labels[0]));
  g_assert_true (spin_until (popover_is_mapped, fixture->labels[0]));
  first = popover_on (fixture->labels[0]);

  g_assert_true (ally_term_popover_keeper_popup (fixture->keeper, fixture->catalog, "privilege",
                                                 fixture->labels[1]));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (first)));
  g_assert_true (popover_on (fixture->labels[0]) == first);
  g_assert_true (spin_until (has_no_popover, fixture->labels[0]));
  g_assert_true (spin_until (popover_is_mapped, fixture->labels[1]));
  g_assert_cmpstr (ally_term_popover_get_term_id (popover_on (fixture->labels[1])), ==, "privilege");

  /* Closed by the person (Escape, a click outside): let go after the event too. */
  gtk_popover_popdown (GTK_POPOVER (popover_on (fixture->labels[1])));
  g_assert_nonnull (popover_on (fixture->labels[1]));
  g_assert_true (spin_until (has_no_popover, fixture->labels[1]));
}

/* Before the text is replaced, every popover goes at once, so that a label can go with no
 * popover left on it (G_DEBUG=fatal-warnings would stop at the warning). */
static void
test_close_all_lets_go_at_once (Fixture       *fixture,
                                gconstpointer  data)
{
  g_assert_true (ally_term_popover_keeper_popup (fixture->keeper, fixture->catalog, "power",
                                                 fixture->labels[0]));
  g_assert_true (ally_term_popover_keeper_popup (fixture->keeper, fixture->catalog, "privilege",
                                                 fixture->labels[1]));
  g_assert_true (spin_until (popover_is_mapped, fixture->labels[1]));

  ally_term_popover_keeper_close_all (fixture->keeper);
  g_assert_null (popover_on (fixture->labels[0]));
  g_assert_null (popover_on (fixture->labels[1]));
  gtk_box_remove (GTK_BOX (fixture->text), fixture->labels[1]);

  /* Let go when the keeper goes, too: its idle never runs on a freed keeper. */
  g_assert_true (ally_term_popover_keeper_popup (fixture->keeper, fixture->catalog, "power",
                                                 fixture->labels[0]));
  gtk_popover_popdown (GTK_POPOVER (popover_on (fixture->labels[0])));
  g_assert_finalize_object (g_steal_pointer (&fixture->keeper));
  g_assert_null (popover_on (fixture->labels[0]));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/term-popover-keeper/opens-definition", test_opens_definition);
  ADD ("/term-popover-keeper/points-at-pressed-place", test_points_at_pressed_place);
  ADD ("/term-popover-keeper/one-at-a-time", test_one_at_a_time);
  ADD ("/term-popover-keeper/close-all-lets-go-at-once", test_close_all_lets_go_at_once);
#undef ADD

  return g_test_run ();
}
