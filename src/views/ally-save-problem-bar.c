/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-save-problem-bar.c: says, above the entry being written, that it could not be saved,
 * why, and that the text is still here (or only here); it stays until a save works. Its
 * Retry button activates editor.retry-save on the editor around it. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-save-problem-bar.h"

struct _AllySaveProblemBar
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *title;
  GtkLabel    *detail;
};

G_DEFINE_FINAL_TYPE (AllySaveProblemBar, ally_save_problem_bar, GTK_TYPE_WIDGET)

static void
ally_save_problem_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALLY_TYPE_SAVE_PROBLEM_BAR);

  G_OBJECT_CLASS (ally_save_problem_bar_parent_class)->dispose (object);
}

static void
ally_save_problem_bar_class_init (AllySaveProblemBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ally_save_problem_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-save-problem-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AllySaveProblemBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, AllySaveProblemBar, title);
  gtk_widget_class_bind_template_child (widget_class, AllySaveProblemBar, detail);
}

static void
ally_save_problem_bar_init (AllySaveProblemBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ally_save_problem_bar_new (void)
{
  return g_object_new (ALLY_TYPE_SAVE_PROBLEM_BAR, NULL);
}

void
ally_save_problem_bar_show (AllySaveProblemBar *self,
                            const char         *title,
                            const GError       *save_error,
                            const GError       *copy_error)
{
  g_autofree char *detail = NULL;

  g_return_if_fail (ALLY_IS_SAVE_PROBLEM_BAR (self));

  gtk_revealer_set_reveal_child (self->revealer, save_error != NULL);
  if (save_error == NULL)
    return;

  gtk_label_set_label (self->title, title);
  if (copy_error != NULL)
    /* Translators: the first %s says why the text could not be saved, the second why no
       copy of it could be kept either */
    detail = g_strdup_printf (_("%s. %s. Your text is only in this window: do not close it."),
                              save_error->message, copy_error->message);
  else
    /* Translators: %s says why the text could not be saved */
    detail = g_strdup_printf (_("%s. Your text is still here, and a copy is kept until it is "
                                "saved."), save_error->message);
  gtk_label_set_label (self->detail, detail);
}
