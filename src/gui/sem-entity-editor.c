/* sem-entity-editor.c — a window that edits or creates any plan entity
 *
 * One editor for every collection: the rows come from the entity class's
 * field table; a small presentation table below gives them labels, groups
 * and an order that reads well for each kind of entity.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-entity-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sem-entity-editor.h"
#include "sem-entity-editor-private.h"
#include "sem-delegation.h"
#include "sem-event.h"
#include "sem-ical.h"
#include "sem-window-private.h"

typedef struct
{
  SemCollection  collection;
  const char    *field;
  const char    *label;   /* context "entity field" */
  const char    *group;   /* context "editor group"; NULL: the previous row's group */
  SemFieldPresFlags flags;
} FieldPresentation;

/* The order of this table is the order of the rows. TEXT fields get a group
 * of their own, titled with their label. */
static const FieldPresentation presentations[] = {
  { SEM_COLLECTION_PROGRAMMES, "name", NC_("entity field", "Name"), NULL, 0 },
  { SEM_COLLECTION_PROGRAMMES, "organiser", NC_("entity field", "Organiser"), NC_("editor group", "Details"), 0 },
  { SEM_COLLECTION_PROGRAMMES, "url", NC_("entity field", "Website"), NULL, PRES_URL },
  { SEM_COLLECTION_PROGRAMMES, "start_date", NC_("entity field", "First Day"), NULL, 0 },
  { SEM_COLLECTION_PROGRAMMES, "end_date", NC_("entity field", "Last Day"), NULL, 0 },
  { SEM_COLLECTION_PROGRAMMES, "description", NC_("entity field", "Description"), NULL, PRES_MULTILINE },
  { SEM_COLLECTION_PROGRAMMES, "cities", NC_("entity field", "Cities"), NC_("editor group", "Taking Part"), 0 },

  { SEM_COLLECTION_CITIES, "name", NC_("entity field", "Name"), NULL, 0 },
  { SEM_COLLECTION_CITIES, "country", NC_("entity field", "Country Code"), NC_("editor group", "Details"), PRES_COUNTRY },
  { SEM_COLLECTION_CITIES, "timezone", NC_("entity field", "Timezone"), NULL, PRES_TIMEZONE },

  { SEM_COLLECTION_VENUES, "name", NC_("entity field", "Name"), NULL, 0 },
  { SEM_COLLECTION_VENUES, "address", NC_("entity field", "Address"), NC_("editor group", "Details"), 0 },
  { SEM_COLLECTION_VENUES, "city", NC_("entity field", "City"), NULL, 0 },
  { SEM_COLLECTION_VENUES, "timezone", NC_("entity field", "Timezone"), NULL, PRES_TIMEZONE },
  { SEM_COLLECTION_VENUES, "geo", NC_("entity field", "Map Location"), NULL, 0 },

  { SEM_COLLECTION_ROOMS, "name", NC_("entity field", "Name"), NULL, 0 },
  { SEM_COLLECTION_ROOMS, "venue", NC_("entity field", "Venue"), NC_("editor group", "Details"), 0 },
  { SEM_COLLECTION_ROOMS, "capacity", NC_("entity field", "Seats"), NULL, 0 },

  { SEM_COLLECTION_PEOPLE, "name", NC_("entity field", "Full Name"), NC_("editor group", "Person"), 0 },
  { SEM_COLLECTION_PEOPLE, "organisation", NC_("entity field", "Organisation"), NULL, 0 },
  { SEM_COLLECTION_PEOPLE, "position", NC_("entity field", "Position"), NULL, 0 },
  { SEM_COLLECTION_PEOPLE, "email", NC_("entity field", "Email"), NC_("editor group", "Contact"), PRES_EMAIL },
  { SEM_COLLECTION_PEOPLE, "phone", NC_("entity field", "Phone"), NULL, PRES_PHONE },
  { SEM_COLLECTION_PEOPLE, "city", NC_("entity field", "Home City"), NULL, 0 },
  { SEM_COLLECTION_PEOPLE, "language", NC_("entity field", "Preferred Language"), NULL, PRES_LANGUAGE },
  { SEM_COLLECTION_PEOPLE, "roles", NC_("entity field", "Roles"), NC_("editor group", "Roles"), 0 },

  { SEM_COLLECTION_EVENTS, "title", NC_("entity field", "Title"), NULL, 0 },
  { SEM_COLLECTION_EVENTS, "programme", NC_("entity field", "Programme"), NC_("editor group", "Details"), 0 },
  { SEM_COLLECTION_EVENTS, "kind", NC_("entity field", "Kind"), NULL, 0 },
  { SEM_COLLECTION_EVENTS, "status", NC_("entity field", "Status"), NULL, 0 },
  { SEM_COLLECTION_EVENTS, "start_date", NC_("entity field", "First Day"), NC_("editor group", "Dates and Place"), 0 },
  { SEM_COLLECTION_EVENTS, "end_date", NC_("entity field", "Last Day"), NULL, 0 },
  { SEM_COLLECTION_EVENTS, "timezone", NC_("entity field", "Timezone"), NULL, PRES_TIMEZONE },
  { SEM_COLLECTION_EVENTS, "mode", NC_("entity field", "Format"), NULL, 0 },
  { SEM_COLLECTION_EVENTS, "venue", NC_("entity field", "Venue"), NULL, 0 },
  { SEM_COLLECTION_EVENTS, "online_link", NC_("entity field", "Online Link"), NULL, PRES_URL },
  { SEM_COLLECTION_EVENTS, "description", NC_("entity field", "Description"), NULL, PRES_MULTILINE },

  { SEM_COLLECTION_SESSIONS, "title", NC_("entity field", "Title"), NULL, 0 },
  { SEM_COLLECTION_SESSIONS, "event", NC_("entity field", "Event"), NC_("editor group", "Time and Place"), 0 },
  { SEM_COLLECTION_SESSIONS, "start", NC_("entity field", "Starts"), NULL, 0 },
  { SEM_COLLECTION_SESSIONS, "end", NC_("entity field", "Ends"), NULL, 0 },
  { SEM_COLLECTION_SESSIONS, "room", NC_("entity field", "Room"), NULL, 0 },
  { SEM_COLLECTION_SESSIONS, "kind", NC_("entity field", "Kind"), NC_("editor group", "Details"), 0 },
  { SEM_COLLECTION_SESSIONS, "status", NC_("entity field", "Status"), NULL, 0 },
  { SEM_COLLECTION_SESSIONS, "capacity", NC_("entity field", "Seats"), NULL, 0 },
  { SEM_COLLECTION_SESSIONS, "language", NC_("entity field", "Language"), NULL, PRES_LANGUAGE },
  { SEM_COLLECTION_SESSIONS, "interpretation", NC_("entity field", "Interpretation Into"), NULL, 0 },
  { SEM_COLLECTION_SESSIONS, "facilitators", NC_("entity field", "Facilitators"), NULL, 0 },
  { SEM_COLLECTION_SESSIONS, "description", NC_("entity field", "Description"), NULL, PRES_MULTILINE },
  { SEM_COLLECTION_SESSIONS, "audience", NC_("entity field", "Open To"), NC_("editor group", "Audience"), 0 },
  { SEM_COLLECTION_SESSIONS, "audience_delegations", NC_("entity field", "Delegations"), NULL, 0 },
  { SEM_COLLECTION_SESSIONS, "audience_roles", NC_("entity field", "City Roles"), NULL, 0 },
  { SEM_COLLECTION_SESSIONS, "mandatory", NC_("entity field", "Every Delegation Attends"), NULL, 0 },
  { SEM_COLLECTION_SESSIONS, "ical_uid", NULL, NULL, PRES_HIDDEN },
  { SEM_COLLECTION_SESSIONS, "ical_recurrence_id", NULL, NULL, PRES_HIDDEN },

  { SEM_COLLECTION_DELEGATIONS, "event", NC_("entity field", "Event"), NC_("editor group", "Details"), 0 },
  { SEM_COLLECTION_DELEGATIONS, "city", NC_("entity field", "City"), NULL, 0 },
  { SEM_COLLECTION_DELEGATIONS, "status", NC_("entity field", "Status"), NULL, 0 },
  { SEM_COLLECTION_DELEGATIONS, "arrival", NC_("entity field", "Arrival"), NULL, 0 },
  { SEM_COLLECTION_DELEGATIONS, "departure", NC_("entity field", "Departure"), NULL, 0 },
  { SEM_COLLECTION_DELEGATIONS, "head", NC_("entity field", "Head of Delegation"), NC_("editor group", "People"), 0 },
  { SEM_COLLECTION_DELEGATIONS, "members", NC_("entity field", "Members"), NULL, 0 },
  { SEM_COLLECTION_DELEGATIONS, "attendance", NC_("entity field", "Attendance"), NC_("editor group", "Attendance"), 0 },
  { SEM_COLLECTION_DELEGATIONS, "notes", NC_("entity field", "Notes"), NULL, PRES_MULTILINE },

  { SEM_COLLECTION_FEEDS, "name", NC_("entity field", "Name"), NC_("editor group", "Details"), 0 },
  { SEM_COLLECTION_FEEDS, "url", NC_("entity field", "Address"), NULL, PRES_URL },
  { SEM_COLLECTION_FEEDS, "user", NC_("entity field", "User Name"), NULL, 0 },
  { SEM_COLLECTION_FEEDS, "refresh_interval", NC_("entity field", "Refresh Every (Minutes)"), NULL, 0 },
  { SEM_COLLECTION_FEEDS, "enabled", NC_("entity field", "Enabled"), NULL, 0 },
  { SEM_COLLECTION_FEEDS, "people", NC_("entity field", "People"), NC_("editor group", "Whose Busy Time"), 0 },
  { SEM_COLLECTION_FEEDS, "delegations", NC_("entity field", "Delegations"), NULL, 0 },
  { SEM_COLLECTION_FEEDS, "colour", NULL, NULL, PRES_HIDDEN },
  { SEM_COLLECTION_FEEDS, "etag", NULL, NULL, PRES_HIDDEN },
  { SEM_COLLECTION_FEEDS, "http_last_modified", NULL, NULL, PRES_HIDDEN },
  { SEM_COLLECTION_FEEDS, "body_hash", NULL, NULL, PRES_HIDDEN },
  { SEM_COLLECTION_FEEDS, "last_sync", NULL, NULL, PRES_HIDDEN },
  { SEM_COLLECTION_FEEDS, "last_error", NULL, NULL, PRES_HIDDEN },
};

struct _SemEntityEditor
{
  AdwWindow            parent_instance;

  /* template widgets */
  GtkButton           *cancel_button;
  GtkButton           *delete_button;
  AdwPreferencesGroup *delete_group;
  AdwPreferencesPage  *page;
  GtkButton           *save_button;
  AdwWindowTitle      *window_title;

  /* owned */
  SemPlan             *plan;
  SemEntity           *entity;    /* being edited, or created by Save */
  SemEntity           *defaults;  /* creating: the starting values */
  GPtrArray           *fields;    /* SemFieldEditor */
  GObjectClass        *klass;     /* of the collection's entities */
  SemCollection        collection;
  gboolean             creating;
  gboolean             building;
};

G_DEFINE_FINAL_TYPE (SemEntityEditor, sem_entity_editor, ADW_TYPE_WINDOW)

/* The words that change with the kind of entity. */
typedef struct
{
  const char *edit_title;
  const char *new_title;
  const char *edit_undo;
  const char *add_undo;
  const char *delete_label;
  const char *delete_heading;
  const char *id_prefix;
} CollectionWords;

static void
collection_words (SemCollection    collection,
                  CollectionWords *words)
{
  switch (collection)
    {
    case SEM_COLLECTION_PROGRAMMES:
      *words = (CollectionWords) { C_("editor title", "Edit Programme"), C_("editor title", "New Programme"),
                                   C_("undo action", "Edit Programme"), C_("undo action", "Add Programme"),
                                   _("_Delete Programme"), _("Delete Programme?"), "programme" };
      break;
    case SEM_COLLECTION_CITIES:
      *words = (CollectionWords) { C_("editor title", "Edit City"), C_("editor title", "New City"),
                                   C_("undo action", "Edit City"), C_("undo action", "Add City"),
                                   _("_Delete City"), _("Delete City?"), "city" };
      break;
    case SEM_COLLECTION_VENUES:
      *words = (CollectionWords) { C_("editor title", "Edit Venue"), C_("editor title", "New Venue"),
                                   C_("undo action", "Edit Venue"), C_("undo action", "Add Venue"),
                                   _("_Delete Venue"), _("Delete Venue?"), "venue" };
      break;
    case SEM_COLLECTION_ROOMS:
      *words = (CollectionWords) { C_("editor title", "Edit Room"), C_("editor title", "New Room"),
                                   C_("undo action", "Edit Room"), C_("undo action", "Add Room"),
                                   _("_Delete Room"), _("Delete Room?"), "room" };
      break;
    case SEM_COLLECTION_PEOPLE:
      *words = (CollectionWords) { C_("editor title", "Edit Person"), C_("editor title", "New Person"),
                                   C_("undo action", "Edit Person"), C_("undo action", "Add Person"),
                                   _("_Delete Person"), _("Delete Person?"), "p" };
      break;
    case SEM_COLLECTION_EVENTS:
      *words = (CollectionWords) { C_("editor title", "Edit Event"), C_("editor title", "New Event"),
                                   C_("undo action", "Edit Event"), C_("undo action", "Add Event"),
                                   _("_Delete Event"), _("Delete Event?"), "event" };
      break;
    case SEM_COLLECTION_SESSIONS:
      *words = (CollectionWords) { C_("editor title", "Edit Session"), C_("editor title", "New Session"),
                                   C_("undo action", "Edit Session"), C_("undo action", "Add Session"),
                                   _("_Delete Session"), _("Delete Session?"), "session" };
      break;
    case SEM_COLLECTION_DELEGATIONS:
      *words = (CollectionWords) { C_("editor title", "Edit Delegation"), C_("editor title", "New Delegation"),
                                   C_("undo action", "Edit Delegation"), C_("undo action", "Add Delegation"),
                                   _("_Delete Delegation"), _("Delete Delegation?"), "delegation" };
      break;
    case SEM_COLLECTION_FEEDS:
    case SEM_N_COLLECTIONS:
    default:
      *words = (CollectionWords) { C_("editor title", "Edit Calendar"), C_("editor title", "New Calendar"),
                                   C_("undo action", "Edit Calendar"), C_("undo action", "Add Calendar"),
                                   _("_Delete Calendar"), _("Delete Calendar?"), "feed" };
      break;
    }
}

/* The tooltip and accessible name of the button beside a reference to
 * @collection that creates one: the title of the editor it opens. */
const char *
_sem_entity_editor_new_button_label (SemCollection collection)
{
  CollectionWords words;

  collection_words (collection, &words);
  return words.new_title;
}

static const FieldPresentation *
find_presentation (SemCollection  collection,
                   const char    *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (presentations); i++)
    if (presentations[i].collection == collection && g_str_equal (presentations[i].field, field))
      return &presentations[i];
  return NULL;
}

/* The editor's language for content: the window's if there is one. */
const char *
_sem_entity_editor_language (void)
{
  const char *lang = sem_window_ui_language ();

  return lang != NULL ? lang : "en";
}

/* What people call @entity: its title, name or id. */
const char *
_sem_entity_editor_display_name (SemPlan   *plan,
                                 SemEntity *entity)
{
  const SemFieldInfo *fields;
  guint n_fields;

  /* A delegation is known by its city. */
  if (SEM_IS_DELEGATION (entity))
    {
      SemEntity *city = sem_plan_lookup (plan, SEM_COLLECTION_CITIES,
                                         sem_delegation_get_city (SEM_DELEGATION (entity)));

      if (city != NULL)
        return _sem_entity_editor_display_name (plan, city);
    }

  fields = sem_entity_class_get_fields (SEM_ENTITY_GET_CLASS (entity), &n_fields);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_fields; i++)
      {
        const SemFieldInfo *field = &fields[i];
        const char *wanted = pass == 0 ? "title" : "name";

        if (!g_str_equal (field->name, wanted))
          continue;
        if (field->kind == SEM_FIELD_TEXT)
          {
            const char *text = sem_entity_get_text (entity, wanted, _sem_entity_editor_language ());

            if (text != NULL && *text != '\0')
              return text;
          }
        else if (field->kind == SEM_FIELD_STRING)
          {
            const char *text = *(char **) sem_entity_field_ptr (entity, field);

            if (text != NULL && *text != '\0')
              return text;
          }
      }
  return sem_entity_get_id (entity);
}

/* The timezone the editor shows times in: the event's (a session's event as
 * chosen in the editor right now), else UTC. */
GTimeZone *
_sem_entity_editor_dup_timezone (SemEntityEditor *self)
{
  const char *event_id = NULL;
  SemEntity *event = NULL;

  if (self->collection == SEM_COLLECTION_EVENTS)
    {
      SemFieldEditor *fe = _sem_entity_editor_find_field (self, "timezone");
      const char *tz = fe != NULL ? _sem_field_editor_get_string (fe) : NULL;

      if (tz != NULL && *tz != '\0')
        {
          GTimeZone *zone = g_time_zone_new_identifier (tz);

          if (zone != NULL)
            return zone;
        }
    }
  else
    {
      SemFieldEditor *fe = _sem_entity_editor_find_field (self, "event");

      if (fe != NULL)
        event_id = _sem_field_editor_get_string (fe);
      if (event_id != NULL)
        event = sem_plan_lookup (self->plan, SEM_COLLECTION_EVENTS, event_id);
      if (event != NULL && sem_event_get_timezone (SEM_EVENT (event)) != NULL)
        {
          GTimeZone *zone = g_time_zone_new_identifier (sem_event_get_timezone (SEM_EVENT (event)));

          if (zone != NULL)
            return zone;
        }
    }
  return g_time_zone_new_utc ();
}

GObjectClass *
_sem_entity_editor_get_class (SemEntityEditor *self)
{
  return self->klass;
}

SemPlan *
_sem_entity_editor_get_plan (SemEntityEditor *self)
{
  return self->plan;
}

/* The values the rows start from: the entity, or the defaults. */
SemEntity *
_sem_entity_editor_get_source (SemEntityEditor *self)
{
  return self->creating ? self->defaults : self->entity;
}

SemFieldEditor *
_sem_entity_editor_find_field (SemEntityEditor *self,
                               const char      *name)
{
  if (self->fields == NULL)
    return NULL;
  for (guint i = 0; i < self->fields->len; i++)
    {
      SemFieldEditor *fe = g_ptr_array_index (self->fields, i);

      if (g_str_equal (_sem_field_editor_get_field (fe)->name, name))
        return fe;
    }
  return NULL;
}

/* Lets the rows that depend on @changed (a delegation's attendance on its
 * members) follow it. */
void
_sem_entity_editor_field_changed (SemEntityEditor *self,
                                  SemFieldEditor  *changed)
{
  if (self->building || self->fields == NULL)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    if (g_ptr_array_index (self->fields, i) != changed)
      _sem_field_editor_follow (g_ptr_array_index (self->fields, i), changed);
}

/* Checks every row and the rules between rows; Save only when all hold. */
void
_sem_entity_editor_validate (SemEntityEditor *self)
{
  gboolean valid = TRUE;

  if (self->building || self->fields == NULL)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    _sem_field_editor_validate (g_ptr_array_index (self->fields, i));

  /* Between fields: the end after the start. */
  {
    static const char *const pairs[][2] = {
      { "start", "end" }, { "start_date", "end_date" }, { "arrival", "departure" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
      {
        SemFieldEditor *start = _sem_entity_editor_find_field (self, pairs[i][0]);
        SemFieldEditor *end = _sem_entity_editor_find_field (self, pairs[i][1]);

        if (start != NULL && end != NULL &&
            _sem_field_editor_get_error (start) == NULL &&
            _sem_field_editor_get_error (end) == NULL &&
            _sem_field_editor_compare (start, end) > 0)
          _sem_field_editor_set_error (end, _sem_field_editor_get_field (end)->kind == SEM_FIELD_INSTANT
                                              ? _("Ends before it starts")
                                              : _("Comes before the first day"),
                                       TRUE);
      }
  }

  for (guint i = 0; i < self->fields->len; i++)
    {
      SemFieldEditor *fe = g_ptr_array_index (self->fields, i);

      _sem_field_editor_show_error (fe);
      if (_sem_field_editor_get_error (fe) != NULL)
        valid = FALSE;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid);
}

/* Builds the rows, group by group, in the order of the presentation table,
 * then any field the table does not name. */
static void
build_rows (SemEntityEditor *self)
{
  const SemFieldInfo *fields;
  g_autofree gboolean *done = NULL;
  AdwPreferencesGroup *group = NULL;
  guint n_fields;

  fields = sem_entity_class_get_fields (SEM_ENTITY_CLASS (self->klass), &n_fields);
  done = g_new0 (gboolean, n_fields);
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) _sem_field_editor_free);
  self->building = TRUE;

  for (guint pass = 0; pass < 2; pass++)
    for (guint t = 0; t < (pass == 0 ? G_N_ELEMENTS (presentations) : n_fields); t++)
      {
        const FieldPresentation *pres = NULL;
        const SemFieldInfo *field = NULL;
        gboolean own_group;
        guint index = 0;

        if (pass == 0)
          {
            if (presentations[t].collection != self->collection)
              continue;
            pres = &presentations[t];
            for (index = 0; index < n_fields; index++)
              if (g_str_equal (fields[index].name, pres->field))
                break;
            if (index == n_fields)
              continue;
          }
        else
          {
            index = t;
            pres = find_presentation (self->collection, fields[index].name);
            if (done[index])
              continue;
            if (group != NULL && pres == NULL && t == 0)
              group = NULL;
          }
        field = &fields[index];
        done[index] = TRUE;

        if ((pres != NULL && (pres->flags & PRES_HIDDEN)) || field->kind == SEM_FIELD_CHILDREN)
          continue;

        own_group = field->kind == SEM_FIELD_TEXT || (pres != NULL && (pres->flags & PRES_MULTILINE));
        if (own_group || (pres != NULL && pres->group != NULL) || group == NULL)
          {
            group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
            if (pres != NULL && pres->group != NULL && !own_group)
              adw_preferences_group_set_title (group, g_dpgettext2 (GETTEXT_PACKAGE, "editor group",
                                                                    pres->group));
            adw_preferences_page_add (self->page, group);
          }

        g_ptr_array_add (self->fields,
                         _sem_field_editor_new (self, group, field,
                                                pres != NULL && pres->label != NULL
                                                  ? g_dpgettext2 (GETTEXT_PACKAGE, "entity field",
                                                                  pres->label)
                                                  : field->name,
                                                pres != NULL ? pres->flags : 0));

        /* A text's group stands alone: what follows starts a new one. */
        if (own_group)
          group = NULL;
      }

  /* Delete stays at the bottom. */
  adw_preferences_page_remove (self->page, self->delete_group);
  adw_preferences_page_add (self->page, self->delete_group);

  self->building = FALSE;
  _sem_entity_editor_validate (self);
}

/* Reads every row into @values (GValue per property, NULL when unchanged
 * against @source); returns the property names in the order to set them. */
static GPtrArray *
collect_values (SemEntityEditor *self,
                SemEntity       *source,
                GPtrArray       *values)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) emptying = g_ptr_array_new ();
  g_autoptr(GPtrArray) emptying_values = g_ptr_array_new ();

  for (guint i = 0; i < self->fields->len; i++)
    {
      SemFieldEditor *fe = g_ptr_array_index (self->fields, i);
      const SemFieldInfo *field = _sem_field_editor_get_field (fe);

      for (guint variant = 0; variant < (field->kind == SEM_FIELD_TEXT ? 2u : 1u); variant++)
        {
          const char *name = _sem_field_editor_property_name (field, variant);
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (source), name);
          g_auto(GValue) current = G_VALUE_INIT;
          GValue *value = g_new0 (GValue, 1);

          g_value_init (value, pspec->value_type);
          _sem_field_editor_read (fe, variant, value);
          g_value_init (&current, pspec->value_type);
          g_object_get_property (G_OBJECT (source), name, &current);

          if (_sem_values_equal (field, &current, value))
            {
              g_value_unset (value);
              g_free (value);
              continue;
            }

          /* Emptying a text after filling the other language, never
           * both empty in between: the model refuses that. */
          if (G_VALUE_HOLDS_STRING (value) &&
              (g_value_get_string (value) == NULL || *g_value_get_string (value) == '\0'))
            {
              g_ptr_array_add (emptying, (gpointer) name);
              g_ptr_array_add (emptying_values, value);
            }
          else
            {
              g_ptr_array_add (names, (gpointer) name);
              g_ptr_array_add (values, value);
            }
        }
    }

  for (guint i = 0; i < emptying->len; i++)
    {
      g_ptr_array_add (names, g_ptr_array_index (emptying, i));
      g_ptr_array_add (values, g_ptr_array_index (emptying_values, i));
    }
  return g_steal_pointer (&names);
}

static void
free_value (gpointer data)
{
  g_value_unset (data);
  g_free (data);
}

static void
save_edit (SemEntityEditor *self)
{
  CollectionWords words;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (free_value);
  g_autoptr(GPtrArray) names = NULL;

  /* Deleted (or undone away) while the editor was open. */
  if (sem_plan_lookup (self->plan, self->collection, sem_entity_get_id (self->entity)) != self->entity)
    return;

  names = collect_values (self, self->entity, values);
  if (names->len == 0)
    return;

  collection_words (self->collection, &words);
  sem_plan_begin_group (self->plan, words.edit_undo);
  for (guint i = 0; i < names->len; i++)
    sem_plan_set_property (self->plan, self->entity, g_ptr_array_index (names, i),
                           g_ptr_array_index (values, i));
  sem_plan_end_group (self->plan);
}

static void
copy_fields (SemEntity *from,
             SemEntity *to)
{
  const SemFieldInfo *fields;
  guint n_fields;

  fields = sem_entity_class_get_fields (SEM_ENTITY_GET_CLASS (from), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    for (guint variant = 0; variant < (fields[i].kind == SEM_FIELD_TEXT ? 2u : 1u); variant++)
      {
        const char *name = _sem_field_editor_property_name (&fields[i], variant);
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (from), name);
        g_auto(GValue) value = G_VALUE_INIT;

        g_value_init (&value, pspec->value_type);
        g_object_get_property (G_OBJECT (from), name, &value);
        g_object_set_property (G_OBJECT (to), name, &value);
      }
}

static void
save_create (SemEntityEditor *self)
{
  CollectionWords words;
  GType type = sem_collection_get_item_type (self->collection);
  g_autofree char *prefix = NULL;
  g_autofree char *id = NULL;
  g_autoptr(SemEntity) entity = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (free_value);
  g_autoptr(GPtrArray) names = NULL;
  SemFieldEditor *event_field;

  collection_words (self->collection, &words);

  /* A session's id tells whose it is, as the imported ones do. */
  event_field = _sem_entity_editor_find_field (self, "event");
  if (event_field != NULL && _sem_field_editor_get_string (event_field) != NULL)
    prefix = g_strdup_printf ("%s-%s", _sem_field_editor_get_string (event_field), words.id_prefix);
  else
    prefix = g_strdup (words.id_prefix);
  id = sem_plan_new_id (self->plan, self->collection, prefix);

  entity = g_object_new (type, "id", id, NULL);
  /* Fields with no row (hidden ones) keep the defaults' values too. */
  if (self->defaults != NULL)
    copy_fields (self->defaults, entity);
  names = collect_values (self, entity, values);
  for (guint i = 0; i < names->len; i++)
    g_object_set_property (G_OBJECT (entity), g_ptr_array_index (names, i),
                           g_ptr_array_index (values, i));

  sem_plan_begin_group (self->plan, words.add_undo);
  sem_plan_add (self->plan, entity);
  sem_plan_end_group (self->plan);

  g_clear_object (&self->entity);
  self->entity = g_steal_pointer (&entity);
}

static void
save_clicked_cb (SemEntityEditor *self)
{
  _sem_entity_editor_validate (self);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;

  if (self->creating)
    save_create (self);
  else
    save_edit (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_clicked_cb (SemEntityEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_response_cb (SemEntityEditor *self,
                    const char      *response)
{
  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (self->entity != NULL &&
      sem_plan_lookup (self->plan, self->collection, sem_entity_get_id (self->entity)) == self->entity)
    sem_plan_remove (self->plan, self->entity);
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_clicked_cb (SemEntityEditor *self)
{
  CollectionWords words;
  GtkWidget *dialog;

  collection_words (self->collection, &words);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), words.delete_heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be removed from the plan. You can undo this."),
                                  _sem_entity_editor_display_name (self->plan, self->entity));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sem_entity_editor_dispose (GObject *object)
{
  SemEntityEditor *self = SEM_ENTITY_EDITOR (object);

  /* No checks while the rows go away; then the fields they refer to. */
  self->building = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), SEM_TYPE_ENTITY_EDITOR);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->klass, g_type_class_unref);
  g_clear_object (&self->plan);
  g_clear_object (&self->entity);
  g_clear_object (&self->defaults);
  G_OBJECT_CLASS (sem_entity_editor_parent_class)->dispose (object);
}

static void
sem_entity_editor_class_init (SemEntityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sem_entity_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sofia/Seminars/ui/sem-entity-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SemEntityEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SemEntityEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SemEntityEditor, delete_group);
  gtk_widget_class_bind_template_child (widget_class, SemEntityEditor, page);
  gtk_widget_class_bind_template_child (widget_class, SemEntityEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SemEntityEditor, window_title);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sem_entity_editor_init (SemEntityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

static SemEntityEditor *
editor_new (GtkWindow     *parent,
            SemPlan       *plan,
            SemCollection  collection,
            SemEntity     *entity,
            SemEntity     *defaults)
{
  SemEntityEditor *self = g_object_new (SEM_TYPE_ENTITY_EDITOR,
                                        "transient-for", parent,
                                        "modal", parent != NULL,
                                        NULL);
  CollectionWords words;

  self->plan = g_object_ref (plan);
  self->collection = collection;
  self->klass = g_type_class_ref (sem_collection_get_item_type (collection));
  self->creating = entity == NULL;
  g_set_object (&self->entity, entity);
  g_set_object (&self->defaults, defaults);

  collection_words (collection, &words);
  adw_window_title_set_title (self->window_title, self->creating ? words.new_title : words.edit_title);
  gtk_window_set_title (GTK_WINDOW (self), self->creating ? words.new_title : words.edit_title);
  if (entity != NULL)
    adw_window_title_set_subtitle (self->window_title, _sem_entity_editor_display_name (plan, entity));
  gtk_button_set_label (self->delete_button, words.delete_label);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), !self->creating);

  build_rows (self);
  return self;
}

/**
 * sem_entity_editor_new_edit:
 * @parent: (nullable): the window to stay above
 * @plan: the plan
 * @entity: an entity of @plan
 *
 * Returns: (transfer floating): a new editor; present it
 */
SemEntityEditor *
sem_entity_editor_new_edit (GtkWindow *parent,
                            SemPlan   *plan,
                            SemEntity *entity)
{
  SemCollection collection;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SEM_IS_ENTITY (entity), NULL);

  collection = sem_collection_for_type (G_OBJECT_TYPE (entity));
  g_return_val_if_fail (collection < SEM_N_COLLECTIONS, NULL);

  return editor_new (parent, plan, collection, entity, NULL);
}

/**
 * sem_entity_editor_new_create:
 * @parent: (nullable): the window to stay above
 * @plan: the plan
 * @collection: what to create
 * @defaults: (nullable): an entity of @collection's type with the starting values
 *
 * Returns: (transfer floating): a new editor; present it
 */
SemEntityEditor *
sem_entity_editor_new_create (GtkWindow     *parent,
                              SemPlan       *plan,
                              SemCollection  collection,
                              SemEntity     *defaults)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);
  g_return_val_if_fail (collection < SEM_N_COLLECTIONS, NULL);
  g_return_val_if_fail (defaults == NULL ||
                        G_OBJECT_TYPE (defaults) == sem_collection_get_item_type (collection), NULL);

  return editor_new (parent, plan, collection, NULL, defaults);
}

/**
 * sem_entity_editor_get_entity:
 *
 * Returns: (transfer none) (nullable): the entity being edited; after a
 *   Save that created one, the new entity
 */
SemEntity *
sem_entity_editor_get_entity (SemEntityEditor *self)
{
  g_return_val_if_fail (SEM_IS_ENTITY_EDITOR (self), NULL);
  return self->entity;
}
