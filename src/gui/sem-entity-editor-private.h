/* sem-entity-editor-private.h — what the entity editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity-editor.h"

G_BEGIN_DECLS

/* How one field is shown, beyond its kind. */
typedef enum
{
  PRES_HIDDEN    = 1 << 0,
  PRES_MULTILINE = 1 << 1,
  PRES_TIMEZONE  = 1 << 2,
  PRES_EMAIL     = 1 << 3,
  PRES_URL       = 1 << 4,
  PRES_COUNTRY   = 1 << 5,
  PRES_PHONE     = 1 << 6,
  PRES_LANGUAGE  = 1 << 7,
} SemFieldPresFlags;

/* The rows of one field and what they hold. */
typedef struct _SemFieldEditor SemFieldEditor;

/* sem-entity-editor.c */
const char         *_sem_entity_editor_language      (void);
const char         *_sem_entity_editor_display_name  (SemPlan         *plan,
                                                      SemEntity       *entity);
GTimeZone          *_sem_entity_editor_dup_timezone  (SemEntityEditor *self);
const char         *_sem_entity_editor_new_button_label (SemCollection collection);
GObjectClass       *_sem_entity_editor_get_class     (SemEntityEditor *self);
SemPlan            *_sem_entity_editor_get_plan      (SemEntityEditor *self);
SemEntity          *_sem_entity_editor_get_source    (SemEntityEditor *self);
SemFieldEditor     *_sem_entity_editor_find_field    (SemEntityEditor *self,
                                                      const char      *name);
void                _sem_entity_editor_validate      (SemEntityEditor *self);
void                _sem_entity_editor_field_changed (SemEntityEditor *self,
                                                      SemFieldEditor  *changed);

/* sem-entity-editor-fields.c */
SemFieldEditor     *_sem_field_editor_new            (SemEntityEditor     *editor,
                                                      AdwPreferencesGroup *group,
                                                      const SemFieldInfo  *field,
                                                      const char          *label,
                                                      SemFieldPresFlags    flags);
void                _sem_field_editor_free           (SemFieldEditor      *fe);
const SemFieldInfo *_sem_field_editor_get_field      (SemFieldEditor      *fe);
const char         *_sem_field_editor_get_string     (SemFieldEditor      *fe);
void                _sem_field_editor_read           (SemFieldEditor      *fe,
                                                      guint                variant,
                                                      GValue              *value);
void                _sem_field_editor_validate       (SemFieldEditor      *fe);
void                _sem_field_editor_follow         (SemFieldEditor      *fe,
                                                      SemFieldEditor      *changed);
const char         *_sem_field_editor_get_error      (SemFieldEditor      *fe);
void                _sem_field_editor_set_error      (SemFieldEditor      *fe,
                                                      const char          *message,
                                                      gboolean             show);
void                _sem_field_editor_show_error     (SemFieldEditor      *fe);
int                 _sem_field_editor_compare        (SemFieldEditor      *a,
                                                      SemFieldEditor      *b);
const char         *_sem_field_editor_property_name  (const SemFieldInfo  *field,
                                                      guint                variant);
gboolean            _sem_values_equal                (const SemFieldInfo  *field,
                                                      const GValue        *a,
                                                      const GValue        *b);
char              **_sem_timezone_names              (void);

/* sem-entity-editor-date.c: a DATE field's day, on a button with a calendar */
#define SEM_TYPE_DATE_BUTTON (sem_date_button_get_type ())
G_DECLARE_FINAL_TYPE (SemDateButton, sem_date_button, SEM, DATE_BUTTON, GtkWidget)

GtkWidget          *sem_date_button_new              (const char          *label,
                                                      gboolean             nullable);
const char         *sem_date_button_get_date         (SemDateButton       *self);
void                sem_date_button_set_date         (SemDateButton       *self,
                                                      const char          *date);
GtkWidget          *sem_date_button_get_menu_button  (SemDateButton       *self);

G_END_DECLS
