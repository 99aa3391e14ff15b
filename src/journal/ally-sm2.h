/* ally-sm2.h: the SM-2 spaced-repetition schedule for glossary flashcards. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ALLY_SM2_INITIAL_EASE 2.5
#define ALLY_SM2_MIN_EASE 1.3

typedef struct
{
  int    repetitions;   /* correct reviews in a row */
  int    interval_days; /* days until the next review */
  double ease;          /* how quickly the interval grows */
} AllySm2State;

void ally_sm2_init   (AllySm2State *state);
void ally_sm2_review (AllySm2State *state,
                      int           quality);

G_END_DECLS
