/* sem-entity-list-page.c — a searchable list of the plan's people or rooms
 *
 * One class for both pages: the rows are the plan's collection itself,
 * filtered (the search; for rooms, the shown event's venue) and sorted on
 * collation keys computed once per name, never copied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-entity-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-city.h"
#include "sem-entity-editor.h"
#include "sem-entity-list-page.h"
#include "sem-person.h"
#include "sem-room.h"
#include "sem-venue.h"
#include "sem-window-private.h"

struct _SemEntityListPage
{
  SemEventPage        parent_instance;

  /* template widgets */
  GtkButton          *add_button;
  AdwButtonContent   *add_button_content;
  GtkButton          *empty_button;
  AdwStatusPage      *empty_page;
  GtkListBox         *list_box;
  GtkStack           *list_stack;
  GtkLabel           *scope_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;

  /* owned */
  SemCollection       collection;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkCustomSorter    *sorter;
  GtkSortListModel   *sort_model;
  GHashTable         *sort_keys;   /* entity id → collation key of its name */
  char               *search;      /* casefolded, or NULL */
  char               *venue_id;    /* rooms: only this venue's, or NULL for all */
  guint64             serial;      /* counts the plan's edits, undos and redos */
};

G_DEFINE_FINAL_TYPE (SemEntityListPage, sem_entity_list_page, SEM_TYPE_EVENT_PAGE)

enum {
  PROP_0,
  PROP_COLLECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
entity_name (SemEntity *entity)
{
  if (SEM_IS_PERSON (entity))
    return sem_person_get_name (SEM_PERSON (entity));
  if (SEM_IS_ROOM (entity))
    return sem_room_get_name (SEM_ROOM (entity), sem_window_ui_language ());
  return sem_entity_get_id (entity);
}

static const char *
venue_name (SemEntityListPage *self,
            const char        *venue_id)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEntity *venue = venue_id != NULL ? sem_plan_lookup (plan, SEM_COLLECTION_VENUES, venue_id) : NULL;

  return venue != NULL ? sem_venue_get_name (SEM_VENUE (venue), sem_window_ui_language ()) : venue_id;
}

static char *
person_roles (SemPersonRole roles)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (roles & SEM_PERSON_ROLE_DELEGATE)
    g_ptr_array_add (names, (char *) C_("person role", "Delegate"));
  if (roles & SEM_PERSON_ROLE_EXPERT)
    g_ptr_array_add (names, (char *) C_("person role", "Expert"));
  if (roles & SEM_PERSON_ROLE_MENTOR)
    g_ptr_array_add (names, (char *) C_("person role", "Mentor"));
  if (roles & SEM_PERSON_ROLE_STAFF)
    g_ptr_array_add (names, (char *) C_("person role", "Staff"));
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  /* Translators: the separator between a person's roles */
  return g_strjoinv (C_("list separator", ", "), (char **) names->pdata);
}

/* The line under the title: a person's organisation, roles and city, then
 * the e-mail address; a room's venue (when the page shows every venue). */
static char *
entity_subtitle (SemEntityListPage *self,
                 SemEntity         *entity)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *line = NULL;

  if (SEM_IS_PERSON (entity))
    {
      SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
      SemPerson *person = SEM_PERSON (entity);
      SemEntity *city = sem_person_get_city (person) != NULL
                        ? sem_plan_lookup (plan, SEM_COLLECTION_CITIES, sem_person_get_city (person))
                        : NULL;
      const char *organisation = sem_person_get_organisation (person);
      const char *email = sem_person_get_email (person);
      char *roles = person_roles (sem_person_get_roles (person));

      if (organisation != NULL && *organisation != '\0')
        g_ptr_array_add (parts, g_strdup (organisation));
      if (roles != NULL)
        g_ptr_array_add (parts, roles);
      if (city != NULL)
        g_ptr_array_add (parts, g_strdup (sem_city_get_name (SEM_CITY (city), sem_window_ui_language ())));
      g_ptr_array_add (parts, NULL);
      /* Translators: the separator between the facts about a person */
      line = g_strjoinv (C_("list separator", " · "), (char **) parts->pdata);
      if (email != NULL && *email != '\0')
        return *line != '\0' ? g_strconcat (line, "\n", email, NULL) : g_strdup (email);
      return g_steal_pointer (&line);
    }

  if (SEM_IS_ROOM (entity) && self->venue_id == NULL)
    return g_strdup (venue_name (self, sem_room_get_venue (SEM_ROOM (entity))));
  return NULL;
}

/* Filtering and sorting ------------------------------------------------------ */

static gboolean
matches (const char *text,
         const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SemEntityListPage *self = user_data;

  if (SEM_IS_ROOM (item) && self->venue_id != NULL &&
      g_strcmp0 (sem_room_get_venue (item), self->venue_id) != 0)
    return FALSE;
  if (self->search == NULL)
    return TRUE;

  if (SEM_IS_PERSON (item))
    return matches (sem_person_get_name (item), self->search) ||
           matches (sem_person_get_organisation (item), self->search) ||
           matches (sem_person_get_email (item), self->search) ||
           matches (sem_person_get_position (item, "en"), self->search) ||
           matches (sem_person_get_position (item, "bg"), self->search);
  if (SEM_IS_ROOM (item))
    return matches (sem_room_get_name (item, "en"), self->search) ||
           matches (sem_room_get_name (item, "bg"), self->search) ||
           matches (venue_name (self, sem_room_get_venue (item)), self->search);
  return TRUE;
}

static const char *
sort_key (SemEntityListPage *self,
          SemEntity         *entity)
{
  const char *id = sem_entity_get_id (entity);
  char *key = g_hash_table_lookup (self->sort_keys, id);

  if (key == NULL)
    {
      key = g_utf8_collate_key (entity_name (entity), -1);
      g_hash_table_insert (self->sort_keys, g_strdup (id), key);
    }
  return key;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  SemEntityListPage *self = user_data;
  int cmp = strcmp (sort_key (self, (SemEntity *) a), sort_key (self, (SemEntity *) b));

  return cmp != 0 ? cmp : strcmp (sem_entity_get_id ((SemEntity *) a), sem_entity_get_id ((SemEntity *) b));
}

/* Recomputes the keys; resorts only when a name changed. */
static void
update_sort_keys (SemEntityListPage *self)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  GListModel *model = plan != NULL ? sem_plan_get_collection (plan, self->collection) : NULL;
  g_autoptr(GHashTable) old = g_steal_pointer (&self->sort_keys);
  gboolean changed = FALSE;
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  self->sort_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemEntity) entity = g_list_model_get_item (model, i);
      const char *before = g_hash_table_lookup (old, sem_entity_get_id (entity));

      if (g_strcmp0 (before, sort_key (self, entity)) != 0)
        changed = TRUE;
    }
  if (changed)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Rows ------------------------------------------------------------------------ */

static void
update_row (SemEntityListPage *self,
            GtkWidget         *row)
{
  SemEntity *entity = g_object_get_data (G_OBJECT (row), "entity");
  GtkWidget *delete_button = g_object_get_data (G_OBJECT (row), "delete-button");
  GtkLabel *capacity = g_object_get_data (G_OBJECT (row), "capacity");
  g_autofree char *subtitle = entity_subtitle (self, entity);
  /* Translators: the accessible name of a row's delete button, e.g. "Delete Silver Hall" */
  g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), entity_name (entity));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entity_name (entity));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
  if (capacity != NULL)
    {
      int seats = sem_room_get_capacity (SEM_ROOM (entity));
      g_autofree char *text = seats > 0
                              ? g_strdup_printf (ngettext ("%d seat", "%d seats", seats), seats)
                              : NULL;

      gtk_label_set_label (capacity, text != NULL ? text : "");
      gtk_widget_set_visible (GTK_WIDGET (capacity), text != NULL);
    }
}

static void
update_rows (SemEntityListPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "entity") != NULL)
      update_row (self, child);
}

static void
undo_clicked_cb (AdwToast          *toast,
                 SemEntityListPage *self)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  guint64 serial = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "serial"));

  /* Only while the deletion is still the last edit: never undo another. */
  if (plan != NULL && self->serial == serial)
    sem_plan_undo (plan);
}

static void
delete_clicked_cb (GtkButton         *button,
                   SemEntityListPage *self)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  g_autoptr(SemEntity) entity = g_object_ref (g_object_get_data (G_OBJECT (row), "entity"));
  g_autofree char *name = g_strdup (entity_name (entity));
  GtkWidget *overlay;

  if (plan == NULL)
    return;
  sem_plan_remove (plan, entity);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      /* Translators: a toast after deleting a person or a room, e.g. "“Silver Hall” deleted" */
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      g_autofree char *title = g_strdup_printf (_("“%s” deleted"), escaped);
      /* The title is markup in libadwaita 1.2. */
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data (G_OBJECT (toast), "serial", GSIZE_TO_POINTER (self->serial));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  SemEntityListPage *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (SEM_IS_ROOM (item))
    {
      GtkWidget *capacity = gtk_label_new (NULL);

      gtk_widget_add_css_class (capacity, "dim-label");
      gtk_widget_add_css_class (capacity, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), capacity);
      g_object_set_data (G_OBJECT (row), "capacity", capacity);
    }

  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete_button, _("Delete"));
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_add_css_class (delete_button, "circular");
  g_signal_connect (delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "entity", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "delete-button", delete_button);
  update_row (self, row);
  return row;
}

static GtkWindow *
parent_window (SemEntityListPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
row_activated_cb (SemEntityListPage *self,
                  GtkListBoxRow     *row)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEntity *entity = g_object_get_data (G_OBJECT (row), "entity");

  if (entity != NULL && plan != NULL)
    gtk_window_present (GTK_WINDOW (sem_entity_editor_new_edit (parent_window (self), plan, entity)));
}

static void
add_clicked_cb (SemEntityListPage *self)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  g_autoptr(SemEntity) defaults = NULL;

  if (plan == NULL)
    return;
  if (self->collection == SEM_COLLECTION_ROOMS && self->venue_id != NULL)
    {
      defaults = SEM_ENTITY (sem_room_new ("new-room"));
      g_object_set (defaults, "venue", self->venue_id, NULL);
    }
  gtk_window_present (GTK_WINDOW (sem_entity_editor_new_create (parent_window (self), plan,
                                                                self->collection, defaults)));
}

static void
search_changed_cb (SemEntityListPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* What is shown ------------------------------------------------------------- */

static void
update_state (SemEntityListPage *self)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint total = 0;

  if (plan != NULL)
    {
      GListModel *model = sem_plan_get_collection (plan, self->collection);

      if (self->venue_id == NULL)
        total = g_list_model_get_n_items (model);
      else
        for (guint i = 0; i < g_list_model_get_n_items (model) && total == 0; i++)
          {
            g_autoptr(SemRoom) room = g_list_model_get_item (model, i);

            total += g_strcmp0 (sem_room_get_venue (room), self->venue_id) == 0;
          }
    }

  gtk_stack_set_visible_child_name (self->stack, total > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "rows" : "no-results");

  if (self->collection == SEM_COLLECTION_ROOMS && self->venue_id != NULL)
    {
      /* Translators: above the rooms of the event's venue */
      g_autofree char *text = g_strdup_printf (_("Rooms of %s"), venue_name (self, self->venue_id));

      gtk_label_set_label (self->scope_label, text);
    }
  else if (self->collection == SEM_COLLECTION_ROOMS)
    gtk_label_set_label (self->scope_label, _("All Rooms"));
  else
    gtk_label_set_label (self->scope_label, _("All People"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), plan != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->empty_button), plan != NULL);
}

static void
update_venue (SemEntityListPage *self)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEvent *event = sem_event_page_get_event (SEM_EVENT_PAGE (self));
  const char *venue_id = NULL;

  if (self->collection == SEM_COLLECTION_ROOMS && event != NULL && plan != NULL &&
      sem_event_get_venue (event) != NULL &&
      sem_plan_lookup (plan, SEM_COLLECTION_VENUES, sem_event_get_venue (event)) != NULL)
    venue_id = sem_event_get_venue (event);

  if (g_strcmp0 (venue_id, self->venue_id) == 0)
    return;
  g_free (self->venue_id);
  self->venue_id = g_strdup (venue_id);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
plan_changed (SemEventPage *page)
{
  SemEntityListPage *self = SEM_ENTITY_LIST_PAGE (page);

  self->serial++;
  update_venue (self);
  /* A room moved to another venue, say. */
  if (self->venue_id != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_sort_keys (self);
  update_rows (self);
  update_state (self);
}

static void
items_changed_cb (SemEntityListPage *self)
{
  update_state (self);
}

static void
rebind (SemEventPage *page,
        gboolean      new_plan)
{
  SemEntityListPage *self = SEM_ENTITY_LIST_PAGE (page);
  SemPlan *plan = sem_event_page_get_plan (page);

  g_hash_table_remove_all (self->sort_keys);
  update_venue (self);
  gtk_filter_list_model_set_model (self->filter_model,
                                   plan != NULL ? sem_plan_get_collection (plan, self->collection) : NULL);
  update_rows (self);
  update_state (self);
}

/* Public ---------------------------------------------------------------------- */

SemCollection
sem_entity_list_page_get_collection (SemEntityListPage *self)
{
  g_return_val_if_fail (SEM_IS_ENTITY_LIST_PAGE (self), SEM_COLLECTION_NONE);

  return self->collection;
}

/**
 * sem_entity_list_page_new:
 * @collection: %SEM_COLLECTION_PEOPLE or %SEM_COLLECTION_ROOMS
 *
 * Returns: (transfer floating): a page listing @collection
 */
GtkWidget *
sem_entity_list_page_new (SemCollection collection)
{
  g_return_val_if_fail (collection == SEM_COLLECTION_PEOPLE || collection == SEM_COLLECTION_ROOMS, NULL);

  return g_object_new (SEM_TYPE_ENTITY_LIST_PAGE, "collection", collection, NULL);
}

static void
sem_entity_list_page_constructed (GObject *object)
{
  SemEntityListPage *self = SEM_ENTITY_LIST_PAGE (object);
  gboolean rooms = self->collection == SEM_COLLECTION_ROOMS;
  const char *add_label = rooms ? _("Add _Room") : _("Add _Person");

  G_OBJECT_CLASS (sem_entity_list_page_parent_class)->constructed (object);

  adw_button_content_set_label (self->add_button_content, add_label);
  adw_button_content_set_use_underline (self->add_button_content, TRUE);
  gtk_button_set_label (self->empty_button, add_label);
  adw_status_page_set_icon_name (self->empty_page, rooms ? "find-location-symbolic" : "system-users-symbolic");
  adw_status_page_set_title (self->empty_page, rooms ? _("No Rooms Yet") : _("No People Yet"));
  adw_status_page_set_description (self->empty_page,
                                   rooms ? _("Add the rooms where the sessions take place")
                                         : _("Add the delegates, experts and staff taking part"));
  g_object_set (self->search_entry, "placeholder-text", rooms ? _("Search rooms") : _("Search people"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rooms ? _("Search rooms") : _("Search people"), -1);
  update_state (self);
}

static void
sem_entity_list_page_dispose (GObject *object)
{
  SemEntityListPage *self = SEM_ENTITY_LIST_PAGE (object);

  /* The template is the bin\'s child: unparenting it is the bin\'s job. */
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (sem_entity_list_page_parent_class)->dispose (object);
}

static void
sem_entity_list_page_finalize (GObject *object)
{
  SemEntityListPage *self = SEM_ENTITY_LIST_PAGE (object);

  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->sort_keys, g_hash_table_unref);
  g_free (self->search);
  g_free (self->venue_id);

  G_OBJECT_CLASS (sem_entity_list_page_parent_class)->finalize (object);
}

static void
sem_entity_list_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SemEntityListPage *self = SEM_ENTITY_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_int (value, self->collection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_entity_list_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SemEntityListPage *self = SEM_ENTITY_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      self->collection = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_entity_list_page_class_init (SemEntityListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SemEventPageClass *page_class = SEM_EVENT_PAGE_CLASS (klass);

  object_class->constructed = sem_entity_list_page_constructed;
  object_class->dispose = sem_entity_list_page_dispose;
  object_class->finalize = sem_entity_list_page_finalize;
  object_class->get_property = sem_entity_list_page_get_property;
  object_class->set_property = sem_entity_list_page_set_property;

  page_class->rebind = rebind;
  page_class->plan_changed = plan_changed;

  /* A SemCollection; only people and rooms. */
  properties[PROP_COLLECTION] =
    g_param_spec_int ("collection", NULL, NULL,
                      SEM_COLLECTION_ROOMS, SEM_COLLECTION_PEOPLE, SEM_COLLECTION_PEOPLE,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sofia/Seminars/ui/sem-entity-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SemEntityListPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SemEntityListPage, add_button_content);
  gtk_widget_class_bind_template_child (widget_class, SemEntityListPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, SemEntityListPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SemEntityListPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, SemEntityListPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SemEntityListPage, scope_label);
  gtk_widget_class_bind_template_child (widget_class, SemEntityListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SemEntityListPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
sem_entity_list_page_init (SemEntityListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->collection = SEM_COLLECTION_PEOPLE;
  self->sort_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (GTK_SORTER (self->sorter)));
  g_signal_connect_object (self->sort_model, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sort_model), create_row_cb, self, NULL);
}
