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
void                _sem_field_editor_get_start_value (SemFieldEditor *fe,
                                                       guint           variant,
                                                       GValue         *value);
void                _sem_field_editor_changed_cb     (SemFieldEditor      *fe);

/* sem-entity-editor-choices.c: the fields picked from a list */
void                _sem_field_editor_build_choice   (SemFieldEditor      *fe,
                                                      AdwPreferencesGroup *group);
void                _sem_field_editor_build_timezone (SemFieldEditor      *fe,
                                                      AdwPreferencesGroup *group);
void                _sem_field_editor_read_choice    (SemFieldEditor      *fe,
                                                      GValue              *value);
void                _sem_field_editor_update_counts  (SemFieldEditor      *fe);
void                _sem_field_editor_follow         (SemFieldEditor      *fe,
                                                      SemFieldEditor      *changed);
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

/* What a SemFieldEditor holds: here because sem-entity-editor-fields.c and
 * sem-entity-editor-choices.c both fill it in; the editor goes through the
 * functions above. */
struct _SemFieldEditor
{
  SemEntityEditor     *editor;      /* borrowed: owns us */
  const SemFieldInfo  *field;
  char                *label;
  SemFieldPresFlags    flags;

  AdwPreferencesGroup *group;       /* borrowed */
  GtkWidget           *row;         /* shows the error */
  GtkWidget           *error_icon;  /* on entry rows */
  char                *subtitle;    /* of an action row when all is well */
  char                *error;
  gboolean             error_quiet; /* a missing value: shown once touched */
  gboolean             touched;

  GtkEditable         *entry;       /* STRING STRV, TEXT in English, INSTANT's date */
  GtkEditable         *entry_bg;    /* TEXT in Bulgarian */
  GtkTextBuffer       *buffer;      /* multi-line */
  GtkTextBuffer       *buffer_bg;
  GtkEditable         *time_entry;  /* INSTANT */
  SemDateButton       *date;        /* DATE */
  GtkSpinButton       *spin;        /* INT, GEO latitude */
  GtkSpinButton       *spin_b;      /* GEO longitude */
  AdwExpanderRow      *expander;    /* GEO, REFS, PAIRS of roles */
  GtkSwitch           *toggle;      /* BOOL */
  AdwComboRow         *combo;       /* ENUM, REF */
  GPtrArray           *ids;         /* REF: the id at each combo position; NULL for none */
  GPtrArray           *checks;      /* REFS FLAGS PAIRS: GtkCheckButton */
  GPtrArray           *check_values;/* the id, nick or "a:b" each check stands for */
  GPtrArray           *pair_combos; /* PAIRS of roles: AdwComboRow per first member */
  GPtrArray           *pair_ids;
  GPtrArray           *count_rows;  /* expanders whose subtitle counts their checks */
  GPtrArray           *member_rows; /* PAIRS of ids: a checklist (expander) per member, "sem-id" */
  GPtrArray           *seconds;     /* PAIRS of ids: what each checklist offers */
  GtkWidget           *empty_row;   /* PAIRS of ids: shown when there are no members */
  char               **original;    /* REFS PAIRS: the starting list, to keep its order */
  GEnumClass          *enum_class;  /* ENUM, PAIRS of roles */
  GFlagsClass         *flags_class; /* FLAGS */

  char                *tz;          /* timezone */
  char                *tz_query;
  GtkPopover          *tz_popover;
  GtkListView         *tz_list;
  GtkFilter           *tz_filter;
  GtkFilterListModel  *tz_model;
};

G_END_DECLS
