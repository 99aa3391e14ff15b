/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-block.h: a block of inline text: a paragraph, a list, or one key point. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ALLY_BLOCK_PARAGRAPH,
  ALLY_BLOCK_LIST,
} AllyBlockKind;

#define ALLY_TYPE_BLOCK (ally_block_get_type ())
G_DECLARE_FINAL_TYPE (AllyBlock, ally_block, ALLY, BLOCK, GObject)

AllyBlockKind ally_block_get_kind        (AllyBlock *self);
/* Paragraph: its text.  List: the items, one per line. */
const char   *ally_block_get_text        (AllyBlock *self);
/* Pango markup: escaped text, <i> for <em>, <a href="term:ID"> for <term ref="ID">. */
const char   *ally_block_get_markup      (AllyBlock *self);
/* A paragraph has one item (itself), a list one per <item>. */
guint         ally_block_get_n_items     (AllyBlock *self);
const char   *ally_block_get_item_text   (AllyBlock *self,
                                          guint      index);
const char   *ally_block_get_item_markup (AllyBlock *self,
                                          guint      index);

G_END_DECLS
