/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-sm2.h: the SM-2 spaced-repetition schedule for review cards. */
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

/* The four answers a review offers, as in Anki. Each stands for one SM-2 quality (0–5):
 *   Again → 1  "incorrect; the right answer remembered once shown": back to the start
 *   Hard  → 3  "correct, recalled with serious difficulty": ease − 0.14
 *   Good  → 4  "correct after a hesitation": ease unchanged
 *   Easy  → 5  "perfect response": ease + 0.1 */
typedef enum
{
  ALLY_SM2_AGAIN,
  ALLY_SM2_HARD,
  ALLY_SM2_GOOD,
  ALLY_SM2_EASY,
} AllySm2Grade;

#define ALLY_SM2_N_GRADES 4

int  ally_sm2_grade_quality (AllySm2Grade        grade);
void ally_sm2_init          (AllySm2State       *state);
void ally_sm2_review        (AllySm2State       *state,
                             int                 quality);
int  ally_sm2_next_interval (const AllySm2State *state,
                             int                 quality);

G_END_DECLS
