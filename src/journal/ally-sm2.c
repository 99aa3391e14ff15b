/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-sm2.c: SM-2 (SuperMemo 2, P. Woźniak 1990): how long until a card is shown again,
 * from how well (0–5) the person recalled it. */
#include <math.h>

#include "ally-sm2.h"

int
ally_sm2_grade_quality (AllySm2Grade grade)
{
  static const int qualities[ALLY_SM2_N_GRADES] = { 1, 3, 4, 5 };

  g_return_val_if_fail (grade <= ALLY_SM2_EASY, 0);
  return qualities[grade];
}

void
ally_sm2_init (AllySm2State *state)
{
  state->repetitions = 0;
  state->interval_days = 0;
  state->ease = ALLY_SM2_INITIAL_EASE;
}

/**
 * ally_sm2_review:
 * @quality: 0 (blackout) to 5 (perfect); 3 and more count as recalled
 *
 * One review: I(1) = 1 day, I(2) = 6 days, then I(n) = I(n−1) × EF (rounded) with the ease
 * before this review; below 3 the repetitions start again from I(1). The ease then moves by
 * 0.1 − (5−q)(0.08 + (5−q)·0.02), and never goes below 1.3.
 */
void
ally_sm2_review (AllySm2State *state,
                 int           quality)
{
  int q = CLAMP (quality, 0, 5);

  if (q >= 3)
    {
      if (state->repetitions == 0)
        state->interval_days = 1;
      else if (state->repetitions == 1)
        state->interval_days = 6;
      else
        state->interval_days = (int) lround (state->interval_days * state->ease);
      state->repetitions++;
    }
  else
    {
      state->repetitions = 0;
      state->interval_days = 1;
    }
  state->ease += 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02);
  state->ease = MAX (state->ease, ALLY_SM2_MIN_EASE);
}

/* The interval in days that answering @quality would give, without changing @state. */
int
ally_sm2_next_interval (const AllySm2State *state,
                        int                 quality)
{
  AllySm2State next = *state;

  ally_sm2_review (&next, quality);
  return next.interval_days;
}
