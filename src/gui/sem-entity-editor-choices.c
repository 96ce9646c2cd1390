/* sem-entity-editor-choices.c — the entity editor's fields picked from a list
 *
 * Enums, references (with "New…" to make one on the spot), the checklists
 * of flags, references and pairs, and the timezone with its search; see
 * sem-entity-editor-fields.c for what every field shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-entity-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sem-entity-editor-private.h"
#include "sem-ical.h"
#include "sem-session.h"

/* ------------------------------------------------------------------ */
/* Labels                                                              */

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

/* ------------------------------------------------------------------ */
/* Timezones                                                           */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
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

  if (fe->tz_query == NULL || *fe->tz_query == '\0')
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
  fe->subtitle = g_strdup (tz == NULL || *tz == '\0' ? C_("timezone", "Not set") : tz);
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
  _sem_field_editor_changed_cb (fe);
}

/* The list opens on the zone chosen: selected, and scrolled to once shown. */
static void
tz_popover_show_cb (SemFieldEditor *fe)
{
  GListModel *model = G_LIST_MODEL (fe->tz_model);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (fe->tz_list));
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; fe->tz != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), fe->tz) == 0)
        {
          position = i;
          break;
        }
    }
  gtk_single_selection_set_selected (selection, position);
}

/* Once the list has its size: scrolled before, GTK 4.8's list shows no rows. */
static gboolean
tz_scroll_idle_cb (gpointer user_data)
{
  GtkListView *list = user_data;
  guint position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)));

  if (position != GTK_INVALID_LIST_POSITION && gtk_widget_get_mapped (GTK_WIDGET (list)))
    gtk_widget_activate_action (GTK_WIDGET (list), "list.scroll-to-item", "u", position);
  return G_SOURCE_REMOVE;
}

static void
tz_list_map_cb (GtkListView *list)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, tz_scroll_idle_cb, g_object_ref (list), g_object_unref);
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

void
_sem_field_editor_build_timezone (SemFieldEditor      *fe,
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

  _sem_field_editor_get_start_value (fe, 0, &start);
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
  fe->tz_list = GTK_LIST_VIEW (list);
  g_signal_connect (list, "map", G_CALLBACK (tz_list_map_cb), NULL);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_widget_set_name (list, "timezone-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timezones"), -1);
  g_signal_connect_swapped (list, "activate", G_CALLBACK (tz_activate_cb), fe);

  gtk_widget_set_name (search, "timezone-search");
  g_object_set (search, "placeholder-text", _("Search timezones"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search timezones"), -1);
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
  g_signal_connect_swapped (fe->tz_popover, "show", G_CALLBACK (tz_popover_show_cb), fe);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (fe->tz_popover));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Timezone"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
}

/* ------------------------------------------------------------------ */
/* Checklists                                                          */

/* Each expander's subtitle says how many of its rows are chosen. */
void
_sem_field_editor_update_counts (SemFieldEditor *fe)
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

/* A tick in a hidden checklist (a member taken off) counts for nothing. */
static gboolean
check_ticked (GtkCheckButton *check)
{
  GtkWidget *expander = g_object_get_data (G_OBJECT (check), "sem-expander");

  return gtk_check_button_get_active (check) && (expander == NULL || gtk_widget_get_visible (expander));
}

/* ------------------------------------------------------------------ */
/* Builders, one per kind                                              */

static void
build_enum (SemFieldEditor      *fe,
            AdwPreferencesGroup *group)
{
  g_auto(GValue) start = G_VALUE_INIT;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  _sem_field_editor_get_start_value (fe, 0, &start);
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
  g_signal_connect_swapped (fe->combo, "notify::selected",
                            G_CALLBACK (_sem_field_editor_changed_cb), fe);
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
  if (current != NULL && *current != '\0' && sem_plan_lookup (plan, fe->field->target, current) == NULL)
    {
      /* Keep showing what it refers to, and say it is missing. */
      selected = fe->ids->len;
      gtk_string_list_append (labels, current);
      g_ptr_array_add (fe->ids, g_strdup (current));
    }

  g_signal_handlers_block_by_func (fe->combo, _sem_field_editor_changed_cb, fe);
  adw_combo_row_set_model (fe->combo, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (fe->combo, selected);
  g_signal_handlers_unblock_by_func (fe->combo, _sem_field_editor_changed_cb, fe);
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
  _sem_field_editor_changed_cb (fe);
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

  _sem_field_editor_get_start_value (fe, 0, &start);
  current = g_value_get_string (&start);

  fe->combo = ADW_COMBO_ROW (adw_combo_row_new ());
  fe->row = GTK_WIDGET (fe->combo);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fe->combo), fe->label);
  /* The name chosen, often long, goes under the title (as the timezone's
   * does): beside it, in a narrow window, it squeezed the title into
   * breaking mid-word. */
  adw_combo_row_set_expression (fe->combo, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_use_subtitle (fe->combo, TRUE);
  fill_ref (fe, current,
            !(fe->field->flags & SEM_FIELD_REQUIRED) || current == NULL || *current == '\0');
  g_signal_connect_swapped (fe->combo, "notify::selected",
                            G_CALLBACK (_sem_field_editor_changed_cb), fe);

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
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (_sem_field_editor_changed_cb), fe);

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

  _sem_field_editor_get_start_value (fe, 0, &start);
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

  _sem_field_editor_get_start_value (fe, 0, &start);
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
  _sem_field_editor_update_counts (fe);
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

  _sem_field_editor_get_start_value (fe, 0, &start);
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
          g_signal_connect_swapped (combo, "notify::selected",
                                    G_CALLBACK (_sem_field_editor_changed_cb), fe);
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

void
_sem_field_editor_build_choice (SemFieldEditor      *fe,
                                AdwPreferencesGroup *group)
{
  switch (fe->field->kind)
    {
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
    case SEM_FIELD_STRING:
    case SEM_FIELD_TEXT:
    case SEM_FIELD_DATE:
    case SEM_FIELD_INSTANT:
    case SEM_FIELD_INT:
    case SEM_FIELD_BOOL:
    case SEM_FIELD_GEO:
    case SEM_FIELD_STRV:
    case SEM_FIELD_CHILDREN:
    default:
      g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

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

void
_sem_field_editor_read_choice (SemFieldEditor *fe,
                               GValue         *value)
{
  switch (fe->field->kind)
    {
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
    case SEM_FIELD_REFS:
    case SEM_FIELD_PAIRS:
      g_value_take_boxed (value, read_checked (fe));
      break;
    case SEM_FIELD_STRING:
    case SEM_FIELD_TEXT:
    case SEM_FIELD_DATE:
    case SEM_FIELD_REF:
    case SEM_FIELD_INSTANT:
    case SEM_FIELD_INT:
    case SEM_FIELD_BOOL:
    case SEM_FIELD_GEO:
    case SEM_FIELD_STRV:
    case SEM_FIELD_CHILDREN:
    default:
      g_assert_not_reached ();
    }
}
