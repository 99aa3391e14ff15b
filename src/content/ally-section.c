/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-section.c */
#include "ally-content-private.h"

enum { PROP_0, PROP_HEADING, N_PROPS };
static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (AllySection, ally_section, G_TYPE_OBJECT)

static void
ally_section_finalize (GObject *object)
{
  AllySection *self = ALLY_SECTION (object);

  g_free (self->id);
  ally_text_free (self->heading);
  g_object_unref (self->blocks);
  g_object_unref (self->cites);

  G_OBJECT_CLASS (ally_section_parent_class)->finalize (object);
}

static void
ally_section_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AllySection *self = ALLY_SECTION (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, ally_section_get_heading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_section_class_init (AllySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ally_section_finalize;
  object_class->get_property = ally_section_get_property;

  props[PROP_HEADING] = g_param_spec_string ("heading", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_section_init (AllySection *self)
{
  self->blocks = g_list_store_new (ALLY_TYPE_BLOCK);
  self->cites = g_list_store_new (ALLY_TYPE_CITE);
}

AllySection *
ally_section_new (void)
{
  return g_object_new (ALLY_TYPE_SECTION, NULL);
}

void
ally_section_relocalize (AllySection  *self,
                         char        **wanted)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->blocks));

  ALLY_TEXT_RESOLVE (self->heading, wanted, self, props[PROP_HEADING]);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AllyBlock) block = g_list_model_get_item (G_LIST_MODEL (self->blocks), i);
      ally_block_relocalize (block, wanted);
    }
}

const char *
ally_section_get_id (AllySection *self)
{
  g_return_val_if_fail (ALLY_IS_SECTION (self), NULL);
  return self->id;
}

const char *
ally_section_get_heading (AllySection *self)
{
  g_return_val_if_fail (ALLY_IS_SECTION (self), NULL);
  return ally_text_get (self->heading);
}

GListModel *
ally_section_get_blocks (AllySection *self)
{
  g_return_val_if_fail (ALLY_IS_SECTION (self), NULL);
  return G_LIST_MODEL (self->blocks);
}

GListModel *
ally_section_get_cites (AllySection *self)
{
  g_return_val_if_fail (ALLY_IS_SECTION (self), NULL);
  return G_LIST_MODEL (self->cites);
}
