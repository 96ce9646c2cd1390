/* sem-feeds-dialog.c — the plan's calendar subscriptions: add, edit, refresh, remove
 *
 * Every edit goes through the plan, so it can be undone. The syncs belong
 * to the window, which schedules them and cancels them when it closes; the
 * dialog only asks for them and shows how they went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-feeds-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-city.h"
#include "sem-delegation.h"
#include "sem-feed-sync.h"
#include "sem-feeds-dialog.h"
#include "sem-person.h"
#include "sem-secret.h"
#include "sem-window-private.h"

struct _SemFeedsDialog
{
  AdwWindow   parent_instance;

  /* template widgets */
  GtkListBox *feed_list;
  GtkButton  *refresh_all_button;

  /* owned */
  SemPlan    *plan;

  /* weak */
  SemWindow  *window;
};

G_DEFINE_FINAL_TYPE (SemFeedsDialog, sem_feeds_dialog, ADW_TYPE_WINDOW)

/* Rows */

typedef struct
{
  SemFeed   *feed;      /* the plan keeps it alive while the row is bound */
  GtkLabel  *name;
  GtkLabel  *url;
  GtkLabel  *status;
  GtkSwitch *enabled;
  GtkButton *refresh;
} FeedRow;

static FeedRow *
get_feed_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "sem-feed-row");
}

static char *
format_status (SemFeedsDialog *self,
               SemFeed        *feed,
               gboolean       *is_error)
{
  const char *error = sem_feed_get_last_error (feed);
  gint64 last_sync = sem_feed_get_last_sync (feed);

  *is_error = FALSE;
  if (self->window != NULL &&
      _sem_window_is_syncing_feed (self->window, sem_entity_get_id (SEM_ENTITY (feed))))
    return g_strdup (_("Refreshing…"));

  if (error != NULL && *error != '\0')
    {
      *is_error = TRUE;
      /* Translators: %s is why the last refresh of a subscription failed */
      return g_strdup_printf (_("Failed: %s"), error);
    }

  if (last_sync > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (last_sync);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

      /* Translators: %s is a date and time, e.g. 2018-02-20 09:30 */
      return g_strdup_printf (_("Updated %s"), when != NULL ? when : "");
    }

  return g_strdup (_("Not refreshed yet"));
}

static void
update_row (SemFeedsDialog *self,
            GtkWidget      *row)
{
  FeedRow *fr = get_feed_row (row);
  g_autofree char *status = NULL;
  gboolean is_error;
  const char *name;

  if (fr == NULL)
    return;

  name = sem_feed_get_name (fr->feed);
  gtk_label_set_text (fr->name, name != NULL && *name != '\0' ? name : _("Unnamed"));
  gtk_label_set_text (fr->url, sem_feed_get_url (fr->feed) != NULL ? sem_feed_get_url (fr->feed) : "");

  status = format_status (self, fr->feed, &is_error);
  gtk_label_set_text (fr->status, status);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (fr->status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (fr->status), "error");

  if (gtk_switch_get_active (fr->enabled) != sem_feed_get_enabled (fr->feed))
    gtk_switch_set_active (fr->enabled, sem_feed_get_enabled (fr->feed));

  gtk_widget_set_sensitive (GTK_WIDGET (fr->refresh),
                            self->window != NULL &&
                            !_sem_window_is_syncing_feed (self->window,
                                                          sem_entity_get_id (SEM_ENTITY (fr->feed))));
}

static void
enabled_notify_cb (GtkSwitch  *sw,
                   GParamSpec *pspec,
                   GtkWidget  *row)
{
  SemFeedsDialog *self = SEM_FEEDS_DIALOG (gtk_widget_get_root (row));
  FeedRow *fr = get_feed_row (row);

  if (self == NULL || fr == NULL || gtk_switch_get_active (sw) == sem_feed_get_enabled (fr->feed))
    return;

  sem_plan_set (self->plan, SEM_ENTITY (fr->feed), "enabled", gtk_switch_get_active (sw), NULL);
}

static void
refresh_clicked_cb (GtkWidget *row)
{
  SemFeedsDialog *self = SEM_FEEDS_DIALOG (gtk_widget_get_root (row));
  FeedRow *fr = get_feed_row (row);

  if (fr != NULL)
    sem_feeds_dialog_refresh_feed (self, sem_entity_get_id (SEM_ENTITY (fr->feed)));
}

static void
remove_clicked_cb (GtkWidget *row)
{
  SemFeedsDialog *self = SEM_FEEDS_DIALOG (gtk_widget_get_root (row));
  FeedRow *fr = get_feed_row (row);

  if (fr != NULL)
    sem_plan_remove (self->plan, SEM_ENTITY (fr->feed));
}

static void edit_feed (SemFeedsDialog *self, SemFeed *feed);

static void
edit_clicked_cb (GtkWidget *row)
{
  SemFeedsDialog *self = SEM_FEEDS_DIALOG (gtk_widget_get_root (row));
  FeedRow *fr = get_feed_row (row);

  if (fr != NULL)
    edit_feed (self, fr->feed);
}

static GtkButton *
row_button (GtkWidget  *row,
            const char *icon,
            const char *tooltip,
            GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", callback, row);
  return GTK_BUTTON (button);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  SemFeedsDialog *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  FeedRow *fr = g_new0 (FeedRow, 1);

  fr->feed = SEM_FEED (item);
  fr->name = GTK_LABEL (gtk_label_new (NULL));
  fr->url = GTK_LABEL (gtk_label_new (NULL));
  fr->status = GTK_LABEL (gtk_label_new (NULL));
  for (GtkLabel **l = (GtkLabel *[]) { fr->name, fr->url, fr->status, NULL }; *l != NULL; l++)
    {
      gtk_label_set_xalign (*l, 0.0);
      gtk_label_set_ellipsize (*l, PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (texts), GTK_WIDGET (*l));
    }
  gtk_label_set_wrap (fr->status, TRUE);
  gtk_label_set_ellipsize (fr->status, PANGO_ELLIPSIZE_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (fr->name), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (fr->url), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (fr->url), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (fr->status), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (fr->status), "sem-feed-status");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  fr->enabled = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (fr->enabled), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (fr->enabled), _("Refresh this subscription"));
  gtk_switch_set_active (fr->enabled, sem_feed_get_enabled (fr->feed));
  g_signal_connect (fr->enabled, "notify::active", G_CALLBACK (enabled_notify_cb), row);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fr->enabled));

  fr->refresh = row_button (row, "view-refresh-symbolic", _("Refresh"), G_CALLBACK (refresh_clicked_cb));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fr->refresh));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row_button (row, "document-edit-symbolic", _("Edit"),
                                                         G_CALLBACK (edit_clicked_cb))));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row_button (row, "user-trash-symbolic", _("Remove"),
                                                         G_CALLBACK (remove_clicked_cb))));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "sem-feed-row", fr, g_free);

  update_row (self, row);
  return row;
}

/**
 * sem_feeds_dialog_update:
 *
 * Shows the feeds' current state again; the window calls it when a sync
 * starts or ends.
 */
void
sem_feeds_dialog_update (SemFeedsDialog *self)
{
  g_return_if_fail (SEM_IS_FEEDS_DIALOG (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->feed_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    update_row (self, row);
}

static GtkWidget *
find_row (SemFeedsDialog *self,
          const char     *feed_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->feed_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      FeedRow *fr = get_feed_row (row);

      if (fr != NULL && g_strcmp0 (sem_entity_get_id (SEM_ENTITY (fr->feed)), feed_id) == 0)
        return row;
    }
  return NULL;
}

/**
 * sem_feeds_dialog_get_status:
 * @is_error: (out) (optional): whether the status is shown as an error
 *
 * Returns: (nullable): the status line shown in @feed_id's row
 */
const char *
sem_feeds_dialog_get_status (SemFeedsDialog *self,
                             const char     *feed_id,
                             gboolean       *is_error)
{
  GtkWidget *row;
  FeedRow *fr;

  g_return_val_if_fail (SEM_IS_FEEDS_DIALOG (self), NULL);

  row = find_row (self, feed_id);
  fr = row != NULL ? get_feed_row (row) : NULL;
  if (fr == NULL)
    return NULL;
  if (is_error != NULL)
    *is_error = gtk_widget_has_css_class (GTK_WIDGET (fr->status), "error");
  return gtk_label_get_text (fr->status);
}

/**
 * sem_feeds_dialog_refresh_feed:
 *
 * Syncs @feed_id now, as its Refresh button does.
 */
void
sem_feeds_dialog_refresh_feed (SemFeedsDialog *self,
                               const char     *feed_id)
{
  SemEntity *feed;

  g_return_if_fail (SEM_IS_FEEDS_DIALOG (self));

  feed = sem_plan_lookup (self->plan, SEM_COLLECTION_FEEDS, feed_id);
  if (feed != NULL && self->window != NULL)
    _sem_window_sync_feed (self->window, SEM_FEED (feed));
}

/**
 * sem_feeds_dialog_refresh_all:
 *
 * Syncs every enabled feed now, as Refresh All does.
 */
void
sem_feeds_dialog_refresh_all (SemFeedsDialog *self)
{
  GListModel *feeds;

  g_return_if_fail (SEM_IS_FEEDS_DIALOG (self));

  if (self->window == NULL)
    return;

  feeds = sem_plan_get_collection (self->plan, SEM_COLLECTION_FEEDS);
  for (guint i = 0; i < g_list_model_get_n_items (feeds); i++)
    {
      g_autoptr(SemFeed) feed = g_list_model_get_item (feeds, i);

      if (sem_feed_get_enabled (feed))
        _sem_window_sync_feed (self->window, feed);
    }
}

static void
refresh_all_clicked_cb (SemFeedsDialog *self)
{
  sem_feeds_dialog_refresh_all (self);
}

/**
 * sem_feeds_dialog_add_feed:
 * @name: (nullable): the name shown; the URL's host when empty
 * @url: an http, https, webcal or webcals URL
 * @person_id: (nullable): the person whose calendar it is
 * @delegation_id: (nullable): the delegation whose calendar it is
 *
 * Adds a feed to the plan, as the Add dialog does; nothing is added when
 * @url is not one that can be subscribed to.
 *
 * Returns: (transfer none) (nullable): the new feed, or %NULL with @error set
 */
SemFeed *
sem_feeds_dialog_add_feed (SemFeedsDialog  *self,
                           const char      *name,
                           const char      *url,
                           const char      *person_id,
                           const char      *delegation_id,
                           GError         **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *id = NULL;
  g_autofree char *fallback = NULL;
  g_autoptr(SemFeed) feed = NULL;

  g_return_val_if_fail (SEM_IS_FEEDS_DIALOG (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  resolved = sem_feed_sync_resolve_url (url, error);
  if (resolved == NULL)
    return NULL;

  if (name == NULL || *name == '\0')
    {
      g_autoptr(GUri) uri = g_uri_parse (resolved, G_URI_FLAGS_ENCODED, NULL);

      fallback = g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);
      name = fallback;
    }

  id = sem_plan_new_id (self->plan, SEM_COLLECTION_FEEDS, "feed");
  feed = sem_feed_new (id);
  g_object_set (feed,
                "name", name,
                "url", url,
                "refresh-interval", SEM_FEED_SYNC_DEFAULT_INTERVAL,
                "enabled", TRUE,
                NULL);
  if (person_id != NULL && *person_id != '\0')
    {
      const char * const people[] = { person_id, NULL };

      g_object_set (feed, "people", people, NULL);
    }
  if (delegation_id != NULL && *delegation_id != '\0')
    {
      const char * const delegations[] = { delegation_id, NULL };

      g_object_set (feed, "delegations", delegations, NULL);
    }
  sem_plan_add (self->plan, SEM_ENTITY (feed));

  return SEM_FEED (sem_plan_lookup (self->plan, SEM_COLLECTION_FEEDS, id));
}

/* The add and edit form */

typedef struct
{
  SemFeedsDialog *dialog;
  SemFeed        *feed;     /* NULL when adding */
  GtkWindow      *window;
  GtkEntry       *name;
  GtkEntry       *url;
  GtkLabel       *url_error;
  GtkSpinButton  *interval;
  GtkEntry       *colour;
  GtkDropDown    *auth;     /* in SemFeedAuth order */
  GtkEntry       *user;
  GtkPasswordEntry *password;
  GtkPasswordEntry *token;
  GtkDropDown    *person;
  GtkDropDown    *delegation;
  GPtrArray      *person_ids;
  GPtrArray      *delegation_ids;
  GtkWidget      *save;
} Form;

static void
form_free (Form *form)
{
  g_clear_pointer (&form->person_ids, g_ptr_array_unref);
  g_clear_pointer (&form->delegation_ids, g_ptr_array_unref);
  g_clear_object (&form->feed);
  g_free (form);
}

static void
form_validate_cb (Form *form)
{
  g_autoptr(GError) error = NULL;
  const char *url = gtk_editable_get_text (GTK_EDITABLE (form->url));
  g_autofree char *resolved = sem_feed_sync_resolve_url (url, &error);
  gboolean show_error = resolved == NULL && *url != '\0';

  gtk_widget_set_sensitive (form->save, resolved != NULL);
  gtk_label_set_text (form->url_error, resolved != NULL ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (form->url_error), show_error);
  if (show_error)
    gtk_widget_add_css_class (GTK_WIDGET (form->url), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (form->url), "error");
}

static const char *
selected_id (GtkDropDown *drop_down,
             GPtrArray   *ids)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  /* The first choice is "None". */
  return selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= ids->len
         ? g_ptr_array_index (ids, selected - 1) : NULL;
}

typedef struct
{
  SemFeedsDialog *dialog;
  SemFeed        *feed;
  gboolean        sync;
  gboolean        token;
} StoreData;

static void
feed_password_stored_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  StoreData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!sem_secret_store_finish (result, &error) &&
      gtk_widget_get_realized (GTK_WIDGET (data->dialog)))
    {
      g_autofree char *text = NULL;
      GtkWidget *message;

      if (data->token)
        text = g_strdup_printf (_("The access token could not be kept in the keyring: %s"),
                                error != NULL ? error->message : "");
      else
        text = g_strdup_printf (_("The password could not be kept in the keyring: %s"),
                                error != NULL ? error->message : "");
      message = adw_message_dialog_new (GTK_WINDOW (data->dialog),
                                        data->token ? _("Access Token Not Kept") : _("Password Not Kept"),
                                        text);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }

  /* A new feed is synced once its password can be found. */
  if (data->sync && data->dialog->window != NULL)
    _sem_window_sync_feed (data->dialog->window, data->feed);

  g_object_unref (data->dialog);
  g_object_unref (data->feed);
  g_free (data);
}

static SemFeedAuth
form_get_auth (Form *form)
{
  guint selected = gtk_drop_down_get_selected (form->auth);

  return selected <= SEM_FEED_AUTH_TOKEN ? (SemFeedAuth) selected : SEM_FEED_AUTH_NONE;
}

/* Sets how the feed authenticates and its user name (in the plan) and keeps
 * the password or token (in the keyring, never in the plan). Returns
 * whether a secret is being stored. */
static gboolean
form_save_credentials (Form     *form,
                       SemFeed  *feed,
                       gboolean  sync)
{
  SemFeedsDialog *self = form->dialog;
  SemFeedAuth auth = form_get_auth (form);
  const char *user = auth == SEM_FEED_AUTH_PASSWORD ? gtk_editable_get_text (GTK_EDITABLE (form->user)) : "";
  const char *secret = "";
  const char *key = NULL;
  StoreData *data;

  if (g_strcmp0 (user, sem_feed_get_user (feed) != NULL ? sem_feed_get_user (feed) : "") != 0)
    sem_plan_set (self->plan, SEM_ENTITY (feed), "user", *user != '\0' ? user : NULL, NULL);
  /* A user name alone already means a password (older files): no edit for that. */
  if (auth != sem_feed_get_effective_auth (feed) ||
      (auth == SEM_FEED_AUTH_NONE && sem_feed_get_auth (feed) != SEM_FEED_AUTH_NONE))
    sem_plan_set (self->plan, SEM_ENTITY (feed), "auth", auth, NULL);

  if (auth == SEM_FEED_AUTH_PASSWORD)
    {
      secret = gtk_editable_get_text (GTK_EDITABLE (form->password));
      key = user;
    }
  else if (auth == SEM_FEED_AUTH_TOKEN)
    {
      secret = gtk_editable_get_text (GTK_EDITABLE (form->token));
      key = SEM_SECRET_FEED_TOKEN_USER;
    }
  if (key == NULL || *key == '\0' || *secret == '\0')
    return FALSE;

  data = g_new0 (StoreData, 1);
  data->dialog = g_object_ref (self);
  data->feed = g_object_ref (feed);
  data->sync = sync;
  data->token = auth == SEM_FEED_AUTH_TOKEN;
  sem_secret_feed_store_async (sem_feed_get_url (feed), key, secret, NULL,
                               feed_password_stored_cb, data);
  return TRUE;
}

static void
set_row_visible (GtkWidget *widget,
                 gboolean   visible)
{
  g_autoptr(GList) labels = gtk_widget_list_mnemonic_labels (widget);

  gtk_widget_set_visible (widget, visible);
  for (GList *l = labels; l != NULL; l = l->next)
    gtk_widget_set_visible (l->data, visible);
}

static void
form_auth_changed_cb (Form *form)
{
  SemFeedAuth auth = form_get_auth (form);

  set_row_visible (GTK_WIDGET (form->user), auth == SEM_FEED_AUTH_PASSWORD);
  set_row_visible (GTK_WIDGET (form->password), auth == SEM_FEED_AUTH_PASSWORD);
  set_row_visible (GTK_WIDGET (form->token), auth == SEM_FEED_AUTH_TOKEN);
}

static void
form_save_cb (Form *form)
{
  SemFeedsDialog *self = form->dialog;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (form->name));
  const char *url = gtk_editable_get_text (GTK_EDITABLE (form->url));
  g_autoptr(GError) error = NULL;

  if (form->feed == NULL)
    {
      SemFeed *feed;
      gboolean storing;

      sem_plan_begin_group (self->plan, _("Add Subscription"));
      feed = sem_feeds_dialog_add_feed (self, name, url,
                                        selected_id (form->person, form->person_ids),
                                        selected_id (form->delegation, form->delegation_ids),
                                        &error);
      storing = feed != NULL && form_save_credentials (form, feed, TRUE);
      sem_plan_end_group (self->plan);

      if (feed == NULL)
        {
          gtk_label_set_text (form->url_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (form->url_error), TRUE);
          return;
        }
      if (!storing && self->window != NULL)
        _sem_window_sync_feed (self->window, feed);
    }
  else
    {
      g_autofree char *resolved = sem_feed_sync_resolve_url (url, &error);
      const char *colour = gtk_editable_get_text (GTK_EDITABLE (form->colour));

      if (resolved == NULL)
        {
          gtk_label_set_text (form->url_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (form->url_error), TRUE);
          return;
        }
      sem_plan_begin_group (self->plan, _("Edit Subscription"));
      if (g_strcmp0 (name, sem_feed_get_name (form->feed)) != 0)
        sem_plan_set (self->plan, SEM_ENTITY (form->feed), "name", name, NULL);
      if (g_strcmp0 (url, sem_feed_get_url (form->feed)) != 0)
        sem_plan_set (self->plan, SEM_ENTITY (form->feed), "url", url, NULL);
      if (gtk_spin_button_get_value_as_int (form->interval) != sem_feed_get_refresh_interval (form->feed))
        sem_plan_set (self->plan, SEM_ENTITY (form->feed), "refresh-interval",
                      gtk_spin_button_get_value_as_int (form->interval), NULL);
      if (g_strcmp0 (colour, sem_feed_get_colour (form->feed) != NULL ? sem_feed_get_colour (form->feed) : "") != 0)
        sem_plan_set (self->plan, SEM_ENTITY (form->feed), "colour", colour, NULL);
      form_save_credentials (form, form->feed, FALSE);
      sem_plan_end_group (self->plan);
    }

  gtk_window_destroy (form->window);
}

static GtkWidget *
form_field (GtkWidget  *grid,
            int         row,
            const char *label,
            GtkWidget  *widget)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 1.0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  return widget;
}

static GtkDropDown *
choice_drop_down (SemPlan       *plan,
                  SemCollection  collection,
                  const char    *lang,
                  GPtrArray     *ids)
{
  GListModel *items = sem_plan_get_collection (plan, collection);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  /* Translators: no person or delegation chosen */
  gtk_string_list_append (names, C_("subscription owner", "None"));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SemEntity) item = g_list_model_get_item (items, i);
      const char *name = NULL;

      if (SEM_IS_PERSON (item))
        name = sem_person_get_name (SEM_PERSON (item));
      else if (SEM_IS_DELEGATION (item))
        {
          SemEntity *city = sem_plan_lookup (plan, SEM_COLLECTION_CITIES,
                                             sem_delegation_get_city (SEM_DELEGATION (item)));

          name = city != NULL ? sem_city_get_name (SEM_CITY (city), lang) : NULL;
        }
      g_ptr_array_add (ids, g_strdup (sem_entity_get_id (item)));
      gtk_string_list_append (names, name != NULL && *name != '\0' ? name : sem_entity_get_id (item));
    }

  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL));
}

static void
edit_feed (SemFeedsDialog *self,
           SemFeed        *feed)
{
  Form *form = g_new0 (Form, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *grid = gtk_grid_new ();
  const char *lang = self->window != NULL ? sem_window_get_language (self->window) : "en";
  int row = 0;

  form->dialog = self;
  form->feed = feed != NULL ? g_object_ref (feed) : NULL;
  form->window = GTK_WINDOW (window);
  form->person_ids = g_ptr_array_new_with_free_func (g_free);
  form->delegation_ids = g_ptr_array_new_with_free_func (g_free);
  g_object_set_data_full (G_OBJECT (window), "sem-form", form, (GDestroyNotify) form_free);

  gtk_window_set_title (GTK_WINDOW (window), feed != NULL ? _("Edit Subscription") : _("Add Subscription"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, -1);

  form->save = gtk_button_new_with_mnemonic (feed != NULL ? _("_Save") : _("_Add"));
  gtk_widget_add_css_class (form->save, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), form->save);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (form->save, "clicked", G_CALLBACK (form_save_cb), form);
  gtk_box_append (GTK_BOX (box), header);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_box_append (GTK_BOX (box), grid);

  form->name = GTK_ENTRY (form_field (grid, row++, _("_Name"), gtk_entry_new ()));
  form->url = GTK_ENTRY (form_field (grid, row++, _("_Address"), gtk_entry_new ()));
  gtk_entry_set_placeholder_text (form->url, "webcal://example.org/calendar.ics");
  gtk_entry_set_input_purpose (form->url, GTK_INPUT_PURPOSE_URL);
  form->url_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (form->url_error, TRUE);
  gtk_label_set_xalign (form->url_error, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (form->url_error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (form->url_error), "caption");
  gtk_widget_set_visible (GTK_WIDGET (form->url_error), FALSE);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (form->url_error), 1, row++, 1, 1);

  {
    const char * const auths[] = {
      /* Translators: how a subscription's server checks who asks; in SemFeedAuth order */
      C_("subscription sign-in", "None"),
      _("User name and password"),
      _("Access token"),
      NULL
    };

    form->auth = GTK_DROP_DOWN (form_field (grid, row++, _("_Sign in with"),
                                            gtk_drop_down_new_from_strings (auths)));
  }
  form->user = GTK_ENTRY (form_field (grid, row++, _("_User name"), gtk_entry_new ()));
  gtk_entry_set_placeholder_text (form->user, _("Only for a feed that asks for one"));
  form->password = GTK_PASSWORD_ENTRY (form_field (grid, row++, _("Pass_word"), gtk_password_entry_new ()));
  gtk_password_entry_set_show_peek_icon (form->password, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (form->password),
                               _("Kept in the keyring, never in the plan; leave empty to keep the one kept before"));
  form->token = GTK_PASSWORD_ENTRY (form_field (grid, row++, _("Access _token"), gtk_password_entry_new ()));
  gtk_password_entry_set_show_peek_icon (form->token, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (form->token),
                               _("Sent as a bearer token to the feed’s own server only; kept in the keyring, "
                                 "never in the plan; leave empty to keep the one kept before"));
  if (feed != NULL && sem_feed_get_user (feed) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (form->user), sem_feed_get_user (feed));
  gtk_drop_down_set_selected (form->auth, feed != NULL ? sem_feed_get_effective_auth (feed) : SEM_FEED_AUTH_NONE);
  g_signal_connect_swapped (form->auth, "notify::selected", G_CALLBACK (form_auth_changed_cb), form);
  form_auth_changed_cb (form);

  if (feed != NULL)
    {
      form->interval = GTK_SPIN_BUTTON (form_field (grid, row++, _("Refresh _every (minutes)"),
                                                    gtk_spin_button_new_with_range (1, 24 * 60, 5)));
      form->colour = GTK_ENTRY (form_field (grid, row++, _("_Colour"), gtk_entry_new ()));
      gtk_entry_set_placeholder_text (form->colour, "#3584e4");
      gtk_editable_set_text (GTK_EDITABLE (form->name), sem_feed_get_name (feed) ? sem_feed_get_name (feed) : "");
      gtk_editable_set_text (GTK_EDITABLE (form->url), sem_feed_get_url (feed) ? sem_feed_get_url (feed) : "");
      gtk_spin_button_set_value (form->interval, sem_feed_get_refresh_interval (feed) > 0
                                                 ? sem_feed_get_refresh_interval (feed)
                                                 : SEM_FEED_SYNC_DEFAULT_INTERVAL);
      gtk_editable_set_text (GTK_EDITABLE (form->colour),
                             sem_feed_get_colour (feed) ? sem_feed_get_colour (feed) : "");
    }
  else
    {
      form->person = choice_drop_down (self->plan, SEM_COLLECTION_PEOPLE, lang, form->person_ids);
      form_field (grid, row++, _("_Person"), GTK_WIDGET (form->person));
      form->delegation = choice_drop_down (self->plan, SEM_COLLECTION_DELEGATIONS, lang,
                                           form->delegation_ids);
      form_field (grid, row++, _("_Delegation"), GTK_WIDGET (form->delegation));
    }

  g_signal_connect_swapped (form->url, "changed", G_CALLBACK (form_validate_cb), form);
  g_signal_connect_swapped (form->url, "activate", G_CALLBACK (form_save_cb), form);
  form_validate_cb (form);

  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
add_clicked_cb (SemFeedsDialog *self)
{
  edit_feed (self, NULL);
}

/* The dialog */

static void
plan_changed_cb (SemFeedsDialog *self)
{
  sem_feeds_dialog_update (self);
}

static void
sem_feeds_dialog_dispose (GObject *object)
{
  SemFeedsDialog *self = SEM_FEEDS_DIALOG (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->window != NULL)
    {
      _sem_window_set_feeds_dialog (self->window, NULL);
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SEM_TYPE_FEEDS_DIALOG);

  G_OBJECT_CLASS (sem_feeds_dialog_parent_class)->dispose (object);
}

static void
sem_feeds_dialog_finalize (GObject *object)
{
  SemFeedsDialog *self = SEM_FEEDS_DIALOG (object);

  g_clear_object (&self->plan);

  G_OBJECT_CLASS (sem_feeds_dialog_parent_class)->finalize (object);
}

static void
sem_feeds_dialog_class_init (SemFeedsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sem_feeds_dialog_dispose;
  object_class->finalize = sem_feeds_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sofia/Seminars/ui/sem-feeds-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SemFeedsDialog, feed_list);
  gtk_widget_class_bind_template_child (widget_class, SemFeedsDialog, refresh_all_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, refresh_all_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sem_feeds_dialog_init (SemFeedsDialog *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No subscriptions yet. Add a partner’s calendar to see when they are busy."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->feed_list, placeholder);
}

/**
 * sem_feeds_dialog_new:
 * @window: the window whose plan's subscriptions are shown
 *
 * Returns: (transfer none): a dialog transient for @window
 */
SemFeedsDialog *
sem_feeds_dialog_new (SemWindow *window)
{
  SemFeedsDialog *self;
  SemPlan *plan;

  g_return_val_if_fail (SEM_IS_WINDOW (window), NULL);

  plan = sem_window_get_plan (window);
  g_return_val_if_fail (plan != NULL, NULL);

  self = g_object_new (SEM_TYPE_FEEDS_DIALOG, "transient-for", window, NULL);
  self->plan = g_object_ref (plan);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  _sem_window_set_feeds_dialog (window, self);

  gtk_list_box_bind_model (self->feed_list, sem_plan_get_collection (plan, SEM_COLLECTION_FEEDS),
                           create_row_cb, self, NULL);
  g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}
