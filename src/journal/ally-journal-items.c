/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-journal-items.c: the kinds of item an export holds besides journal entries — how
 * each is named in the file and in messages, and which columns of which table it is. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ally-journal-exchange-private.h"

static const AllyItemField commitment_fields[] = {
  { "uid", "uid", ALLY_FIELD_TEXT, FALSE },
  { "created", "created", ALLY_FIELD_TIME, FALSE },
  { "updated", "updated", ALLY_FIELD_TIME, FALSE },
  { "text", "text", ALLY_FIELD_TEXT, FALSE, TRUE },
  { "lesson_id", "lesson_id", ALLY_FIELD_TEXT, TRUE },
  { "due", "due", ALLY_FIELD_TIME, TRUE },
  { "done", "done_at", ALLY_FIELD_TIME, TRUE },
  { "entry_uid", "entry_id", ALLY_FIELD_ENTRY_REF, TRUE },
};

static const AllyItemField power_map_fields[] = {
  { "axis_id", "axis_id", ALLY_FIELD_TEXT, FALSE },
  { "answer", "answer", ALLY_FIELD_TEXT, FALSE, TRUE },
  { "updated", "updated", ALLY_FIELD_TIME, FALSE },
};

static const AllyItemField lesson_fields[] = {
  { "lesson_id", "lesson_id", ALLY_FIELD_TEXT, FALSE },
  { "opened", "opened_at", ALLY_FIELD_TIME, FALSE },
  { "position", "position", ALLY_FIELD_INT, FALSE },
  { "completed", "completed_at", ALLY_FIELD_TIME, TRUE },
  { "updated", "updated", ALLY_FIELD_TIME, FALSE },
};

static const AllyItemField quiz_answer_fields[] = {
  { "quiz_id", "quiz_id", ALLY_FIELD_TEXT, FALSE },
  { "question_id", "question_id", ALLY_FIELD_TEXT, FALSE },
  { "answer", "answer", ALLY_FIELD_TEXT, FALSE },
  { "correct", "correct", ALLY_FIELD_BOOL, FALSE },
  { "answered", "answered_at", ALLY_FIELD_TIME, FALSE },
};

static const AllyItemField quiz_score_fields[] = {
  { "quiz_id", "quiz_id", ALLY_FIELD_TEXT, FALSE },
  { "best_score", "best_score", ALLY_FIELD_INT, FALSE },
  { "max_score", "max_score", ALLY_FIELD_INT, FALSE },
  { "last_score", "last_score", ALLY_FIELD_INT, FALSE },
  { "attempts", "attempts", ALLY_FIELD_INT, FALSE },
  { "updated", "updated", ALLY_FIELD_TIME, FALSE },
};

static const AllyItemField review_card_fields[] = {
  { "card_id", "card_id", ALLY_FIELD_TEXT, FALSE },
  { "added", "added_at", ALLY_FIELD_TIME, FALSE },
  { "repetitions", "repetitions", ALLY_FIELD_INT, FALSE },
  { "interval_days", "interval_days", ALLY_FIELD_INT, FALSE },
  { "ease", "ease", ALLY_FIELD_REAL, FALSE },
  { "due_date", "due_date", ALLY_FIELD_TEXT, TRUE },
  { "first_review_date", "first_review_date", ALLY_FIELD_TEXT, TRUE },
  { "reviewed", "reviewed_at", ALLY_FIELD_TIME, TRUE },
  { "updated", "updated", ALLY_FIELD_TIME, FALSE },
};

#define KIND(list, table, tombstone, fields, n_keys, updated, order_by, sealed_by_id) \
  { list, table, tombstone, fields, G_N_ELEMENTS (fields), n_keys, updated, order_by, \
    sealed_by_id }

static const AllyItemKind kinds[] = {
  KIND ("commitments", "commitments", "commitment", commitment_fields, 1, 2, "t.created, t.id",
        TRUE),
  KIND ("power_map", "power_map", NULL, power_map_fields, 1, 2, "t.axis_id", FALSE),
  KIND ("lessons", "lesson_progress", NULL, lesson_fields, 1, 4, "t.lesson_id", FALSE),
  KIND ("quiz_answers", "quiz_answers", NULL, quiz_answer_fields, 2, 4,
        "t.quiz_id, t.question_id", FALSE),
  KIND ("quiz_scores", "quiz_scores", NULL, quiz_score_fields, 1, 5, "t.quiz_id", FALSE),
  KIND ("review_cards", "review_cards", NULL, review_card_fields, 1, 8, "t.card_id", FALSE),
};

const AllyItemKind *
ally_item_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

/* How messages name the items of each list; %u is the item's number in its list. */
static const struct
{
  const char *list;
  const char *format;
} item_names[] = {
  /* Translators: how an error message names an item of a journal export; %u is its
     number in its list in the file. */
  { "entries", N_("entry %u") },
  /* Translators: as “entry %u”, for a commitment. */
  { "commitments", N_("commitment %u") },
  /* Translators: as “entry %u”, for an answer of the power and privilege map. */
  { "power_map", N_("power map answer %u") },
  /* Translators: as “entry %u”, for how far a lesson was read. */
  { "lessons", N_("lesson progress %u") },
  /* Translators: as “entry %u”, for the answer to a quiz question. */
  { "quiz_answers", N_("quiz answer %u") },
  /* Translators: as “entry %u”, for a quiz's score. */
  { "quiz_scores", N_("quiz score %u") },
  /* Translators: as “entry %u”, for a review card (a term or a question to go over). */
  { "review_cards", N_("review card %u") },
  /* Translators: as “entry %u”, for a record that something was deleted. */
  { "deleted", N_("deletion %u") },
};

/* How a message names item @index (from 0) of list @list: “commitment 3”. */
char *
ally_item_describe (const char *list,
                    guint       index)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_names); i++)
    if (g_str_equal (item_names[i].list, list))
      return g_strdup_printf (_(item_names[i].format), index + 1);
  g_return_val_if_reached (g_strdup_printf ("%s %u", list, index + 1));
}
