/* sem-secret.c — CalDAV and feed passwords in the user's keyring
 *
 * A password is kept by the Secret Service under the collection URL and the
 * user name, never in the plan or in any file of ours. Without a Secret
 * Service (a bare session, CI) every call fails and says why; the caller
 * carries on without remembering.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-secret"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "sem-secret.h"

/* Both kinds of password are kept under the URL and the user name. */
#define URL_USER_SCHEMA(name) \
  { name, SECRET_SCHEMA_NONE, \
    { { "url", SECRET_SCHEMA_ATTRIBUTE_STRING }, \
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING }, \
      { NULL, 0 } }, \
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

static const SecretSchema caldav_schema = URL_USER_SCHEMA ("org.sofia.Seminars.CalDAV");
static const SecretSchema feed_schema = URL_USER_SCHEMA ("org.sofia.Seminars.Feed");

static void
store_password (const SecretSchema  *schema,
                const char          *label,
                const char          *url,
                const char          *user,
                const char          *password,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);
  g_return_if_fail (password != NULL);

  secret_password_store (schema, SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, callback, user_data,
                         "url", url, "user", user, NULL);
}

/**
 * sem_secret_feed_store_async:
 * @url: the feed's URL
 * @user: the user name, or %SEM_SECRET_FEED_TOKEN_USER for an access token
 * @password: the password (or token) to keep
 *
 * Keeps a feed's password or token in the default keyring, under its own schema
 * (org.sofia.Seminars.Feed). Finish with sem_secret_store_finish ().
 */
void
sem_secret_feed_store_async (const char          *url,
                             const char          *user,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *label = NULL;

  if (g_strcmp0 (user, SEM_SECRET_FEED_TOKEN_USER) == 0)
    /* Translators: the keyring's name for an access token; %s is a calendar feed's URL */
    label = g_strdup_printf (_("Sofia Seminars: access token for calendar feed %s"), url);
  else
    /* Translators: the keyring's name for a password; %s is a calendar feed's URL */
    label = g_strdup_printf (_("Sofia Seminars: calendar feed %s"), url);

  store_password (&feed_schema, label, url, user, password, cancellable, callback, user_data);
}

/**
 * sem_secret_feed_lookup_async:
 * @url: the feed's URL
 * @user: the user name, or %SEM_SECRET_FEED_TOKEN_USER for its access token
 *
 * Looks up a feed's password or token without blocking: a locked keyring
 * may ask the user to unlock it first. Finish with sem_secret_lookup_finish ().
 */
void
sem_secret_feed_lookup_async (const char          *url,
                              const char          *user,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);

  secret_password_lookup (&feed_schema, cancellable, callback, user_data,
                          "url", url, "user", user, NULL);
}

/**
 * sem_secret_store_async:
 * @url: the collection URL
 * @user: the user name
 * @password: the password to keep
 *
 * Keeps @password in the default keyring, replacing one kept before for
 * @url and @user.
 */
void
sem_secret_store_async (const char          *url,
                        const char          *user,
                        const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  /* Translators: the keyring's name for a password; %s is a calendar server's URL */
  g_autofree char *label = g_strdup_printf (_("Sofia Seminars: calendar server %s"), url);

  store_password (&caldav_schema, label, url, user, password, cancellable, callback, user_data);
}

/**
 * sem_secret_store_finish:
 *
 * Returns: whether the password is kept
 */
gboolean
sem_secret_store_finish (GAsyncResult  *result,
                         GError       **error)
{
  return secret_password_store_finish (result, error);
}

/**
 * sem_secret_lookup_async:
 * @url: the collection URL
 * @user: the user name
 *
 * Looks up the password kept for @url and @user.
 */
void
sem_secret_lookup_async (const char          *url,
                         const char          *user,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);

  secret_password_lookup (&caldav_schema, cancellable, callback, user_data,
                          "url", url, "user", user, NULL);
}

/**
 * sem_secret_lookup_finish:
 *
 * Finishes sem_secret_lookup_async () and sem_secret_feed_lookup_async ().
 *
 * Returns: (transfer full) (nullable): the password, or %NULL when none is
 *   kept (without @error) or the keyring could not be asked (with it)
 */
char *
sem_secret_lookup_finish (GAsyncResult  *result,
                          GError       **error)
{
  char *secret = secret_password_lookup_finish (result, error);
  char *password = g_strdup (secret);

  secret_password_free (secret);
  return password;
}

/**
 * sem_secret_clear_async:
 * @url: the collection URL
 * @user: the user name
 *
 * Forgets the password kept for @url and @user, if any.
 */
void
sem_secret_clear_async (const char          *url,
                        const char          *user,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);

  secret_password_clear (&caldav_schema, cancellable, callback, user_data,
                         "url", url, "user", user, NULL);
}

/**
 * sem_secret_clear_finish:
 *
 * Returns: %FALSE with @error set when the keyring could not be asked; %FALSE
 *   without it when nothing was kept
 */
gboolean
sem_secret_clear_finish (GAsyncResult  *result,
                         GError       **error)
{
  return secret_password_clear_finish (result, error);
}
