/* sem-delegations-page.c — the event's city delegations and who attends what
 *
 * On the left, the delegations to the shown event: the city, its role in the
 * programme, the status, how many members and when they are there. On the
 * right, the chosen delegation: its head, members and an attendance matrix,
 * members by the event's sessions, where each tick is one undoable edit of
 * the delegation's "attendance" pairs.
 *
 * The matrix is rebuilt only when its shape changes (members, sessions, their
 * titles or times); any other change of the plan, an undo say, only moves the
 * ticks, so the focused check keeps its focus.
 *
 * This file holds the page widget, the delegations list and the details;
 * the matrix is in sem-delegations-matrix.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-delegations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-city.h"
#include "sem-delegation.h"
#include "sem-delegations-page-private.h"
#include "sem-entity-editor.h"
#include "sem-person.h"
#include "sem-programme.h"
#include "sem-session.h"
#include "sem-tab-stop.h"
#include "sem-window-private.h"

G_DEFINE_FINAL_TYPE (SemDelegationsPage, sem_delegations_page, SEM_TYPE_EVENT_PAGE)

static void refresh (SemDelegationsPage *self);

static GDateTime *
date_in_zone (const char *date,
              GTimeZone  *tz)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new (tz, y, m, d, 12, 0, 0);
}

/* "19–21 Feb", "28 Feb – 2 Mar", or one date. */
static char *
format_short_range (const char *first,
                    const char *last,
                    GTimeZone  *tz)
{
  g_autoptr(GDateTime) a = date_in_zone (first, tz);
  g_autoptr(GDateTime) b = date_in_zone (last, tz);
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;

  if (a == NULL && b == NULL)
    return NULL;
  /* Translators: a short date, see g_date_time_format(); e.g. "20 Feb" */
  /* xgettext:no-c-format */
  b_text = g_date_time_format (b != NULL ? b : a, _("%-e %b"));
  if (a == NULL || b == NULL || g_date_time_compare (a, b) == 0)
    return g_steal_pointer (&b_text);

  if (g_date_time_get_month (a) == g_date_time_get_month (b) &&
      g_date_time_get_year (a) == g_date_time_get_year (b))
    /* xgettext:no-c-format */
    a_text = g_date_time_format (a, "%-e");
  else
    /* xgettext:no-c-format */
    a_text = g_date_time_format (a, _("%-e %b"));

  /* Translators: a range of dates, e.g. "19–21 Feb" */
  return g_strdup_printf (C_("date range", "%s–%s"), a_text, b_text);
}

static char *
format_long_date (const char *date,
                  GTimeZone  *tz)
{
  g_autoptr(GDateTime) dt = date_in_zone (date, tz);

  if (dt == NULL)
    return g_strdup (C_("date", "Not set"));
  /* Translators: a short date with the weekday, see g_date_time_format(); e.g. "Mon, 19 Feb 2018" */
  /* xgettext:no-c-format */
  return g_date_time_format (dt, _("%a, %-e %b %Y"));
}

static const char *
city_name (SemDelegationsPage *self,
           const char         *city_id)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEntity *city = sem_plan_lookup (plan, SEM_COLLECTION_CITIES, city_id);

  return city != NULL ? sem_city_get_name (SEM_CITY (city), ui_lang ()) : city_id;
}

const char *
_sem_delegations_page_person_name (SemDelegationsPage *self,
                                   const char         *person_id)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEntity *person = person_id != NULL ? sem_plan_lookup (plan, SEM_COLLECTION_PEOPLE, person_id) : NULL;

  return person != NULL ? sem_person_get_name (SEM_PERSON (person)) : person_id;
}

/* The city's role in the event's programme, or NULL. */
static const char *
city_role_label (SemDelegationsPage *self,
                 const char         *city_id)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEvent *event = sem_event_page_get_event (SEM_EVENT_PAGE (self));
  SemEntity *programme;
  const char * const *pairs;
  gsize len;

  if (event == NULL || city_id == NULL)
    return NULL;
  programme = sem_plan_lookup (plan, SEM_COLLECTION_PROGRAMMES, sem_event_get_programme (event));
  if (programme == NULL)
    return NULL;

  len = strlen (city_id);
  pairs = sem_programme_get_cities (SEM_PROGRAMME (programme));
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i++)
    if (strncmp (pairs[i], city_id, len) == 0 && pairs[i][len] == ':')
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (SEM_TYPE_CITY_ROLE);
        GEnumValue *value = g_enum_get_value_by_nick (klass, pairs[i] + len + 1);

        if (value != NULL)
          return sem_enum_to_label (SEM_TYPE_CITY_ROLE, value->value);
      }
  return NULL;
}

static const char *
status_css_class (SemDelegationStatus status)
{
  switch (status)
    {
    case SEM_DELEGATION_STATUS_CONFIRMED: return "success";
    case SEM_DELEGATION_STATUS_DECLINED: return "error";
    case SEM_DELEGATION_STATUS_INVITED:
    default: return "warning";
    }
}

static void
set_status_label (GtkLabel            *label,
                  SemDelegationStatus  status)
{
  static const char * const classes[] = { "success", "error", "warning" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), status_css_class (status));
  gtk_label_set_label (label, sem_enum_to_label (SEM_TYPE_DELEGATION_STATUS, status));
}

/* The delegation list ------------------------------------------------------ */

static gboolean
delegation_filter_func (gpointer item,
                        gpointer user_data)
{
  SemDelegationsPage *self = user_data;
  SemEvent *event = sem_event_page_get_event (SEM_EVENT_PAGE (self));

  return event != NULL &&
         g_strcmp0 (sem_delegation_get_event (item), sem_entity_get_id (SEM_ENTITY (event))) == 0;
}

static const char *
sort_key (SemDelegationsPage *self,
          SemDelegation      *delegation)
{
  const char *city = sem_delegation_get_city (delegation);
  char *key = g_hash_table_lookup (self->sort_keys, city);

  if (key == NULL)
    {
      key = g_utf8_collate_key (city_name (self, city), -1);
      g_hash_table_insert (self->sort_keys, g_strdup (city), key);
    }
  return key;
}

static int
delegation_sort_func (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  SemDelegationsPage *self = user_data;
  int cmp = strcmp (sort_key (self, (SemDelegation *) a), sort_key (self, (SemDelegation *) b));

  if (cmp != 0)
    return cmp;
  return strcmp (sem_entity_get_id ((SemEntity *) a), sem_entity_get_id ((SemEntity *) b));
}

typedef struct
{
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkLabel *status;
  GtkLabel *dates;
} RowLabels;

static void
update_row (SemDelegationsPage *self,
            GtkListBoxRow      *row)
{
  SemDelegation *delegation = g_object_get_data (G_OBJECT (row), "delegation");
  RowLabels *labels = g_object_get_data (G_OBJECT (row), "labels");
  const char * const *members = sem_delegation_get_members (delegation);
  guint n = members != NULL ? g_strv_length ((char **) members) : 0;
  const char *role = city_role_label (self, sem_delegation_get_city (delegation));
  g_autofree char *count = g_strdup_printf (ngettext ("%u member", "%u members", n), n);
  g_autofree char *subtitle = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *a11y = NULL;

  if (role != NULL)
    /* Translators: a delegation's city role and size, e.g. "Participant · 4 members" */
    subtitle = g_strdup_printf (C_("delegation row", "%s · %s"), role, count);
  else
    subtitle = g_strdup (count);

  dates = format_short_range (sem_delegation_get_arrival (delegation),
                              sem_delegation_get_departure (delegation), self->tz);

  gtk_label_set_label (labels->title, city_name (self, sem_delegation_get_city (delegation)));
  gtk_label_set_label (labels->subtitle, subtitle);
  set_status_label (labels->status, sem_delegation_get_status (delegation));
  gtk_label_set_label (labels->dates, dates != NULL ? dates : "");
  gtk_widget_set_visible (GTK_WIDGET (labels->dates), dates != NULL);

  a11y = g_strjoin (", ", gtk_label_get_label (labels->title), subtitle,
                    gtk_label_get_label (labels->status), dates, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static GtkLabel *
new_label (const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  SemDelegationsPage *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  RowLabels *labels = g_new0 (RowLabels, 1);

  labels->title = new_label (NULL, 0);
  labels->subtitle = new_label ("caption", 0);
  labels->status = new_label ("caption-heading", 1);
  labels->dates = new_label ("caption", 1);
  gtk_widget_add_css_class (GTK_WIDGET (labels->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (labels->dates), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (labels->dates), "numeric");
  gtk_label_set_ellipsize (labels->status, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_ellipsize (labels->dates, PANGO_ELLIPSIZE_NONE);

  gtk_widget_set_hexpand (left, TRUE);
  gtk_widget_set_valign (left, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (right, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (labels->title));
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (labels->subtitle));
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (labels->status));
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (labels->dates));
  gtk_box_append (GTK_BOX (box), left);
  gtk_box_append (GTK_BOX (box), right);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "delegation", g_object_ref (item), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "labels", labels, g_free);
  update_row (self, GTK_LIST_BOX_ROW (row));
  return row;
}

static GtkListBoxRow *
find_row (SemDelegationsPage *self,
          const char         *delegation_id)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; delegation_id != NULL && i < n; i++)
    {
      g_autoptr(SemEntity) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (sem_entity_get_id (item), delegation_id) == 0)
        return gtk_list_box_get_row_at_index (self->delegation_list, i);
    }
  return NULL;
}

/* The details --------------------------------------------------------------- */

SemDelegation *
_sem_delegations_page_selected_delegation (SemDelegationsPage *self)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEntity *entity;

  if (plan == NULL || self->selected_id == NULL)
    return NULL;
  entity = sem_plan_lookup (plan, SEM_COLLECTION_DELEGATIONS, self->selected_id);
  /* Shown only while it belongs to the shown event. */
  if (entity == NULL || !delegation_filter_func (entity, self))
    return NULL;
  return SEM_DELEGATION (entity);
}

static void
update_members (SemDelegationsPage *self,
                SemDelegation      *delegation)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  const char * const *members = sem_delegation_get_members (delegation);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list))) != NULL)
    gtk_list_box_remove (self->members_list, child);

  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      SemEntity *person = sem_plan_lookup (plan, SEM_COLLECTION_PEOPLE, members[i]);
      GtkWidget *row = adw_action_row_new ();
      const char *position = person != NULL ? sem_person_get_position (SEM_PERSON (person), ui_lang ()) : NULL;
      const char *organisation = person != NULL ? sem_person_get_organisation (SEM_PERSON (person)) : NULL;
      g_autofree char *subtitle = NULL;

      if (position != NULL && *position != '\0' && organisation != NULL && *organisation != '\0')
        /* Translators: a person's position and organisation */
        subtitle = g_strdup_printf (C_("person", "%s, %s"), position, organisation);
      else
        subtitle = g_strdup (position != NULL && *position != '\0' ? position : organisation);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _sem_delegations_page_person_name (self, members[i]));
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (g_strcmp0 (members[i], sem_delegation_get_head (delegation)) == 0)
        {
          GtkWidget *badge = gtk_label_new (_("Head"));

          gtk_widget_add_css_class (badge, "caption-heading");
          gtk_widget_add_css_class (badge, "accent");
          gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        }
      if (person != NULL)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);
        }
      gtk_list_box_append (self->members_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->members_list), members != NULL && members[0] != NULL);
}

static void
update_details (SemDelegationsPage *self)
{
  SemDelegation *delegation = _sem_delegations_page_selected_delegation (self);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *shape = NULL;
  g_autofree char *arrival = NULL;
  g_autofree char *departure = NULL;
  g_autofree char *subtitle = NULL;
  const char *role, *notes;

  if (delegation == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "none");
      g_clear_pointer (&self->matrix_shape, g_free);
      _sem_delegations_page_clear_grid (self->names_grid);
      _sem_delegations_page_clear_grid (self->sessions_grid);
      g_ptr_array_set_size (self->cells, 0);
      g_ptr_array_set_size (self->column_toggles, 0);
      return;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "details");

  gtk_label_set_label (self->title_label, city_name (self, sem_delegation_get_city (delegation)));
  role = city_role_label (self, sem_delegation_get_city (delegation));
  if (role != NULL)
    /* Translators: the city's role and the delegation's status, e.g. "Participant · Confirmed" */
    subtitle = g_strdup_printf (C_("delegation row", "%s · %s"), role,
                                sem_enum_to_label (SEM_TYPE_DELEGATION_STATUS, sem_delegation_get_status (delegation)));
  else
    subtitle = g_strdup (sem_enum_to_label (SEM_TYPE_DELEGATION_STATUS, sem_delegation_get_status (delegation)));
  gtk_label_set_label (self->subtitle_label, subtitle);

  gtk_label_set_label (self->head_value, sem_delegation_get_head (delegation) != NULL
                                         ? _sem_delegations_page_person_name (self, sem_delegation_get_head (delegation))
                                         : C_("head of delegation", "None"));
  arrival = format_long_date (sem_delegation_get_arrival (delegation), self->tz);
  departure = format_long_date (sem_delegation_get_departure (delegation), self->tz);
  gtk_label_set_label (self->arrival_value, arrival);
  gtk_label_set_label (self->departure_value, departure);
  notes = sem_delegation_get_notes (delegation);
  adw_action_row_set_subtitle (self->notes_row, notes != NULL ? notes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes_row), notes != NULL && *notes != '\0');

  update_members (self, delegation);

  sessions = _sem_delegations_page_event_sessions (self);
  shape = _sem_delegations_page_matrix_shape (self, delegation, sessions);
  if (g_strcmp0 (shape, self->matrix_shape) != 0)
    {
      _sem_delegations_page_build_matrix (self, delegation, sessions);
      g_free (self->matrix_shape);
      self->matrix_shape = g_steal_pointer (&shape);
    }
  _sem_delegations_page_sync_checks (self, delegation);
}

static void
select_id (SemDelegationsPage *self,
           const char         *delegation_id)
{
  GtkListBoxRow *row = find_row (self, delegation_id);

  if (row != NULL)
    gtk_list_box_select_row (self->delegation_list, row);
  else
    gtk_list_box_unselect_all (self->delegation_list);
}

/* Everything shown follows the plan: called after every edit, undo and redo. */
static void
refresh (SemDelegationsPage *self)
{
  SemEventPage *page = SEM_EVENT_PAGE (self);
  g_autofree char *keep = g_strdup (self->selected_id);
  GtkWidget *child;
  guint n;

  g_hash_table_remove_all (self->sort_keys);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->delegation_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "labels") != NULL)
      update_row (self, GTK_LIST_BOX_ROW (child));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  gtk_stack_set_visible_child_name (self->sidebar_stack, n > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (self->add_button, sem_event_page_get_plan (page) != NULL &&
                                              sem_event_page_get_event (page) != NULL);

  /* Rows rebuilt by the models lose the selection: put it back. */
  if (keep != NULL && find_row (self, keep) != NULL)
    {
      GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->delegation_list);

      if (selected == NULL || selected != find_row (self, keep))
        select_id (self, keep);
      g_free (self->selected_id);
      self->selected_id = g_steal_pointer (&keep);
    }
  update_details (self);
}

static void
plan_changed (SemEventPage *page)
{
  refresh (SEM_DELEGATIONS_PAGE (page));
}

static void
row_selected_cb (SemDelegationsPage *self,
                 GtkListBoxRow      *row)
{
  SemEntity *delegation;

  if (row == NULL)
    return;
  delegation = g_object_get_data (G_OBJECT (row), "delegation");
  if (g_strcmp0 (self->selected_id, sem_entity_get_id (delegation)) == 0)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (sem_entity_get_id (delegation));
  update_details (self);
}

static void
row_activated_cb (SemDelegationsPage *self,
                  GtkListBoxRow      *row)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
back_clicked_cb (SemDelegationsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkWindow *
parent_window (SemDelegationsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
edit_clicked_cb (SemDelegationsPage *self)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemDelegation *delegation = _sem_delegations_page_selected_delegation (self);

  if (delegation != NULL)
    gtk_window_present (GTK_WINDOW (sem_entity_editor_new_edit (parent_window (self), plan,
                                                                SEM_ENTITY (delegation))));
}

static void
member_activated_cb (SemDelegationsPage *self,
                     GtkListBoxRow      *row)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEntity *person = g_object_get_data (G_OBJECT (row), "person");

  if (person != NULL)
    gtk_window_present (GTK_WINDOW (sem_entity_editor_new_edit (parent_window (self), plan, person)));
}

static void
add_clicked_cb (SemDelegationsPage *self)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEvent *event = sem_event_page_get_event (SEM_EVENT_PAGE (self));
  g_autoptr(SemDelegation) defaults = NULL;

  if (plan == NULL || event == NULL)
    return;
  defaults = sem_delegation_new ("new-delegation");
  g_object_set (defaults, "event", sem_entity_get_id (SEM_ENTITY (event)), NULL);
  gtk_window_present (GTK_WINDOW (sem_entity_editor_new_create (parent_window (self), plan,
                                                                SEM_COLLECTION_DELEGATIONS,
                                                                SEM_ENTITY (defaults))));
}

/* Binding ----------------------------------------------------------------- */

static void
rebind (SemEventPage *page,
        gboolean      new_plan)
{
  SemDelegationsPage *self = SEM_DELEGATIONS_PAGE (page);
  SemPlan *plan = sem_event_page_get_plan (page);
  SemEvent *event = sem_event_page_get_event (page);
  const char *tz_id = event != NULL ? sem_event_get_timezone (event) : NULL;

  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = tz_id != NULL ? g_time_zone_new_identifier (tz_id) : NULL;
  if (self->tz == NULL)
    self->tz = g_time_zone_new_utc ();

  g_clear_pointer (&self->matrix_shape, g_free);
  gtk_filter_list_model_set_model (self->filter_model,
                                   plan != NULL ? sem_plan_get_collection (plan, SEM_COLLECTION_DELEGATIONS)
                                   : NULL);
  refresh (self);

  /* Side by side, show the first delegation rather than nothing. */
  if (_sem_delegations_page_selected_delegation (self) == NULL)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->delegation_list, 0);

      g_clear_pointer (&self->selected_id, g_free);
      if (first != NULL && !adw_leaflet_get_folded (self->leaflet))
        gtk_list_box_select_row (self->delegation_list, first);
      else
        {
          gtk_list_box_unselect_all (self->delegation_list);
          update_details (self);
        }
    }
}

/**
 * sem_delegations_page_show_delegation:
 * @delegation_id: a delegation of the shown event
 *
 * Selects the delegation and shows its details (on a narrow window too).
 */
void
sem_delegations_page_show_delegation (SemDelegationsPage *self,
                                      const char         *delegation_id)
{
  GtkListBoxRow *row;

  g_return_if_fail (SEM_IS_DELEGATIONS_PAGE (self));
  g_return_if_fail (delegation_id != NULL);

  row = find_row (self, delegation_id);
  if (row == NULL)
    return;
  gtk_list_box_select_row (self->delegation_list, row);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

GtkWidget *
sem_delegations_page_new (void)
{
  return g_object_new (SEM_TYPE_DELEGATIONS_PAGE, NULL);
}

static GtkLabel *
add_value_label (AdwActionRow *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* On one line: the row gives it its natural width whenever there is room. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (row, label);
  return GTK_LABEL (label);
}

static void
sem_delegations_page_dispose (GObject *object)
{
  SemDelegationsPage *self = SEM_DELEGATIONS_PAGE (object);

  /* The template is the bin\'s child: unparenting it is the bin\'s job. */
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (sem_delegations_page_parent_class)->dispose (object);
}

static void
sem_delegations_page_finalize (GObject *object)
{
  SemDelegationsPage *self = SEM_DELEGATIONS_PAGE (object);

  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->sort_keys, g_hash_table_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->column_toggles, g_ptr_array_unref);
  g_free (self->selected_id);
  g_free (self->matrix_shape);

  G_OBJECT_CLASS (sem_delegations_page_parent_class)->finalize (object);
}

static void
sem_delegations_page_class_init (SemDelegationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SemEventPageClass *page_class = SEM_EVENT_PAGE_CLASS (klass);

  g_type_ensure (SEM_TYPE_TAB_STOP);

  object_class->dispose = sem_delegations_page_dispose;
  object_class->finalize = sem_delegations_page_finalize;

  page_class->rebind = rebind;
  page_class->plan_changed = plan_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sofia/Seminars/ui/sem-delegations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, arrival_row);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, content);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, delegation_list);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, departure_row);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, head_row);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, matrix_empty_label);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, matrix_stack);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, members_list);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, names_grid);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, sessions_grid);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SemDelegationsPage, title_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, member_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
}

static void
sem_delegations_page_init (SemDelegationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_ptr_array_new ();
  self->column_toggles = g_ptr_array_new ();
  self->sort_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->tz = g_time_zone_new_utc ();

  self->head_value = add_value_label (self->head_row);
  self->arrival_value = add_value_label (self->arrival_row);
  self->departure_value = add_value_label (self->departure_row);
  adw_action_row_set_subtitle_lines (self->notes_row, 0);

  self->filter = gtk_custom_filter_new (delegation_filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (delegation_sort_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (GTK_SORTER (self->sorter)));
  gtk_list_box_bind_model (self->delegation_list, G_LIST_MODEL (self->sort_model),
                           create_row_cb, self, NULL);

  gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  gtk_widget_set_sensitive (self->add_button, FALSE);
}
