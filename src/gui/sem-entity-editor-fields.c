/* sem-entity-editor-fields.c — the rows of one field in the entity editor
 *
 * Each kind of field (sem-entity.h) has its widgets here: how they are
 * built from the starting value, read back into a GValue, and checked.
 * The fields picked from a list (enums, references, checklists,
 * timezones) build and read their rows in sem-entity-editor-choices.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-entity-editor"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sem-entity-editor-private.h"

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

const char *
_sem_field_editor_property_name (const SemFieldInfo *field,
                                 guint               variant)
{
  g_autofree char *name = NULL;

  if (field->kind == SEM_FIELD_TEXT)
    name = g_strconcat (field->name, variant ? "_bg" : "_en", NULL);
  else
    name = g_strdup (field->name);
  g_strdelimit (name, "_", '-');
  return g_intern_string (name);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || *a == NULL) && (b == NULL || *b == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
str_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

gboolean
_sem_values_equal (const SemFieldInfo *field,
                   const GValue       *a,
                   const GValue       *b)
{
  switch (field->kind)
    {
    case SEM_FIELD_STRING:
    case SEM_FIELD_TEXT:
    case SEM_FIELD_DATE:
    case SEM_FIELD_REF:
      if (str_empty (g_value_get_string (a)) && str_empty (g_value_get_string (b)))
        return TRUE;
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case SEM_FIELD_INSTANT:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case SEM_FIELD_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case SEM_FIELD_BOOL:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case SEM_FIELD_ENUM:
      return g_value_get_enum (a) == g_value_get_enum (b);
    case SEM_FIELD_FLAGS:
      return g_value_get_flags (a) == g_value_get_flags (b);
    case SEM_FIELD_GEO:
      return sem_geo_equal (g_value_get_boxed (a), g_value_get_boxed (b));
    case SEM_FIELD_STRV:
    case SEM_FIELD_REFS:
    case SEM_FIELD_PAIRS:
      return strv_equal0 (g_value_get_boxed (a), g_value_get_boxed (b));
    case SEM_FIELD_CHILDREN:
    default:
      return g_value_get_boxed (a) == g_value_get_boxed (b);
    }
}

/* The starting value of @variant of the field, from the entity or the defaults. */
void
_sem_field_editor_get_start_value (SemFieldEditor *fe,
                                   guint           variant,
                                   GValue         *value)
{
  SemEntity *source = _sem_entity_editor_get_source (fe->editor);
  const char *name = _sem_field_editor_property_name (fe->field, variant);
  GParamSpec *pspec = g_object_class_find_property (_sem_entity_editor_get_class (fe->editor), name);

  g_value_init (value, pspec->value_type);
  if (source != NULL)
    g_object_get_property (G_OBJECT (source), name, value);
}

static gboolean
parse_date (const char *text,
            int        *year,
            int        *month,
            int        *day)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  *year = atoi (text);
  *month = atoi (text + 5);
  *day = atoi (text + 8);
  return *year >= 1900 && *year <= 9999 && g_date_valid_dmy (*day, *month, *year);
}

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  const char *colon;

  if (text == NULL || (colon = strchr (text, ':')) == NULL)
    return FALSE;
  if (colon - text < 1 || colon - text > 2 || strlen (colon + 1) != 2)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (p != colon && !g_ascii_isdigit (*p))
      return FALSE;
  *hour = atoi (text);
  *minute = atoi (colon + 1);
  return *hour < 24 && *minute < 60;
}

static char *
editable_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
label_widget (GtkWidget  *widget,
              const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */

const char *
_sem_field_editor_get_error (SemFieldEditor *fe)
{
  return fe->error;
}

/* @show: at once, even before the person has touched the field */
void
_sem_field_editor_set_error (SemFieldEditor *fe,
                             const char     *message,
                             gboolean        show)
{
  g_free (fe->error);
  fe->error = g_strdup (message);
  fe->error_quiet = !show;
}

void
_sem_field_editor_show_error (SemFieldEditor *fe)
{
  gboolean visible = fe->error != NULL && (!fe->error_quiet || fe->touched);

  if (fe->row == NULL)
    return;

  if (visible)
    gtk_widget_add_css_class (fe->row, "error");
  else
    gtk_widget_remove_css_class (fe->row, "error");

  if (fe->error_icon != NULL)
    {
      gtk_widget_set_visible (fe->error_icon, visible);
      gtk_widget_set_tooltip_text (fe->error_icon, visible ? fe->error : NULL);
    }
  else if (ADW_IS_ACTION_ROW (fe->row))
    {
      const char *subtitle = fe->subtitle != NULL ? fe->subtitle : "";

      /* A reference's subtitle is the name chosen, unless there is an error. */
      if (fe->combo != NULL && adw_combo_row_get_use_subtitle (fe->combo))
        {
          GtkStringObject *item = adw_combo_row_get_selected_item (fe->combo);

          subtitle = item != NULL ? gtk_string_object_get_string (item) : "";
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (fe->row), visible ? fe->error : subtitle);
    }

  if (visible)
    gtk_accessible_update_property (GTK_ACCESSIBLE (fe->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    fe->error, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (fe->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Any row of @fe changed: the person has touched it. */
void
_sem_field_editor_changed_cb (SemFieldEditor *fe)
{
  fe->touched = TRUE;
  _sem_field_editor_update_counts (fe);
  _sem_entity_editor_field_changed (fe->editor, fe);
  _sem_entity_editor_validate (fe->editor);
}

static void
add_error_icon (SemFieldEditor *fe,
                AdwEntryRow    *row)
{
  fe->error_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (fe->error_icon, "error");
  gtk_widget_set_visible (fe->error_icon, FALSE);
  adw_entry_row_add_suffix (row, fe->error_icon);
}

/* ------------------------------------------------------------------ */
/* Builders, one per kind                                              */

static AdwEntryRow *
entry_row_new (SemFieldEditor *fe,
               const char     *title,
               const char     *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_swapped (row, "changed", G_CALLBACK (_sem_field_editor_changed_cb), fe);
  return row;
}

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          GtkEditable *entry)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (entry, text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static void
calendar_popover_show_cb (GtkPopover  *popover,
                          GtkEditable *entry)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  int y, m, d;

  if (parse_date (gtk_editable_get_text (entry), &y, &m, &d))
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (y, m, d, 12, 0, 0);

      g_signal_handlers_block_by_func (calendar, calendar_day_selected_cb, entry);
      gtk_calendar_select_day (calendar, date);
      g_signal_handlers_unblock_by_func (calendar, calendar_day_selected_cb, entry);
    }
}

/* A button that opens a calendar writing into @entry. */
static GtkWidget *
calendar_button_new (GtkEditable *entry,
                     const char  *label)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  g_autofree char *name = g_strdup_printf (_("Choose %s"), label);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Day"));
  label_widget (button, name);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (popover, "show", G_CALLBACK (calendar_popover_show_cb), entry);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), entry);
  return button;
}

/* Grows with its text up to a point, then scrolls. */
static GtkWidget *
scrolled_text_new (GtkWidget *view)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 80);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  return scrolled;
}

static void
build_text (SemFieldEditor      *fe,
            AdwPreferencesGroup *group)
{
  g_auto(GValue) en = G_VALUE_INIT;
  g_auto(GValue) bg = G_VALUE_INIT;
  /* Translators: a language's name in itself (an autonym), above the text
   * in that language; keep it as it is. */
  const char *english = C_("autonym", "English");
  /* Translators: a language's name in itself (an autonym), above the text
   * in that language; keep it as it is. */
  const char *bulgarian = C_("autonym", "Български");

  _sem_field_editor_get_start_value (fe, 0, &en);
  _sem_field_editor_get_start_value (fe, 1, &bg);
  adw_preferences_group_set_title (group, fe->label);

  if (fe->flags & PRES_MULTILINE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      for (guint variant = 0; variant < 2; variant++)
        {
          GtkWidget *heading = gtk_label_new (variant ? bulgarian : english);
          GtkWidget *frame = gtk_frame_new (NULL);
          GtkWidget *view = gtk_text_view_new ();
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
          const char *text = g_value_get_string (variant ? &bg : &en);
          g_autofree char *name = g_strdup_printf (C_("text in a language", "%s, %s"), fe->label,
                                                   variant ? bulgarian : english);

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "caption-heading");
          gtk_widget_add_css_class (heading, "dim-label");
          gtk_widget_set_margin_top (heading, variant ? 12 : 0);
          gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
          gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
          gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
          gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
          gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
          gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
          gtk_widget_add_css_class (view, "sem-editor-text");
          gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
          label_widget (view, name);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          heading, NULL, -1);
          gtk_frame_set_child (GTK_FRAME (frame), scrolled_text_new (view));
          gtk_widget_add_css_class (frame, "view");
          gtk_box_append (GTK_BOX (box), heading);
          gtk_box_append (GTK_BOX (box), frame);
          g_signal_connect_swapped (buffer, "changed",
                                    G_CALLBACK (_sem_field_editor_changed_cb), fe);
          if (variant)
            fe->buffer_bg = buffer;
          else
            fe->buffer = buffer;
        }
      adw_preferences_group_add (group, box);
      return;
    }

  {
    AdwEntryRow *row = entry_row_new (fe, english, g_value_get_string (&en));
    AdwEntryRow *row_bg = entry_row_new (fe, bulgarian, g_value_get_string (&bg));

    fe->entry = GTK_EDITABLE (row);
    fe->entry_bg = GTK_EDITABLE (row_bg);
    fe->row = GTK_WIDGET (row);
    add_error_icon (fe, row);
    adw_preferences_group_add (group, GTK_WIDGET (row));
    adw_preferences_group_add (group, GTK_WIDGET (row_bg));
  }
}

static void
build_string (SemFieldEditor      *fe,
              AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;

  _sem_field_editor_get_start_value (fe, 0, &start);

  if (fe->flags & PRES_MULTILINE)
    {
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      const char *text = g_value_get_string (&start);

      adw_preferences_group_set_title (group, fe->label);
      fe->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      gtk_text_buffer_set_text (fe->buffer, text != NULL ? text : "", -1);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      label_widget (view, fe->label);
      gtk_frame_set_child (GTK_FRAME (frame), scrolled_text_new (view));
      gtk_widget_add_css_class (frame, "view");
      g_signal_connect_swapped (fe->buffer, "changed",
                                G_CALLBACK (_sem_field_editor_changed_cb), fe);
      adw_preferences_group_add (group, frame);
      return;
    }

  {
    AdwEntryRow *row = entry_row_new (fe, fe->label, g_value_get_string (&start));

    if (fe->flags & PRES_EMAIL)
      adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_EMAIL);
    else if (fe->flags & PRES_URL)
      adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_URL);
    else if (fe->flags & PRES_PHONE)
      adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_PHONE);
    fe->entry = GTK_EDITABLE (row);
    fe->row = GTK_WIDGET (row);
    add_error_icon (fe, row);
    adw_preferences_group_add (group, GTK_WIDGET (row));
  }
}

static void
build_date (SemFieldEditor      *fe,
            AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = sem_date_button_new (fe->label, !(fe->field->flags & SEM_FIELD_REQUIRED));

  _sem_field_editor_get_start_value (fe, 0, &start);
  fe->date = SEM_DATE_BUTTON (button);
  fe->row = row;
  sem_date_button_set_date (fe->date, g_value_get_string (&start));
  g_signal_connect_swapped (button, "notify::date", G_CALLBACK (_sem_field_editor_changed_cb), fe);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fe->label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row),
                                         sem_date_button_get_menu_button (fe->date));
  adw_preferences_group_add (group, row);
}

static GtkWidget *
small_entry_new (SemFieldEditor *fe,
                 int             chars,
                 const char     *placeholder,
                 const char     *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), chars);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  label_widget (entry, name);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (_sem_field_editor_changed_cb), fe);
  return entry;
}

static void
build_instant (SemFieldEditor      *fe,
               AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  g_autoptr(GTimeZone) tz = _sem_entity_editor_dup_timezone (fe->editor);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *date_name = g_strdup_printf (C_("accessible", "%s, day"), fe->label);
  g_autofree char *time_name = g_strdup_printf (C_("accessible", "%s, time"), fe->label);
  GtkWidget *date = small_entry_new (fe, 10, C_("date placeholder", "YYYY-MM-DD"), date_name);
  GtkWidget *time = small_entry_new (fe, 5, C_("time placeholder", "HH:MM"), time_name);

  _sem_field_editor_get_start_value (fe, 0, &start);
  if (g_value_get_int64 (&start) != 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (g_value_get_int64 (&start));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
      g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");
      g_autofree char *hm = g_date_time_format (local, "%H:%M");

      gtk_editable_set_text (GTK_EDITABLE (date), day);
      gtk_editable_set_text (GTK_EDITABLE (time), hm);
    }

  fe->entry = GTK_EDITABLE (date);
  fe->time_entry = GTK_EDITABLE (time);
  fe->row = row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fe->label);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), calendar_button_new (fe->entry, fe->label));
  gtk_box_append (GTK_BOX (box), time);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (group, row);
}

static void
build_int (SemFieldEditor      *fe,
           AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  GtkWidget *row = adw_action_row_new ();

  _sem_field_editor_get_start_value (fe, 0, &start);
  fe->spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100000, 1));
  gtk_spin_button_set_value (fe->spin, g_value_get_int (&start));
  gtk_spin_button_set_numeric (fe->spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (fe->spin), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (fe->spin), 6);
  label_widget (GTK_WIDGET (fe->spin), fe->label);
  g_signal_connect_swapped (fe->spin, "value-changed",
                            G_CALLBACK (_sem_field_editor_changed_cb), fe);
  fe->row = row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fe->label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (fe->spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (fe->spin));
  adw_preferences_group_add (group, row);
}

static void
build_bool (SemFieldEditor      *fe,
            AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  GtkWidget *row = adw_action_row_new ();

  _sem_field_editor_get_start_value (fe, 0, &start);
  fe->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (fe->toggle, g_value_get_boolean (&start));
  gtk_widget_set_valign (GTK_WIDGET (fe->toggle), GTK_ALIGN_CENTER);
  label_widget (GTK_WIDGET (fe->toggle), fe->label);
  g_signal_connect_swapped (fe->toggle, "notify::active",
                            G_CALLBACK (_sem_field_editor_changed_cb), fe);
  fe->row = row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fe->label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (fe->toggle));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (fe->toggle));
  adw_preferences_group_add (group, row);
}

static GtkSpinButton *
geo_spin_new (SemFieldEditor *fe,
              AdwExpanderRow *expander,
              const char     *title,
              double          limit,
              double          value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (-limit, limit, 0.0001);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 4);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  label_widget (spin, title);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (_sem_field_editor_changed_cb), fe);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_expander_row_add_row (expander, row);
  return GTK_SPIN_BUTTON (spin);
}

static void
build_geo (SemFieldEditor      *fe,
           AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  const SemGeo *geo;

  _sem_field_editor_get_start_value (fe, 0, &start);
  geo = g_value_get_boxed (&start);
  fe->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fe->expander), fe->label);
  adw_expander_row_set_show_enable_switch (fe->expander, TRUE);
  adw_expander_row_set_enable_expansion (fe->expander, geo != NULL);
  fe->spin = geo_spin_new (fe, fe->expander, _("Latitude"), 90, geo != NULL ? geo->latitude : 0);
  fe->spin_b = geo_spin_new (fe, fe->expander, _("Longitude"), 180, geo != NULL ? geo->longitude : 0);
  g_signal_connect_swapped (fe->expander, "notify::enable-expansion",
                            G_CALLBACK (_sem_field_editor_changed_cb), fe);
  adw_preferences_group_add (group, GTK_WIDGET (fe->expander));
}

static void
build_strv (SemFieldEditor      *fe,
            AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  g_autofree char *text = NULL;
  char **strv;
  AdwEntryRow *row;

  _sem_field_editor_get_start_value (fe, 0, &start);
  strv = g_value_get_boxed (&start);
  text = strv != NULL ? g_strjoinv (", ", strv) : g_strdup ("");
  row = entry_row_new (fe, fe->label, text);
  fe->entry = GTK_EDITABLE (row);
  fe->row = GTK_WIDGET (row);
  add_error_icon (fe, row);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), _("Separate the items with commas"));
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

static gint64
read_instant (SemFieldEditor *fe,
              gboolean       *valid)
{
  g_autofree char *day = editable_text (fe->entry);
  g_autofree char *hm = editable_text (fe->time_entry);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d, h, min;

  *valid = TRUE;
  if (*day == '\0' && *hm == '\0')
    return 0;
  if (!parse_date (day, &y, &m, &d) || !parse_time (hm, &h, &min))
    {
      *valid = FALSE;
      return 0;
    }
  tz = _sem_entity_editor_dup_timezone (fe->editor);
  dt = g_date_time_new (tz, y, m, d, h, min, 0);
  if (dt == NULL)
    {
      *valid = FALSE;
      return 0;
    }
  return g_date_time_to_unix (dt);
}

static char **
read_strv (SemFieldEditor *fe)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (fe->entry), ",", -1);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_ptr_array_add (result, g_strdup (parts[i]));
    }
  if (result->len == 0)
    return NULL;
  g_ptr_array_add (result, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&result), FALSE);
}

/* The value of @variant as the rows show it now; @value is initialised to
 * the property's type. Invalid input reads as unset. */
void
_sem_field_editor_read (SemFieldEditor *fe,
                        guint           variant,
                        GValue         *value)
{
  switch (fe->field->kind)
    {
    case SEM_FIELD_TEXT:
      {
        g_autofree char *text = NULL;

        if (fe->flags & PRES_MULTILINE)
          text = buffer_text (variant ? fe->buffer_bg : fe->buffer);
        else
          text = editable_text (variant ? fe->entry_bg : fe->entry);
        g_value_set_string (value, *text != '\0' ? text : NULL);
        break;
      }
    case SEM_FIELD_STRING:
    case SEM_FIELD_DATE:
    case SEM_FIELD_REF:
      {
        const char *text = _sem_field_editor_get_string (fe);

        g_value_set_string (value, str_empty (text) ? NULL : text);
        break;
      }
    case SEM_FIELD_INSTANT:
      {
        gboolean valid;

        g_value_set_int64 (value, read_instant (fe, &valid));
        break;
      }
    case SEM_FIELD_INT:
      g_value_set_int (value, gtk_spin_button_get_value_as_int (fe->spin));
      break;
    case SEM_FIELD_BOOL:
      g_value_set_boolean (value, gtk_switch_get_active (fe->toggle));
      break;
    case SEM_FIELD_ENUM:
    case SEM_FIELD_FLAGS:
    case SEM_FIELD_REFS:
    case SEM_FIELD_PAIRS:
      _sem_field_editor_read_choice (fe, value);
      break;
    case SEM_FIELD_GEO:
      if (adw_expander_row_get_enable_expansion (fe->expander))
        g_value_take_boxed (value, sem_geo_new (gtk_spin_button_get_value (fe->spin),
                                                gtk_spin_button_get_value (fe->spin_b)));
      else
        g_value_set_boxed (value, NULL);
      break;
    case SEM_FIELD_STRV:
      g_value_take_boxed (value, read_strv (fe));
      break;
    case SEM_FIELD_CHILDREN:
    default:
      g_assert_not_reached ();
    }
}

/* The current text of a STRING or timezone field, a DATE's day, or a REF's id. */
const char *
_sem_field_editor_get_string (SemFieldEditor *fe)
{
  if (fe->flags & PRES_TIMEZONE)
    return fe->tz;
  if (fe->field->kind == SEM_FIELD_REF)
    {
      guint selected = adw_combo_row_get_selected (fe->combo);

      return selected < fe->ids->len ? g_ptr_array_index (fe->ids, selected) : NULL;
    }
  if (fe->date != NULL)
    return sem_date_button_get_date (fe->date);
  if (fe->buffer != NULL)
    {
      /* Kept until the next call, like the entries' texts. */
      g_object_set_data_full (G_OBJECT (fe->buffer), "sem-text", buffer_text (fe->buffer), g_free);
      return g_object_get_data (G_OBJECT (fe->buffer), "sem-text");
    }
  if (fe->entry != NULL)
    {
      g_object_set_data_full (G_OBJECT (fe->entry), "sem-text", editable_text (fe->entry), g_free);
      return g_object_get_data (G_OBJECT (fe->entry), "sem-text");
    }
  return NULL;
}

/* Orders two INSTANT or two DATE fields; 0 when either is unset. */
int
_sem_field_editor_compare (SemFieldEditor *a,
                           SemFieldEditor *b)
{
  if (a->field->kind == SEM_FIELD_INSTANT && b->field->kind == SEM_FIELD_INSTANT)
    {
      gboolean valid_a, valid_b;
      gint64 ta = read_instant (a, &valid_a);
      gint64 tb = read_instant (b, &valid_b);

      if (ta == 0 || tb == 0)
        return 0;
      /* A session must end after it starts, not at the same time. */
      return ta >= tb ? 1 : -1;
    }
  else
    {
      g_autofree char *sa = g_strdup (_sem_field_editor_get_string (a));
      const char *sb = _sem_field_editor_get_string (b);

      if (str_empty (sa) || str_empty (sb))
        return 0;
      return strcmp (sa, sb);
    }
}

/* ------------------------------------------------------------------ */
/* Checking                                                            */

/* The timezone row offers only these, but the entity may have come with another. */
static gboolean
timezone_known (const char *tz)
{
  char **names = _sem_timezone_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], tz))
      return TRUE;
  return FALSE;
}

static const char *
check_string (SemFieldEditor *fe,
              const char     *text)
{
  if (fe->flags & PRES_EMAIL)
    {
      const char *at = strchr (text, '@');

      if (at == NULL || at == text || at[1] == '\0' || strchr (at + 1, '@') != NULL ||
          strpbrk (text, " \t,;") != NULL)
        return _("Not an email address");
    }
  else if (fe->flags & PRES_URL)
    {
      if ((!g_str_has_prefix (text, "https://") && !g_str_has_prefix (text, "http://")) ||
          strpbrk (text, " \t") != NULL || strlen (text) <= strlen ("https://"))
        return _("Begins with https:// or http://");
    }
  else if (fe->flags & PRES_COUNTRY)
    {
      if (strlen (text) != 2 || !g_ascii_isupper (text[0]) || !g_ascii_isupper (text[1]))
        return _("Two capital letters, as in BG or BE");
    }
  else if (fe->flags & PRES_LANGUAGE)
    {
      gsize len = strlen (text);

      if (len < 2 || len > 3)
        return _("A language code, as in bg or en");
      for (const char *p = text; *p != '\0'; p++)
        if (!g_ascii_islower (*p))
          return _("A language code, as in bg or en");
    }
  else if (fe->flags & PRES_PHONE)
    {
      for (const char *p = text; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p) && strchr (" +-()/.", *p) == NULL)
          return _("Digits, spaces and + - ( ) only");
    }
  else if (fe->flags & PRES_TIMEZONE)
    {
      if (!timezone_known (text))
        return _("Not a timezone this program knows");
    }
  return NULL;
}

void
_sem_field_editor_validate (SemFieldEditor *fe)
{
  gboolean required = (fe->field->flags & SEM_FIELD_REQUIRED) != 0;
  const char *error = NULL;
  gboolean quiet = FALSE;

  switch (fe->field->kind)
    {
    case SEM_FIELD_TEXT:
      if (required)
        {
          g_auto(GValue) en = G_VALUE_INIT;
          g_auto(GValue) bg = G_VALUE_INIT;

          g_value_init (&en, G_TYPE_STRING);
          g_value_init (&bg, G_TYPE_STRING);
          _sem_field_editor_read (fe, 0, &en);
          _sem_field_editor_read (fe, 1, &bg);
          if (str_empty (g_value_get_string (&en)) && str_empty (g_value_get_string (&bg)))
            {
              error = _("Fill this in, in at least one language");
              quiet = TRUE;
            }
        }
      break;
    case SEM_FIELD_STRING:
    case SEM_FIELD_DATE:
    case SEM_FIELD_REF:
      {
        const char *text = _sem_field_editor_get_string (fe);
        int y, m, d;

        if (str_empty (text))
          {
            if (required)
              {
                error = _("Fill this in");
                quiet = TRUE;
              }
          }
        else if (fe->field->kind == SEM_FIELD_DATE && !parse_date (text, &y, &m, &d))
          error = _("Use the form YYYY-MM-DD, as in 2018-02-20");
        else if (fe->field->kind == SEM_FIELD_REF &&
                 sem_plan_lookup (_sem_entity_editor_get_plan (fe->editor), fe->field->target, text) == NULL)
          error = _("Refers to something no longer in the plan");
        else if (fe->field->kind == SEM_FIELD_STRING)
          error = check_string (fe, text);
        break;
      }
    case SEM_FIELD_INSTANT:
      {
        g_autofree char *day = editable_text (fe->entry);
        g_autofree char *hm = editable_text (fe->time_entry);
        int y, m, d, h, min;

        if (*day == '\0' && *hm == '\0')
          {
            if (required)
              {
                error = _("Fill this in");
                quiet = TRUE;
              }
          }
        else if (!parse_date (day, &y, &m, &d))
          error = _("Use the form YYYY-MM-DD, as in 2018-02-20");
        else if (!parse_time (hm, &h, &min))
          error = _("Use 24-hour time, as in 09:30");
        break;
      }
    case SEM_FIELD_INT:
    case SEM_FIELD_BOOL:
    case SEM_FIELD_ENUM:
    case SEM_FIELD_FLAGS:
    case SEM_FIELD_GEO:
    case SEM_FIELD_STRV:
    case SEM_FIELD_REFS:
    case SEM_FIELD_PAIRS:
    case SEM_FIELD_CHILDREN:
    default:
      break;
    }

  if (fe->field->kind == SEM_FIELD_INSTANT)
    {
      /* The group says which timezone its times are in. */
      g_autoptr(GTimeZone) tz = _sem_entity_editor_dup_timezone (fe->editor);
      g_autofree char *where = g_strdup_printf (_("Times in %s"), g_time_zone_get_identifier (tz));

      g_strdelimit (where, "_", ' ');
      adw_preferences_group_set_description (fe->group, where);
    }

  _sem_field_editor_set_error (fe, error, !quiet);
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

SemFieldEditor *
_sem_field_editor_new (SemEntityEditor     *editor,
                       AdwPreferencesGroup *group,
                       const SemFieldInfo  *field,
                       const char          *label,
                       SemFieldPresFlags    flags)
{
  SemFieldEditor *fe = g_new0 (SemFieldEditor, 1);

  fe->editor = editor;
  fe->field = field;
  fe->label = g_strdup (label);
  fe->flags = flags;
  fe->group = group;
  fe->checks = g_ptr_array_new ();
  fe->check_values = g_ptr_array_new_with_free_func (g_free);
  fe->count_rows = g_ptr_array_new ();

  switch (field->kind)
    {
    case SEM_FIELD_TEXT:
      build_text (fe, group);
      break;
    case SEM_FIELD_STRING:
      if (flags & PRES_TIMEZONE)
        _sem_field_editor_build_timezone (fe, group);
      else
        build_string (fe, group);
      break;
    case SEM_FIELD_DATE:
      build_date (fe, group);
      break;
    case SEM_FIELD_INSTANT:
      build_instant (fe, group);
      break;
    case SEM_FIELD_INT:
      build_int (fe, group);
      break;
    case SEM_FIELD_BOOL:
      build_bool (fe, group);
      break;
    case SEM_FIELD_GEO:
      build_geo (fe, group);
      break;
    case SEM_FIELD_ENUM:
    case SEM_FIELD_FLAGS:
    case SEM_FIELD_REF:
    case SEM_FIELD_REFS:
    case SEM_FIELD_PAIRS:
      _sem_field_editor_build_choice (fe, group);
      break;
    case SEM_FIELD_STRV:
      build_strv (fe, group);
      break;
    case SEM_FIELD_CHILDREN:
    default:
      g_assert_not_reached ();
    }

  _sem_field_editor_update_counts (fe);
  return fe;
}

void
_sem_field_editor_free (SemFieldEditor *fe)
{
  g_free (fe->label);
  g_free (fe->subtitle);
  g_free (fe->error);
  g_clear_pointer (&fe->ids, g_ptr_array_unref);
  g_clear_pointer (&fe->checks, g_ptr_array_unref);
  g_clear_pointer (&fe->check_values, g_ptr_array_unref);
  g_clear_pointer (&fe->pair_combos, g_ptr_array_unref);
  g_clear_pointer (&fe->pair_ids, g_ptr_array_unref);
  g_clear_pointer (&fe->count_rows, g_ptr_array_unref);
  g_clear_pointer (&fe->member_rows, g_ptr_array_unref);
  g_clear_pointer (&fe->seconds, g_ptr_array_unref);
  g_clear_pointer (&fe->original, g_strfreev);
  g_clear_pointer (&fe->enum_class, g_type_class_unref);
  g_clear_pointer (&fe->flags_class, g_type_class_unref);
  g_free (fe->tz);
  g_free (fe->tz_query);
  g_clear_object (&fe->tz_filter);
  g_clear_object (&fe->tz_model);
  g_free (fe);
}

const SemFieldInfo *
_sem_field_editor_get_field (SemFieldEditor *fe)
{
  return fe->field;
}
