/* sem-entity-editor-fields.c — the rows of one field in the entity editor
 *
 * Each kind of field (sem-entity.h) has its widgets here: how they are
 * built from the starting value, read back into a GValue, and checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-entity-editor"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sem-entity-editor-private.h"
#include "sem-ical.h"
#include "sem-session.h"

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
  GtkFilter           *tz_filter;
  GtkFilterListModel  *tz_model;
};

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
static void
get_start_value (SemFieldEditor *fe,
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

/* Translated names for the values the model does not name itself. */
static const char *
enum_label (GType type,
            int   value)
{
  if (type == SEM_TYPE_AUDIENCE)
    {
      switch ((SemAudience) value)
        {
        case SEM_AUDIENCE_ALL: return C_("audience", "Everyone");
        case SEM_AUDIENCE_DELEGATIONS: return C_("audience", "Chosen delegations");
        case SEM_AUDIENCE_ROLES: return C_("audience", "Cities with chosen roles");
        default: break;
        }
    }
  else if (type == SEM_TYPE_PERSON_ROLE)
    {
      switch ((SemPersonRole) value)
        {
        case SEM_PERSON_ROLE_DELEGATE: return C_("person role", "Delegate");
        case SEM_PERSON_ROLE_EXPERT: return C_("person role", "Expert");
        case SEM_PERSON_ROLE_MENTOR: return C_("person role", "Mentor");
        case SEM_PERSON_ROLE_STAFF: return C_("person role", "Staff");
        case SEM_PERSON_ROLE_NONE:
        default: break;
        }
      return sem_enum_to_nick (type, value);
    }
  return sem_enum_to_label (type, value);
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
/* Timezones                                                           */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
timezone_known (const char *tz)
{
  char **names = _sem_timezone_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], tz))
      return TRUE;
  return FALSE;
}

/**
 * _sem_timezone_names:
 *
 * Returns: (transfer none): the IANA zones libical knows, sorted; read once
 */
char **
_sem_timezone_names (void)
{
  static gsize initialised = 0;
  static char **names = NULL;

  if (g_once_init_enter (&initialised))
    {
      g_autoptr(GPtrArray) list = g_ptr_array_new ();
      icalarray *zones;

      sem_ical_lock ();
      zones = icaltimezone_get_builtin_timezones ();
      for (size_t i = 0; zones != NULL && i < zones->num_elements; i++)
        {
          icaltimezone *zone = icalarray_element_at (zones, i);
          const char *location = icaltimezone_get_location (zone);

          if (location != NULL && *location != '\0')
            g_ptr_array_add (list, g_strdup (location));
        }
      sem_ical_unlock ();

      g_ptr_array_add (list, g_strdup ("UTC"));
      g_ptr_array_sort (list, compare_strings);
      g_ptr_array_add (list, NULL);
      names = (char **) g_ptr_array_free (g_steal_pointer (&list), FALSE);
      g_once_init_leave (&initialised, 1);
    }
  return names;
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

static void
update_counts (SemFieldEditor *fe)
{
  for (guint i = 0; fe->count_rows != NULL && i < fe->count_rows->len; i++)
    {
      AdwExpanderRow *expander = g_ptr_array_index (fe->count_rows, i);
      guint n = 0;

      for (guint c = 0; c < fe->checks->len; c++)
        if (g_object_get_data (g_ptr_array_index (fe->checks, c), "sem-expander") == expander &&
            gtk_check_button_get_active (g_ptr_array_index (fe->checks, c)))
          n++;
      for (guint c = 0; fe->pair_combos != NULL && c < fe->pair_combos->len; c++)
        if (adw_combo_row_get_selected (g_ptr_array_index (fe->pair_combos, c)) > 0)
          n++;

      if (n == 0)
        adw_expander_row_set_subtitle (expander, C_("chosen items", "None"));
      else
        {
          g_autofree char *text = g_strdup_printf (ngettext ("%u chosen", "%u chosen", n), n);

          adw_expander_row_set_subtitle (expander, text);
        }
    }
}

static void
changed_cb (SemFieldEditor *fe)
{
  fe->touched = TRUE;
  update_counts (fe);
  _sem_entity_editor_field_changed (fe->editor, fe);
  _sem_entity_editor_validate (fe->editor);
}

/* A tick in a hidden checklist (a member taken off) counts for nothing. */
static gboolean
check_ticked (GtkCheckButton *check)
{
  GtkWidget *expander = g_object_get_data (G_OBJECT (check), "sem-expander");

  return gtk_check_button_get_active (check) && (expander == NULL || gtk_widget_get_visible (expander));
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
  g_signal_connect_swapped (row, "changed", G_CALLBACK (changed_cb), fe);
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

  get_start_value (fe, 0, &en);
  get_start_value (fe, 1, &bg);
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
          g_signal_connect_swapped (buffer, "changed", G_CALLBACK (changed_cb), fe);
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
tz_filter_changed_cb (SemFieldEditor *fe,
                      GtkEditable    *search)
{
  g_autofree char *query = g_utf8_casefold (gtk_editable_get_text (search), -1);

  g_strdelimit (query, "_", ' ');
  g_free (fe->tz_query);
  fe->tz_query = g_strstrip (g_steal_pointer (&query));
  gtk_filter_changed (fe->tz_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
tz_match (gpointer item,
          gpointer user_data)
{
  SemFieldEditor *fe = user_data;
  g_autofree char *name = NULL;

  if (str_empty (fe->tz_query))
    return TRUE;
  name = g_utf8_casefold (gtk_string_object_get_string (item), -1);
  g_strdelimit (name, "_", ' ');
  return strstr (name, fe->tz_query) != NULL;
}

static void
set_timezone (SemFieldEditor *fe,
              const char     *tz)
{
  g_free (fe->tz);
  fe->tz = g_strdup (tz);
  g_free (fe->subtitle);
  fe->subtitle = g_strdup (str_empty (tz) ? C_("timezone", "Not set") : tz);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (fe->row), fe->subtitle);
}

static void
tz_activate_cb (SemFieldEditor *fe,
                guint           position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (fe->tz_model), position);

  if (item == NULL)
    return;
  set_timezone (fe, gtk_string_object_get_string (item));
  gtk_popover_popdown (fe->tz_popover);
  changed_cb (fe);
}

static void
tz_search_activate_cb (SemFieldEditor *fe)
{
  tz_activate_cb (fe, 0);
}

static void
tz_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
tz_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  g_autofree char *text = g_strdup (gtk_string_object_get_string (gtk_list_item_get_item (item)));

  /* People read "New York", the zone is New_York. */
  g_strdelimit (text, "_", ' ');
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
build_timezone (SemFieldEditor      *fe,
                AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkStringList *names = gtk_string_list_new ((const char * const *) _sem_timezone_names ());
  GtkSingleSelection *selection;

  get_start_value (fe, 0, &start);
  fe->row = row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fe->label);
  set_timezone (fe, g_value_get_string (&start));

  fe->tz_filter = GTK_FILTER (gtk_custom_filter_new (tz_match, fe, NULL));
  fe->tz_model = gtk_filter_list_model_new (G_LIST_MODEL (names), g_object_ref (fe->tz_filter));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (fe->tz_model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  g_signal_connect (factory, "setup", G_CALLBACK (tz_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (tz_bind_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_widget_set_name (list, "timezone-list");
  label_widget (list, _("Timezones"));
  g_signal_connect_swapped (list, "activate", G_CALLBACK (tz_activate_cb), fe);

  gtk_widget_set_name (search, "timezone-search");
  g_object_set (search, "placeholder-text", _("Search timezones"), NULL);
  label_widget (search, _("Search timezones"));
  g_signal_connect_swapped (search, "changed", G_CALLBACK (tz_filter_changed_cb), fe);
  g_signal_connect_swapped (search, "activate", G_CALLBACK (tz_search_activate_cb), fe);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scrolled);

  fe->tz_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (fe->tz_popover, box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (fe->tz_popover));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  label_widget (button, _("Choose a Timezone"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
}

static void
build_string (SemFieldEditor      *fe,
              AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;

  get_start_value (fe, 0, &start);

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
      g_signal_connect_swapped (fe->buffer, "changed", G_CALLBACK (changed_cb), fe);
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

  get_start_value (fe, 0, &start);
  fe->date = SEM_DATE_BUTTON (button);
  fe->row = row;
  sem_date_button_set_date (fe->date, g_value_get_string (&start));
  g_signal_connect_swapped (button, "notify::date", G_CALLBACK (changed_cb), fe);
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
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (changed_cb), fe);
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

  get_start_value (fe, 0, &start);
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

  get_start_value (fe, 0, &start);
  fe->spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100000, 1));
  gtk_spin_button_set_value (fe->spin, g_value_get_int (&start));
  gtk_spin_button_set_numeric (fe->spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (fe->spin), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (fe->spin), 6);
  label_widget (GTK_WIDGET (fe->spin), fe->label);
  g_signal_connect_swapped (fe->spin, "value-changed", G_CALLBACK (changed_cb), fe);
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

  get_start_value (fe, 0, &start);
  fe->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (fe->toggle, g_value_get_boolean (&start));
  gtk_widget_set_valign (GTK_WIDGET (fe->toggle), GTK_ALIGN_CENTER);
  label_widget (GTK_WIDGET (fe->toggle), fe->label);
  g_signal_connect_swapped (fe->toggle, "notify::active", G_CALLBACK (changed_cb), fe);
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
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (changed_cb), fe);
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

  get_start_value (fe, 0, &start);
  geo = g_value_get_boxed (&start);
  fe->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fe->expander), fe->label);
  adw_expander_row_set_show_enable_switch (fe->expander, TRUE);
  adw_expander_row_set_enable_expansion (fe->expander, geo != NULL);
  fe->spin = geo_spin_new (fe, fe->expander, _("Latitude"), 90, geo != NULL ? geo->latitude : 0);
  fe->spin_b = geo_spin_new (fe, fe->expander, _("Longitude"), 180, geo != NULL ? geo->longitude : 0);
  g_signal_connect_swapped (fe->expander, "notify::enable-expansion", G_CALLBACK (changed_cb), fe);
  adw_preferences_group_add (group, GTK_WIDGET (fe->expander));
}

static void
build_enum (SemFieldEditor      *fe,
            AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  get_start_value (fe, 0, &start);
  fe->enum_class = g_type_class_ref (fe->field->type_func ());
  for (guint i = 0; i < fe->enum_class->n_values; i++)
    gtk_string_list_append (labels, enum_label (fe->field->type_func (),
                                                fe->enum_class->values[i].value));

  fe->combo = ADW_COMBO_ROW (adw_combo_row_new ());
  fe->row = GTK_WIDGET (fe->combo);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fe->combo), fe->label);
  adw_combo_row_set_model (fe->combo, G_LIST_MODEL (labels));
  for (guint i = 0; i < fe->enum_class->n_values; i++)
    if (fe->enum_class->values[i].value == g_value_get_enum (&start))
      adw_combo_row_set_selected (fe->combo, i);
  g_signal_connect_swapped (fe->combo, "notify::selected", G_CALLBACK (changed_cb), fe);
  adw_preferences_group_add (group, GTK_WIDGET (fe->combo));
}

typedef struct
{
  char      *key;
  SemEntity *entity;
} SortEntry;

static int
compare_sort_entries (gconstpointer a,
                      gconstpointer b)
{
  return strcmp (((const SortEntry *) a)->key, ((const SortEntry *) b)->key);
}

/* The entities of @collection people can choose from, in the order they
 * read them: by name, sessions by time. Only those of @event when the
 * entities belong to events and @event is not NULL. */
static GPtrArray *
choices (SemFieldEditor *fe,
         SemCollection   collection,
         const char     *event)
{
  GListModel *model = sem_plan_get_collection (_sem_entity_editor_get_plan (fe->editor), collection);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), n);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      SemEntity *entity = g_list_model_get_item (model, i);
      SortEntry entry = { NULL, entity };

      if (event != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (entity), "event") != NULL)
        {
          g_autofree char *its_event = NULL;

          g_object_get (entity, "event", &its_event, NULL);
          if (g_strcmp0 (its_event, event) != 0)
            {
              g_object_unref (entity);
              continue;
            }
        }
      if (collection == SEM_COLLECTION_SESSIONS)
        entry.key = g_strdup_printf ("%020" G_GINT64_FORMAT, sem_session_get_start (SEM_SESSION (entity)));
      else
        entry.key = g_utf8_collate_key (_sem_entity_editor_display_name (_sem_entity_editor_get_plan (fe->editor), entity), -1);
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_sort_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      SortEntry *entry = &g_array_index (entries, SortEntry, i);

      g_ptr_array_add (result, entry->entity);
      g_free (entry->key);
    }
  return result;
}

/* The event the entity belongs to, as it started. */
static char *
dup_start_event (SemFieldEditor *fe)
{
  SemEntity *source = _sem_entity_editor_get_source (fe->editor);
  char *event = NULL;

  if (source != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (source), "event") != NULL)
    g_object_get (source, "event", &event, NULL);
  return event;
}

/* Fills the combo with the choices, "None" first when @with_none, and
 * selects @current; one the plan lacks stays, to say it is missing. */
static void
fill_ref (SemFieldEditor *fe,
          const char     *current,
          gboolean        with_none)
{
  SemPlan *plan = _sem_entity_editor_get_plan (fe->editor);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) entities = choices (fe, fe->field->target, NULL);
  guint selected = 0;

  g_clear_pointer (&fe->ids, g_ptr_array_unref);
  fe->ids = g_ptr_array_new_with_free_func (g_free);

  if (with_none)
    {
      gtk_string_list_append (labels, C_("reference", "None"));
      g_ptr_array_add (fe->ids, NULL);
    }
  for (guint i = 0; i < entities->len; i++)
    {
      SemEntity *entity = g_ptr_array_index (entities, i);

      if (g_strcmp0 (sem_entity_get_id (entity), current) == 0)
        selected = fe->ids->len;
      gtk_string_list_append (labels, _sem_entity_editor_display_name (plan, entity));
      g_ptr_array_add (fe->ids, g_strdup (sem_entity_get_id (entity)));
    }
  if (!str_empty (current) && sem_plan_lookup (plan, fe->field->target, current) == NULL)
    {
      /* Keep showing what it refers to, and say it is missing. */
      selected = fe->ids->len;
      gtk_string_list_append (labels, current);
      g_ptr_array_add (fe->ids, g_strdup (current));
    }

  g_signal_handlers_block_by_func (fe->combo, changed_cb, fe);
  adw_combo_row_set_model (fe->combo, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (fe->combo, selected);
  g_signal_handlers_unblock_by_func (fe->combo, changed_cb, fe);
}

/* Which reference row a nested editor creates the value of. */
typedef struct
{
  SemEntityEditor *editor;  /* owned */
  char            *field;
} NewRefData;

static void
new_ref_data_free (gpointer  data,
                   GClosure *closure)
{
  NewRefData *d = data;

  g_object_unref (d->editor);
  g_free (d->field);
  g_free (d);
}

/* The nested editor closes: saved, its new entity becomes the value. The
 * row is looked up again, as the editor may have gone meanwhile. */
static gboolean
new_ref_close_request_cb (SemEntityEditor *nested,
                          NewRefData      *data)
{
  SemFieldEditor *fe = _sem_entity_editor_find_field (data->editor, data->field);
  SemEntity *created = sem_entity_editor_get_entity (nested);
  const char *id;

  if (fe == NULL || created == NULL)
    return GDK_EVENT_PROPAGATE;
  id = sem_entity_get_id (created);
  if (sem_plan_lookup (_sem_entity_editor_get_plan (fe->editor), fe->field->target, id) != created)
    return GDK_EVENT_PROPAGATE;

  fill_ref (fe, id, fe->ids->len > 0 && g_ptr_array_index (fe->ids, 0) == NULL);
  changed_cb (fe);
  return GDK_EVENT_PROPAGATE;
}

static void
new_ref_clicked_cb (SemFieldEditor *fe)
{
  SemEntityEditor *nested;
  NewRefData *data = g_new0 (NewRefData, 1);

  nested = sem_entity_editor_new_create (GTK_WINDOW (fe->editor), _sem_entity_editor_get_plan (fe->editor),
                                         fe->field->target, NULL);
  data->editor = g_object_ref (fe->editor);
  data->field = g_strdup (fe->field->name);
  g_signal_connect_data (nested, "close-request", G_CALLBACK (new_ref_close_request_cb), data,
                         new_ref_data_free, 0);
  gtk_window_present (GTK_WINDOW (nested));
}

static void
build_ref (SemFieldEditor      *fe,
           AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  const char *current;
  const char *new_label = _sem_entity_editor_new_button_label (fe->field->target);
  GtkWidget *button;

  get_start_value (fe, 0, &start);
  current = g_value_get_string (&start);

  fe->combo = ADW_COMBO_ROW (adw_combo_row_new ());
  fe->row = GTK_WIDGET (fe->combo);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fe->combo), fe->label);
  /* The name chosen, often long, goes under the title (as the timezone's
   * does): beside it, in a narrow window, it squeezed the title into
   * breaking mid-word. */
  adw_combo_row_set_expression (fe->combo, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_use_subtitle (fe->combo, TRUE);
  fill_ref (fe, current, !(fe->field->flags & SEM_FIELD_REQUIRED) || str_empty (current));
  g_signal_connect_swapped (fe->combo, "notify::selected", G_CALLBACK (changed_cb), fe);

  /* What is not there yet can be made on the spot. */
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, new_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, new_label, -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (new_ref_clicked_cb), fe);
  adw_action_row_add_suffix (ADW_ACTION_ROW (fe->combo), button);

  adw_preferences_group_add (group, GTK_WIDGET (fe->combo));
}

static void
add_check_row (SemFieldEditor *fe,
               GtkWidget      *parent,
               const char     *title,
               const char     *subtitle,
               const char     *value,
               gboolean        active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  label_widget (check, title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (changed_cb), fe);

  if (ADW_IS_EXPANDER_ROW (parent))
    {
      adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
      g_object_set_data (G_OBJECT (check), "sem-expander", parent);
    }
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);

  g_ptr_array_add (fe->checks, check);
  g_ptr_array_add (fe->check_values, g_strdup (value));
}

static AdwExpanderRow *
counting_expander_new (SemFieldEditor      *fe,
                       AdwPreferencesGroup *group,
                       const char          *title)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (expander));
  g_ptr_array_add (fe->count_rows, expander);
  return expander;
}

static void
build_flags (SemFieldEditor      *fe,
             AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;

  get_start_value (fe, 0, &start);
  fe->flags_class = g_type_class_ref (fe->field->type_func ());
  for (guint i = 0; i < fe->flags_class->n_values; i++)
    {
      const GFlagsValue *value = &fe->flags_class->values[i];

      add_check_row (fe, GTK_WIDGET (group), enum_label (fe->field->type_func (), value->value), NULL,
                     value->value_nick, (g_value_get_flags (&start) & value->value) != 0);
    }
}

static void
build_refs (SemFieldEditor      *fe,
            AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  g_autofree char *event = dup_start_event (fe);
  g_autoptr(GPtrArray) entities = NULL;
  AdwExpanderRow *expander;

  get_start_value (fe, 0, &start);
  fe->original = g_strdupv (g_value_get_boxed (&start));
  entities = choices (fe, fe->field->target, event);
  expander = counting_expander_new (fe, group, fe->label);
  fe->row = GTK_WIDGET (expander);
  for (guint i = 0; i < entities->len; i++)
    {
      SemEntity *entity = g_ptr_array_index (entities, i);
      const char *id = sem_entity_get_id (entity);

      add_check_row (fe, GTK_WIDGET (expander), _sem_entity_editor_display_name (_sem_entity_editor_get_plan (fe->editor), entity), NULL, id,
                     fe->original != NULL && g_strv_contains ((const char * const *) fe->original, id));
    }
}

/* The checklist of @first: one check per entry of fe->seconds. */
static void
add_member_rows (SemFieldEditor *fe,
                 SemEntity      *first)
{
  SemPlan *plan = _sem_entity_editor_get_plan (fe->editor);
  g_autoptr(GTimeZone) tz = _sem_entity_editor_dup_timezone (fe->editor);
  AdwExpanderRow *expander = counting_expander_new (fe, fe->group,
                                                    _sem_entity_editor_display_name (plan, first));

  g_object_set_data_full (G_OBJECT (expander), "sem-id", g_strdup (sem_entity_get_id (first)), g_free);
  g_ptr_array_add (fe->member_rows, expander);

  for (guint s = 0; s < fe->seconds->len; s++)
    {
      SemEntity *second = g_ptr_array_index (fe->seconds, s);
      g_autofree char *pair = g_strconcat (sem_entity_get_id (first), ":", sem_entity_get_id (second), NULL);
      g_autofree char *when = NULL;

      if (SEM_IS_SESSION (second) && sem_session_get_start (SEM_SESSION (second)) != 0)
        {
          gint64 start = sem_session_get_start (SEM_SESSION (second));
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

          /* Translators: a session's day and start time, as in "Tue 20 Feb, 09:30" */
          when = g_date_time_format (local, C_("session time", "%a %-e %b, %H:%M"));
        }
      add_check_row (fe, GTK_WIDGET (expander), _sem_entity_editor_display_name (plan, second), when, pair,
                     fe->original != NULL && g_strv_contains ((const char * const *) fe->original, pair));
    }
}

/* Shows a checklist for each of @members and hides the others. A hidden
 * checklist keeps its ticks, so taking a member off and back on again
 * loses nothing; but it saves none (check_ticked()). New members' lists
 * come after the others, as the members row saves them. */
static void
sync_member_rows (SemFieldEditor     *fe,
                  const char * const *members)
{
  SemPlan *plan = _sem_entity_editor_get_plan (fe->editor);
  gboolean any = FALSE;

  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      SemEntity *member;
      gboolean has_rows = FALSE;

      for (guint r = 0; r < fe->member_rows->len && !has_rows; r++)
        has_rows = g_str_equal (g_object_get_data (g_ptr_array_index (fe->member_rows, r), "sem-id"),
                                members[i]);
      if (!has_rows && (member = sem_plan_lookup (plan, fe->field->target, members[i])) != NULL)
        add_member_rows (fe, member);
    }

  for (guint r = 0; r < fe->member_rows->len; r++)
    {
      GtkWidget *expander = g_ptr_array_index (fe->member_rows, r);
      const char *id = g_object_get_data (G_OBJECT (expander), "sem-id");
      gboolean member = members != NULL && g_strv_contains (members, id);

      gtk_widget_set_visible (expander, member);
      any = any || member;
    }
  gtk_widget_set_visible (fe->empty_row, !any);
  update_counts (fe);
}

static char **read_checked (SemFieldEditor *fe);

/* Keeps a PAIRS-of-ids field (a delegation's attendance) in step with the
 * members row while the person edits it, before Save. */
void
_sem_field_editor_follow (SemFieldEditor *fe,
                          SemFieldEditor *changed)
{
  g_auto(GStrv) members = NULL;

  if (fe->member_rows == NULL || changed->field->kind != SEM_FIELD_REFS ||
      !g_str_equal (changed->field->name, "members") || changed->field->target != fe->field->target)
    return;

  members = read_checked (changed);
  sync_member_rows (fe, (const char * const *) members);
}

static void
build_pairs (SemFieldEditor      *fe,
             AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  g_autofree char *event = dup_start_event (fe);
  g_autoptr(GPtrArray) firsts = NULL;

  get_start_value (fe, 0, &start);
  fe->original = g_strdupv (g_value_get_boxed (&start));

  if (fe->field->target_b == SEM_COLLECTION_NONE)
    {
      /* A role per entity: one choice each, "not taking part" first. */
      AdwExpanderRow *expander = counting_expander_new (fe, group, fe->label);

      fe->row = GTK_WIDGET (expander);
      fe->enum_class = g_type_class_ref (fe->field->type_func ());
      fe->pair_combos = g_ptr_array_new ();
      fe->pair_ids = g_ptr_array_new_with_free_func (g_free);
      firsts = choices (fe, fe->field->target, NULL);
      for (guint i = 0; i < firsts->len; i++)
        {
          SemEntity *entity = g_ptr_array_index (firsts, i);
          g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
          AdwComboRow *combo = ADW_COMBO_ROW (adw_combo_row_new ());
          g_autofree char *prefix = g_strconcat (sem_entity_get_id (entity), ":", NULL);

          gtk_string_list_append (labels, C_("role", "Not taking part"));
          for (guint v = 0; v < fe->enum_class->n_values; v++)
            gtk_string_list_append (labels, enum_label (fe->field->type_func (),
                                                        fe->enum_class->values[v].value));
          adw_combo_row_set_model (combo, G_LIST_MODEL (labels));
          adw_combo_row_set_selected (combo, 0);
          for (guint v = 0; v < fe->enum_class->n_values; v++)
            {
              g_autofree char *pair = g_strconcat (prefix, fe->enum_class->values[v].value_nick, NULL);

              if (fe->original != NULL && g_strv_contains ((const char * const *) fe->original, pair))
                adw_combo_row_set_selected (combo, v + 1);
            }
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _sem_entity_editor_display_name (_sem_entity_editor_get_plan (fe->editor), entity));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (combo), FALSE);
          g_signal_connect_swapped (combo, "notify::selected", G_CALLBACK (changed_cb), fe);
          adw_expander_row_add_row (expander, GTK_WIDGET (combo));
          g_ptr_array_add (fe->pair_combos, combo);
          g_ptr_array_add (fe->pair_ids, g_strdup (sem_entity_get_id (entity)));
        }
      return;
    }

  /* Pairs of ids (who attends what): a checklist per first member, for the
   * members the entity has (a delegation's) as the members row shows them
   * now, see _sem_field_editor_follow(). */
  {
    SemEntity *source = _sem_entity_editor_get_source (fe->editor);
    g_auto(GStrv) members = NULL;

    fe->member_rows = g_ptr_array_new ();
    fe->seconds = choices (fe, fe->field->target_b, event);
    fe->empty_row = adw_action_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fe->empty_row), _("No members yet"));
    gtk_widget_add_css_class (fe->empty_row, "dim-label");
    adw_preferences_group_add (group, fe->empty_row);

    if (source != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (source), "members") != NULL)
      g_object_get (source, "members", &members, NULL);
    sync_member_rows (fe, (const char * const *) members);
  }
}

static void
build_strv (SemFieldEditor      *fe,
            AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  g_autofree char *text = NULL;
  char **strv;
  AdwEntryRow *row;

  get_start_value (fe, 0, &start);
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

/* Keeps the starting order: what stays stays where it was, what is new
 * comes after, and what no row shows (another event's sessions) is kept. */
static char **
read_checked (SemFieldEditor *fe)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; fe->original != NULL && fe->original[i] != NULL; i++)
    {
      const char *item = fe->original[i];
      gboolean shown = FALSE;
      gboolean keep = TRUE;

      for (guint c = 0; c < fe->checks->len; c++)
        if (g_str_equal (g_ptr_array_index (fe->check_values, c), item))
          {
            shown = TRUE;
            keep = check_ticked (g_ptr_array_index (fe->checks, c));
            break;
          }
      for (guint c = 0; !shown && fe->pair_ids != NULL && c < fe->pair_ids->len; c++)
        {
          const char *id = g_ptr_array_index (fe->pair_ids, c);
          gsize len = strlen (id);

          if (strncmp (item, id, len) == 0 && item[len] == ':')
            {
              guint selected = adw_combo_row_get_selected (g_ptr_array_index (fe->pair_combos, c));

              shown = TRUE;
              keep = FALSE;
              if (selected > 0 && selected <= fe->enum_class->n_values)
                g_ptr_array_add (result, g_strconcat (id, ":",
                                                      fe->enum_class->values[selected - 1].value_nick,
                                                      NULL));
              break;
            }
        }
      if (keep)
        g_ptr_array_add (result, g_strdup (item));
    }

  for (guint c = 0; c < fe->checks->len; c++)
    {
      const char *value = g_ptr_array_index (fe->check_values, c);

      if (check_ticked (g_ptr_array_index (fe->checks, c)) &&
          (fe->original == NULL || !g_strv_contains ((const char * const *) fe->original, value)))
        g_ptr_array_add (result, g_strdup (value));
    }
  for (guint c = 0; fe->pair_combos != NULL && c < fe->pair_combos->len; c++)
    {
      const char *id = g_ptr_array_index (fe->pair_ids, c);
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (fe->pair_combos, c));
      gboolean was = FALSE;

      for (guint i = 0; fe->original != NULL && fe->original[i] != NULL; i++)
        if (g_str_has_prefix (fe->original[i], id) && fe->original[i][strlen (id)] == ':')
          was = TRUE;
      if (!was && selected > 0 && selected <= fe->enum_class->n_values)
        g_ptr_array_add (result, g_strconcat (id, ":", fe->enum_class->values[selected - 1].value_nick,
                                              NULL));
    }

  if (result->len == 0)
    return NULL;
  g_ptr_array_add (result, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&result), FALSE);
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
      {
        guint selected = adw_combo_row_get_selected (fe->combo);

        if (selected < fe->enum_class->n_values)
          g_value_set_enum (value, fe->enum_class->values[selected].value);
        break;
      }
    case SEM_FIELD_FLAGS:
      {
        guint flags = 0;

        for (guint c = 0; c < fe->checks->len; c++)
          if (gtk_check_button_get_active (g_ptr_array_index (fe->checks, c)))
            {
              GFlagsValue *fv = g_flags_get_value_by_nick (fe->flags_class,
                                                           g_ptr_array_index (fe->check_values, c));

              if (fv != NULL)
                flags |= fv->value;
            }
        g_value_set_flags (value, flags);
        break;
      }
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
    case SEM_FIELD_REFS:
    case SEM_FIELD_PAIRS:
      g_value_take_boxed (value, read_checked (fe));
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
        build_timezone (fe, group);
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
      build_enum (fe, group);
      break;
    case SEM_FIELD_FLAGS:
      build_flags (fe, group);
      break;
    case SEM_FIELD_REF:
      build_ref (fe, group);
      break;
    case SEM_FIELD_REFS:
      build_refs (fe, group);
      break;
    case SEM_FIELD_PAIRS:
      build_pairs (fe, group);
      break;
    case SEM_FIELD_STRV:
      build_strv (fe, group);
      break;
    case SEM_FIELD_CHILDREN:
    default:
      g_assert_not_reached ();
    }

  update_counts (fe);
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
