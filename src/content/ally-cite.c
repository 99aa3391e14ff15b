/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-cite.c */
#include "ally-content-private.h"

G_DEFINE_FINAL_TYPE (AllyCite, ally_cite, G_TYPE_OBJECT)

static void
ally_cite_finalize (GObject *object)
{
  AllyCite *self = ALLY_CITE (object);

  g_free (self->source_id);
  g_free (self->locator);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (ally_cite_parent_class)->finalize (object);
}

static void
ally_cite_class_init (AllyCiteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ally_cite_finalize;
}

static void
ally_cite_init (AllyCite *self)
{
}

AllyCite *
ally_cite_new (const char *source_id,
               const char *locator,
               int         line)
{
  AllyCite *self = g_object_new (ALLY_TYPE_CITE, NULL);

  self->source_id = g_strdup (source_id);
  self->locator = g_strdup (locator);
  self->line = line;

  return self;
}

void
ally_cite_set_source (AllyCite   *self,
                      AllySource *source)
{
  g_set_object (&self->source, source);
}

const char *
ally_cite_get_source_id (AllyCite *self)
{
  g_return_val_if_fail (ALLY_IS_CITE (self), NULL);

  return self->source_id;
}

const char *
ally_cite_get_locator (AllyCite *self)
{
  g_return_val_if_fail (ALLY_IS_CITE (self), NULL);

  return self->locator;
}

AllySource *
ally_cite_get_source (AllyCite *self)
{
  g_return_val_if_fail (ALLY_IS_CITE (self), NULL);

  return self->source;
}
