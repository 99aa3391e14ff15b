/* ally-sm2.c: SM-2 (SuperMemo 2): how long until a flashcard is shown again, from how
 * well (0–5) the person recalled it. */
#include <math.h>

#include "ally-sm2.h"

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
