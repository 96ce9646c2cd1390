/* sem-window-publish.c — the window's calendars on the network: publishing to
 * a CalDAV server and sharing live calendars
 *
 * While "Share Live Calendars" is on, the window serves the shown plan on
 * 127.0.0.1 (a port the system chooses, a new token each time), so that
 * calendar programs on this computer can subscribe to each delegation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-city.h"
#include "sem-delegation.h"
#include "sem-publish-dialog.h"
#include "sem-window-private.h"

/* Publishing */

/**
 * _sem_window_publish:
 *
 * Opens the dialog that publishes the selected event to a calendar server.
 */
void
_sem_window_publish (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  const char *event_id = sem_window_get_selected_event (self);
  SemPublishDialog *dialog;

  if (plan == NULL || event_id == NULL)
    return;

  if (self->publish_targets == NULL)
    self->publish_targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) g_strfreev);

  dialog = sem_publish_dialog_new (GTK_WINDOW (self), plan, event_id, self->lang,
                                   self->publish_targets);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Live calendars */

/**
 * sem_window_get_live_feed:
 *
 * Returns: whether the shown plan's live calendars are served
 */
gboolean
sem_window_get_live_feed (SemWindow *self)
{
  g_return_val_if_fail (SEM_IS_WINDOW (self), FALSE);

  return self->live_feed != NULL;
}

/**
 * sem_window_dup_live_url:
 * @kind: "delegation" or "person"
 * @id: the delegation's or person's id
 *
 * Returns: (transfer full) (nullable): the address of the live calendar, or
 *   %NULL while live calendars are not shared
 */
char *
sem_window_dup_live_url (SemWindow  *self,
                         const char *kind,
                         const char *id)
{
  g_return_val_if_fail (SEM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL, NULL);

  return self->live_feed != NULL ? sem_live_feed_dup_url (self->live_feed, kind, id) : NULL;
}

static void
copy_clicked_cb (GtkButton *button,
                 SemWindow *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "sem-url");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), url);
  gtk_button_set_label (button, _("Copied"));
}

static char *
delegation_title (SemWindow     *self,
                  SemPlan       *plan,
                  SemDelegation *delegation)
{
  const char *city_id = sem_delegation_get_city (delegation);
  SemEntity *city = city_id != NULL ? sem_plan_lookup (plan, SEM_COLLECTION_CITIES, city_id) : NULL;
  const char *name = city != NULL ? sem_city_get_name (SEM_CITY (city), self->lang) : NULL;

  if (name != NULL && *name != '\0')
    /* Translators: %s is a city */
    return g_strdup_printf (_("Delegation of %s"), name);
  return g_strdup (sem_entity_get_id (SEM_ENTITY (delegation)));
}

/* One row per delegation of the shown event: its address and a Copy button. */
static GtkWidget *
live_url_list_new (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  GListModel *delegations = sem_plan_get_collection (plan, SEM_COLLECTION_DELEGATIONS);
  GtkWidget *list = gtk_list_box_new ();
  guint n = 0;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < g_list_model_get_n_items (delegations); i++)
    {
      g_autoptr(SemDelegation) delegation = g_list_model_get_item (delegations, i);
      const char *id = sem_entity_get_id (SEM_ENTITY (delegation));
      g_autofree char *url = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;
      GtkWidget *copy;

      if (g_strcmp0 (sem_delegation_get_event (delegation), self->event_id) != 0)
        continue;

      url = sem_window_dup_live_url (self, "delegation", id);
      title = delegation_title (self, plan, delegation);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), url);

      copy = gtk_button_new_with_label (_("Copy"));
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (copy), "sem-url", g_steal_pointer (&url), g_free);
      g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      n++;
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The event has no delegations yet"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  return list;
}

/**
 * _sem_window_show_live_urls:
 *
 * Shows the address of each delegation's live calendar, to copy.
 */
void
_sem_window_show_live_urls (SemWindow *self)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *intro;
  GtkWidget *clamp;
  GtkWidget *scrolled;

  if (self->live_feed == NULL || sem_window_get_plan (self) == NULL || self->event_id == NULL)
    return;

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Live Calendars"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_widget_add_css_class (header, "flat");
  gtk_box_append (GTK_BOX (box), header);

  intro = gtk_label_new (_("Calendar programs on this computer can subscribe to these addresses "
                           "while Share Live Calendars is on."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_widget_set_margin_bottom (intro, 12);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  {
    GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_widget_set_margin_start (inner, 18);
    gtk_widget_set_margin_end (inner, 18);
    gtk_widget_set_margin_bottom (inner, 18);
    gtk_box_append (GTK_BOX (inner), intro);
    gtk_box_append (GTK_BOX (inner), live_url_list_new (self));
    adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * sem_window_set_live_feed:
 * @live_feed: whether to serve the shown plan's live calendars
 *
 * Starts or stops serving the live calendars on 127.0.0.1. Starting says so
 * in a toast that offers the addresses; a failure is said in a toast too.
 */
void
sem_window_set_live_feed (SemWindow *self,
                          gboolean   live_feed)
{
  g_autoptr(SemLiveFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  SemPlan *plan;

  g_return_if_fail (SEM_IS_WINDOW (self));

  live_feed = !!live_feed;
  if (live_feed == (self->live_feed != NULL))
    return;

  if (!live_feed)
    {
      _sem_window_stop_live_feed (self);
      return;
    }

  plan = sem_window_get_plan (self);
  if (plan == NULL)
    {
      _sem_window_show_toast (self, _("Open a plan to share its calendars"));
      return;
    }

  feed = sem_live_feed_new (plan, NULL);
  if (!sem_live_feed_listen (feed, 0, FALSE, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not share live calendars: %s"), error->message);

      _sem_window_show_toast (self, message);
      return;
    }

  self->live_feed = g_steal_pointer (&feed);
  g_object_notify (G_OBJECT (self), "live-feed");

  if (self->event_id != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Live calendars are shared on this computer"));

      adw_toast_set_button_label (toast, _("Show _Addresses"));
      adw_toast_set_action_name (toast, "win.live-urls");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/**
 * _sem_window_stop_live_feed:
 *
 * Stops serving live calendars, if they are.
 */
void
_sem_window_stop_live_feed (SemWindow *self)
{
  if (self->live_feed == NULL)
    return;

  sem_live_feed_disconnect (self->live_feed);
  g_clear_object (&self->live_feed);
  g_object_notify (G_OBJECT (self), "live-feed");
}

/**
 * _sem_window_update_live_feed:
 *
 * Serves the plan now shown, or stops when none is.
 */
void
_sem_window_update_live_feed (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);

  if (self->live_feed == NULL)
    return;

  if (plan != NULL)
    sem_live_feed_set_plan (self->live_feed, plan);
  else
    _sem_window_stop_live_feed (self);
}
