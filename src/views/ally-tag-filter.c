/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-tag-filter.c: the Journal list's tag choice: "All Tags" and then every tag in the
 * journal. The list changes as entries are tagged; "tag" changes only when the person chooses
 * (or the chosen tag is gone), so that the list is not rebuilt for nothing. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-tag-filter.h"

struct _AllyTagFilter
{
  GtkBox         parent_instance;

  GStrv          tags;      /* as listed; NULL until the first list */
  char          *tag;
  GtkStringList *model;
  gboolean       updating;  /* the list is being replaced: its selection is not a choice */

  GtkDropDown   *dropdown;
};

G_DEFINE_FINAL_TYPE (AllyTagFilter, ally_tag_filter, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_TAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_selected (AllyTagFilter *self)
{
  guint selected = gtk_drop_down_get_selected (self->dropdown);

  if (self->updating)
    return;

  g_clear_pointer (&self->tag, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    self->tag = g_strdup (gtk_string_list_get_string (self->model, selected));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}

static void
ally_tag_filter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AllyTagFilter *self = ALLY_TAG_FILTER (object);

  switch (prop_id)
    {
    case PROP_TAG:
      g_value_set_string (value, self->tag);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_tag_filter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AllyTagFilter *self = ALLY_TAG_FILTER (object);

  switch (prop_id)
    {
    case PROP_TAG:
      ally_tag_filter_set_tag (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_tag_filter_dispose (GObject *object)
{
  AllyTagFilter *self = ALLY_TAG_FILTER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_TAG_FILTER);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (ally_tag_filter_parent_class)->dispose (object);
}

static void
ally_tag_filter_finalize (GObject *object)
{
  AllyTagFilter *self = ALLY_TAG_FILTER (object);

  g_strfreev (self->tags);
  g_free (self->tag);

  G_OBJECT_CLASS (ally_tag_filter_parent_class)->finalize (object);
}

static void
ally_tag_filter_class_init (AllyTagFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ally_tag_filter_get_property;
  object_class->set_property = ally_tag_filter_set_property;
  object_class->dispose = ally_tag_filter_dispose;
  object_class->finalize = ally_tag_filter_finalize;

  properties[PROP_TAG] =
    g_param_spec_string ("tag", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-tag-filter.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyTagFilter, dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_selected);
}

static void
ally_tag_filter_init (AllyTagFilter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ally_accessible_name_controls (GTK_WIDGET (self));
  ally_tag_filter_set_tags (self, NULL);
}

GtkWidget *
ally_tag_filter_new (void)
{
  return g_object_new (ALLY_TYPE_TAG_FILTER, NULL);
}

const char *
ally_tag_filter_get_tag (AllyTagFilter *self)
{
  g_return_val_if_fail (ALLY_IS_TAG_FILTER (self), NULL);

  return self->tag;
}

void
ally_tag_filter_set_tag (AllyTagFilter *self,
                         const char    *tag)
{
  guint position = 0;

  g_return_if_fail (ALLY_IS_TAG_FILTER (self));

  for (guint i = 0; tag != NULL && self->tags != NULL && self->tags[i] != NULL; i++)
    if (g_str_equal (self->tags[i], tag))
      position = i + 1;
  gtk_drop_down_set_selected (self->dropdown, position);
}

void
ally_tag_filter_set_tags (AllyTagFilter      *self,
                          const char * const *tags)
{
  static const char * const none[] = { NULL };
  guint selected = 0;

  g_return_if_fail (ALLY_IS_TAG_FILTER (self));

  if (tags == NULL)
    tags = none;
  if (self->tags != NULL && g_strv_equal ((const char * const *) self->tags, tags))
    return;

  self->updating = TRUE;
  g_clear_object (&self->model);
  self->model = gtk_string_list_new (NULL);
  gtk_string_list_append (self->model, _("All Tags"));
  for (guint i = 0; tags[i] != NULL; i++)
    {
      gtk_string_list_append (self->model, tags[i]);
      if (g_strcmp0 (tags[i], self->tag) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (self->model));
  gtk_drop_down_set_selected (self->dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self), tags[0] != NULL || self->tag != NULL);
  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  self->updating = FALSE;

  if (selected == 0 && self->tag != NULL)
    {
      g_clear_pointer (&self->tag, g_free);
      gtk_widget_set_visible (GTK_WIDGET (self), tags[0] != NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
    }
}

void
ally_tag_filter_reset (AllyTagFilter *self)
{
  g_return_if_fail (ALLY_IS_TAG_FILTER (self));

  g_clear_pointer (&self->tags, g_strfreev);
  if (self->tag == NULL)
    return;
  g_clear_pointer (&self->tag, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG]);
}
