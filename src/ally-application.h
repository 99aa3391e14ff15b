/* ally-application.h: the Allyship application object. */
#pragma once

#include <adwaita.h>

#include "ally-content.h"

G_BEGIN_DECLS

#define ALLY_TYPE_APPLICATION (ally_application_get_type ())
G_DECLARE_FINAL_TYPE (AllyApplication, ally_application, ALLY, APPLICATION, AdwApplication)

AllyApplication *ally_application_new          (void);
GSettings       *ally_application_get_settings (AllyApplication *self);
AllyCatalog     *ally_application_get_catalog  (AllyApplication *self,
                                                GError         **error);
void             ally_application_set_content_dir (AllyApplication *self,
                                                   const char      *content_dir);

G_END_DECLS
