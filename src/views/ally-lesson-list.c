/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-lesson-list.c: the list of lessons in the Learn sidebar. Its rows show the journal's
 * progress; choosing one emits "lesson-activated" with its position. */
#include "config.h"

#include "ally-journal-progress.h"
#include "ally-lesson-list.h"
#include "ally-lesson-row.h"

struct _AllyLessonList
{
  GtkWidget           parent_instance;

  AllyJournal        *journal;
  GtkListItemFactory *row_factory;

  GtkWidget          *scroller;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (AllyLessonList, ally_lesson_list, GTK_TYPE_WIDGET)

enum {
  LESSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, ally_lesson_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          AllyLessonList           *self)
{
  AllyLesson *lesson = gtk_list_item_get_item (item);
  gboolean finished = self->journal != NULL &&
                      ally_journal_is_lesson_finished (self->journal, ally_lesson_get_id (lesson));

  ally_lesson_row_set_lesson (ALLY_LESSON_ROW (gtk_list_item_get_child (item)), lesson, finished);
}

static void
on_list_activate (GtkListView    *list,
                  guint           position,
                  AllyLessonList *self)
{
  g_signal_emit (self, signals[LESSON_ACTIVATED], 0, position);
}

/* GtkListView (GTK 4.8) makes each row a Tab stop. The lesson list is one, with the arrow keys
 * inside it: Tab leaves it the way Ctrl+Tab leaves any scrolled window. */
static gboolean
leave_list (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  AllyLessonList *self = ALLY_LESSON_LIST (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkDirectionType direction;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return FALSE;

  g_variant_get (args, "(i)", &direction);
  g_signal_emit_by_name (self->scroller, "move-focus-out", direction);
  return TRUE;
}

static void
ally_lesson_list_dispose (GObject *object)
{
  AllyLessonList *self = ALLY_LESSON_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_LESSON_LIST);
  g_clear_object (&self->row_factory);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (ally_lesson_list_parent_class)->dispose (object);
}

static void
ally_lesson_list_class_init (AllyLessonListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const guint tab_keys[] = { GDK_KEY_Tab, GDK_KEY_KP_Tab };

  object_class->dispose = ally_lesson_list_dispose;

  /**
   * AllyLessonList::lesson-activated:
   * @position: the chosen lesson's position in the list
   */
  signals[LESSON_ACTIVATED] =
    g_signal_new ("lesson-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-lesson-list.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyLessonList, scroller);
  gtk_widget_class_bind_template_child (widget_class, AllyLessonList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  for (guint i = 0; i < G_N_ELEMENTS (tab_keys); i++)
    {
      gtk_widget_class_add_binding (widget_class, tab_keys[i], 0,
                                    leave_list, "(i)", GTK_DIR_TAB_FORWARD);
      gtk_widget_class_add_binding (widget_class, tab_keys[i], GDK_SHIFT_MASK,
                                    leave_list, "(i)", GTK_DIR_TAB_BACKWARD);
    }
}

static void
ally_lesson_list_init (AllyLessonList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->row_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (self->row_factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (self->row_factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, self->row_factory);
}

/**
 * ally_lesson_list_set_model:
 * @lessons: (nullable): the course's lessons (AllyLesson), with the one shown selected
 */
void
ally_lesson_list_set_model (AllyLessonList    *self,
                            GtkSelectionModel *lessons)
{
  g_return_if_fail (ALLY_IS_LESSON_LIST (self));

  gtk_list_view_set_model (self->list_view, lessons);
}

/* The journal whose progress the rows show; they are bound again. */
void
ally_lesson_list_set_journal (AllyLessonList *self,
                              AllyJournal    *journal)
{
  g_return_if_fail (ALLY_IS_LESSON_LIST (self));

  g_set_object (&self->journal, journal);
  ally_lesson_list_refresh (self);
}

/* Progress changed: bind the rows again so their marks are right. */
void
ally_lesson_list_refresh (AllyLessonList *self)
{
  g_return_if_fail (ALLY_IS_LESSON_LIST (self));

  gtk_list_view_set_factory (self->list_view, NULL);
  gtk_list_view_set_factory (self->list_view, self->row_factory);
}

/* Focuses the row at @position (GtkListView focuses the row it last had focus on), or the
 * list as it is with GTK_INVALID_LIST_POSITION. */
void
ally_lesson_list_focus_lesson (AllyLessonList *self,
                               guint           position)
{
  g_return_if_fail (ALLY_IS_LESSON_LIST (self));

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}
