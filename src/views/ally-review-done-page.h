/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-review-done-page.h: the end of a review: how many cards were reviewed (or that none
 * were due), how many each of the coming days holds, and the way back to the glossary. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ALLY_TYPE_REVIEW_DONE_PAGE (ally_review_done_page_get_type ())
G_DECLARE_FINAL_TYPE (AllyReviewDonePage, ally_review_done_page, ALLY, REVIEW_DONE_PAGE, GtkWidget)

GtkWidget *ally_review_done_page_new  (void);
/* Says that @n_reviewed cards were reviewed (none: that no cards were due), and lists the
 * days after @today with how many cards each holds (@forecast, a guint per day from
 * tomorrow; NULL when it could not be read). */
void       ally_review_done_page_show (AllyReviewDonePage *self,
                                       guint               n_reviewed,
                                       GDateTime          *today,
                                       GArray             *forecast);

G_END_DECLS
