/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-term.c */
#include "ally-content-private.h"

enum { PROP_0, PROP_NAME, PROP_DEFINITION_TEXT, PROP_DEFINITION_MARKUP, N_PROPS };
static GParamSpec *props[N_PROPS];

static const char * const no_strings[] = { NULL };

G_DEFINE_FINAL_TYPE (AllyTerm, ally_term, G_TYPE_OBJECT)

static void
ally_term_finalize (GObject *object)
{
  AllyTerm *self = ALLY_TERM (object);

  g_free (self->id);
  ally_text_free (self->name);
  g_ptr_array_unref (self->aliases);
  g_strfreev (self->alias_strv);
  ally_text_free (self->definition);
  g_strfreev (self->see_also);
  g_object_unref (self->cites);
  g_free (self->sort_key);

  G_OBJECT_CLASS (ally_term_parent_class)->finalize (object);
}

static void
ally_term_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AllyTerm *self = ALLY_TERM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, ally_text_get (self->name));
      break;
    case PROP_DEFINITION_TEXT:
      g_value_set_string (value, ally_text_get (self->definition));
      break;
    case PROP_DEFINITION_MARKUP:
      g_value_set_string (value, ally_text_get_markup (self->definition));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_term_class_init (AllyTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ally_term_finalize;
  object_class->get_property = ally_term_get_property;

  props[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  props[PROP_DEFINITION_TEXT] = g_param_spec_string ("definition-text", NULL, NULL, NULL, flags);
  props[PROP_DEFINITION_MARKUP] = g_param_spec_string ("definition-markup", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_term_init (AllyTerm *self)
{
  self->aliases = g_ptr_array_new_with_free_func ((GDestroyNotify) ally_text_free);
  self->cites = g_list_store_new (ALLY_TYPE_CITE);
}

static void
ally_term_update (AllyTerm *self)
{
  g_autofree char *folded = g_utf8_casefold (ally_text_get (self->name) ? ally_text_get (self->name) : "", -1);
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; i < self->aliases->len; i++)
    g_strv_builder_add (builder, ally_text_get (self->aliases->pdata[i]));

  g_strfreev (self->alias_strv);
  self->alias_strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  g_free (self->sort_key);
  self->sort_key = g_utf8_collate_key (folded, -1);
}

AllyTerm *
ally_term_new (void)
{
  return g_object_new (ALLY_TYPE_TERM, NULL);
}

void
ally_term_relocalize (AllyTerm  *self,
                      char     **wanted)
{
  g_object_freeze_notify (G_OBJECT (self));
  ALLY_TEXT_RESOLVE (self->name, wanted, self, props[PROP_NAME]);
  if (self->definition != NULL && ally_text_resolve (self->definition, wanted))
    {
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DEFINITION_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DEFINITION_MARKUP]);
    }
  for (guint i = 0; i < self->aliases->len; i++)
    ally_text_resolve (self->aliases->pdata[i], wanted);
  ally_term_update (self);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ally_term_get_id (AllyTerm *self)
{
  g_return_val_if_fail (ALLY_IS_TERM (self), NULL);
  return self->id;
}

const char *
ally_term_get_name (AllyTerm *self)
{
  g_return_val_if_fail (ALLY_IS_TERM (self), NULL);
  return ally_text_get (self->name);
}

const char * const *
ally_term_get_aliases (AllyTerm *self)
{
  g_return_val_if_fail (ALLY_IS_TERM (self), NULL);
  return self->alias_strv ? (const char * const *) self->alias_strv : no_strings;
}

const char *
ally_term_get_definition_text (AllyTerm *self)
{
  g_return_val_if_fail (ALLY_IS_TERM (self), NULL);
  return ally_text_get (self->definition);
}

const char *
ally_term_get_definition_markup (AllyTerm *self)
{
  g_return_val_if_fail (ALLY_IS_TERM (self), NULL);
  return ally_text_get_markup (self->definition);
}

const char * const *
ally_term_get_see_also (AllyTerm *self)
{
  g_return_val_if_fail (ALLY_IS_TERM (self), NULL);
  return self->see_also ? (const char * const *) self->see_also : no_strings;
}

GListModel *
ally_term_get_cites (AllyTerm *self)
{
  g_return_val_if_fail (ALLY_IS_TERM (self), NULL);
  return G_LIST_MODEL (self->cites);
}
