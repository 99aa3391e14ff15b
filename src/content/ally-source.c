/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-source.c */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ally-content-private.h"

enum { PROP_0, PROP_NOTE, N_PROPS };
static GParamSpec *props[N_PROPS];

/* Translators: a source's kind, shown in a citation when it names no publication. */
static const char * const kind_labels[] = { N_("article"), N_("book"), N_("web page"), N_("newsletter") };
/* Translators: month names in a citation's date, such as “4 March 2021”. */
static const char * const month_names[] = {
  NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
  NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
  NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
  NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
};
static const char * const no_strings[] = { NULL };

G_DEFINE_FINAL_TYPE (AllySource, ally_source, G_TYPE_OBJECT)

static void
ally_source_finalize (GObject *object)
{
  AllySource *self = ALLY_SOURCE (object);

  g_free (self->id);
  g_strfreev (self->authors);
  g_free (self->title);
  g_free (self->publication);
  g_free (self->date);
  ally_text_free (self->note);

  G_OBJECT_CLASS (ally_source_parent_class)->finalize (object);
}

static void
ally_source_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AllySource *self = ALLY_SOURCE (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_string (value, ally_text_get (self->note));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_source_class_init (AllySourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ally_source_finalize;
  object_class->get_property = ally_source_get_property;

  props[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL,
                                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_source_init (AllySource *self)
{
}

AllySource *
ally_source_new (void)
{
  return g_object_new (ALLY_TYPE_SOURCE, NULL);
}

void
ally_source_relocalize (AllySource  *self,
                        char       **wanted)
{
  ALLY_TEXT_RESOLVE (self->note, wanted, self, props[PROP_NOTE]);
}

AllySourceKind
ally_source_get_kind (AllySource *self)
{
  g_return_val_if_fail (ALLY_IS_SOURCE (self), ALLY_SOURCE_ARTICLE);
  return self->kind;
}

const char * const *
ally_source_get_authors (AllySource *self)
{
  g_return_val_if_fail (ALLY_IS_SOURCE (self), NULL);
  return self->authors ? (const char * const *) self->authors : no_strings;
}

const char *
ally_source_get_title (AllySource *self)
{
  g_return_val_if_fail (ALLY_IS_SOURCE (self), NULL);
  return self->title;
}

const char *
ally_source_get_publication (AllySource *self)
{
  g_return_val_if_fail (ALLY_IS_SOURCE (self), NULL);
  return self->publication;
}

const char *
ally_source_get_date (AllySource *self)
{
  g_return_val_if_fail (ALLY_IS_SOURCE (self), NULL);
  return self->date;
}

const char *
ally_source_get_note (AllySource *self)
{
  g_return_val_if_fail (ALLY_IS_SOURCE (self), NULL);
  return ally_text_get (self->note);
}

static void
append_date (GString    *out,
             const char *date)
{
  int year = 0, month = 0, day = 0;
  int n = sscanf (date, "%4d-%2d-%2d", &year, &month, &day);

  if (n == 3 && month >= 1 && month <= 12)
    g_string_append_printf (out, "%d %s %d", day,
                            g_dpgettext2 (GETTEXT_PACKAGE, "month name", month_names[month - 1]),
                            year);
  else if (n == 2 && month >= 1 && month <= 12)
    g_string_append_printf (out, "%s %d",
                            g_dpgettext2 (GETTEXT_PACKAGE, "month name", month_names[month - 1]),
                            year);
  else
    g_string_append (out, date);
}

static void
append_authors (GString    *out,
                AllySource *self)
{
  guint n_authors = self->authors ? g_strv_length (self->authors) : 0;

  for (guint i = 0; i < n_authors; i++)
    {
      if (i > 0)
        /* Translators: joins the last two authors of a source, with spaces around. */
        g_string_append (out, i + 1 == n_authors ? _(" and ") : ", ");
      g_string_append (out, self->authors[i]);
    }
}

/**
 * ally_source_format_authors:
 *
 * Returns: (transfer full) (nullable): every author, as in “Michelle MiJung Kim and Kay
 *   Martinez”, or %NULL when the source names none
 */
char *
ally_source_format_authors (AllySource *self)
{
  GString *out;

  g_return_val_if_fail (ALLY_IS_SOURCE (self), NULL);

  if (self->authors == NULL || self->authors[0] == NULL)
    return NULL;
  out = g_string_new (NULL);
  append_authors (out, self);
  return g_string_free (out, FALSE);
}

char *
ally_source_format_citation (AllySource *self)
{
  GString *out;
  guint n_authors;

  g_return_val_if_fail (ALLY_IS_SOURCE (self), NULL);

  out = g_string_new (NULL);
  n_authors = self->authors ? g_strv_length (self->authors) : 0;

  append_authors (out, self);
  if (n_authors > 0)
    g_string_append (out, ", ");

  g_string_append_printf (out, "“%s”", self->title ? self->title : "");

  if (self->publication != NULL)
    g_string_append_printf (out, ", %s", self->publication);
  else
    g_string_append_printf (out, ", %s", _(kind_labels[self->kind]));

  if (n_authors == 0)
    {
      g_string_append (out, ", ");
      g_string_append (out, _("author not named"));
    }

  if (self->date != NULL)
    {
      g_string_append (out, ", ");
      append_date (out, self->date);
    }

  g_string_append_c (out, '.');

  return g_string_free (out, FALSE);
}
