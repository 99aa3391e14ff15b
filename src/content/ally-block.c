/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-block.c */
#include "ally-content-private.h"

enum { PROP_0, PROP_TEXT, PROP_MARKUP, N_PROPS };
static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (AllyBlock, ally_block, G_TYPE_OBJECT)

static void
ally_block_finalize (GObject *object)
{
  AllyBlock *self = ALLY_BLOCK (object);

  g_ptr_array_unref (self->items);
  g_free (self->text);
  g_free (self->markup);

  G_OBJECT_CLASS (ally_block_parent_class)->finalize (object);
}

static void
ally_block_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AllyBlock *self = ALLY_BLOCK (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, ally_block_get_text (self));
      break;
    case PROP_MARKUP:
      g_value_set_string (value, ally_block_get_markup (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_block_class_init (AllyBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ally_block_finalize;
  object_class->get_property = ally_block_get_property;

  props[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_MARKUP] = g_param_spec_string ("markup", NULL, NULL, NULL,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
ally_block_init (AllyBlock *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) ally_text_free);
}

AllyBlock *
ally_block_new (AllyBlockKind kind)
{
  AllyBlock *self = g_object_new (ALLY_TYPE_BLOCK, NULL);

  self->kind = kind;
  return self;
}

static void
ally_block_rebuild (AllyBlock *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      if (i > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append_c (markup, '\n');
        }
      g_string_append (text, ally_text_get (self->items->pdata[i]));
      g_string_append (markup, ally_text_get_markup (self->items->pdata[i]));
    }

  g_free (self->text);
  g_free (self->markup);
  self->text = g_string_free (g_steal_pointer (&text), FALSE);
  self->markup = g_string_free (g_steal_pointer (&markup), FALSE);
}

/* A list's joined text is built when first asked for, not once per item added (which
 * took time growing with the square of the number of items). */
static void
ally_block_ensure_joined (AllyBlock *self)
{
  if (self->text == NULL)
    ally_block_rebuild (self);
}

void
ally_block_add_item (AllyBlock *self,
                     AllyText  *item)
{
  g_ptr_array_add (self->items, item);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->markup, g_free);
}

void
ally_block_relocalize (AllyBlock  *self,
                       char      **wanted)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->items->len; i++)
    changed |= ally_text_resolve (self->items->pdata[i], wanted);

  if (!changed)
    return;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->markup, g_free);

  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MARKUP]);
}

AllyBlockKind
ally_block_get_kind (AllyBlock *self)
{
  g_return_val_if_fail (ALLY_IS_BLOCK (self), ALLY_BLOCK_PARAGRAPH);

  return self->kind;
}

const char *
ally_block_get_text (AllyBlock *self)
{
  g_return_val_if_fail (ALLY_IS_BLOCK (self), NULL);

  if (self->kind == ALLY_BLOCK_LIST)
    {
      ally_block_ensure_joined (self);
      return self->text;
    }

  return self->items->len > 0 ? ally_text_get (self->items->pdata[0]) : "";
}

const char *
ally_block_get_markup (AllyBlock *self)
{
  g_return_val_if_fail (ALLY_IS_BLOCK (self), NULL);

  if (self->kind == ALLY_BLOCK_LIST)
    {
      ally_block_ensure_joined (self);
      return self->markup;
    }

  return self->items->len > 0 ? ally_text_get_markup (self->items->pdata[0]) : "";
}

guint
ally_block_get_n_items (AllyBlock *self)
{
  g_return_val_if_fail (ALLY_IS_BLOCK (self), 0);

  return self->items->len;
}

const char *
ally_block_get_item_text (AllyBlock *self,
                          guint      index)
{
  g_return_val_if_fail (ALLY_IS_BLOCK (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return ally_text_get (self->items->pdata[index]);
}

const char *
ally_block_get_item_markup (AllyBlock *self,
                            guint      index)
{
  g_return_val_if_fail (ALLY_IS_BLOCK (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return ally_text_get_markup (self->items->pdata[index]);
}
