/* sem-secret.h — CalDAV and feed passwords in the user's keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      sem_secret_store_async   (const char          *url,
                                    const char          *user,
                                    const char          *password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean  sem_secret_store_finish  (GAsyncResult        *result,
                                    GError             **error);
void      sem_secret_lookup_async  (const char          *url,
                                    const char          *user,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
char     *sem_secret_lookup_finish (GAsyncResult        *result,
                                    GError             **error);
void      sem_secret_clear_async   (const char          *url,
                                    const char          *user,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean  sem_secret_clear_finish  (GAsyncResult        *result,
                                    GError             **error);

/* Feeds: schema org.sofia.Seminars.Feed; store finishes with sem_secret_store_finish (),
 * lookup with sem_secret_lookup_finish (). A feed's access token is kept under its URL
 * and this user name, which no HTTP Basic user name can be (it has a colon). */
#define SEM_SECRET_FEED_TOKEN_USER ":token"

void      sem_secret_feed_store_async  (const char          *url,
                                        const char          *user,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
void      sem_secret_feed_lookup_async (const char          *url,
                                        const char          *user,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);

G_END_DECLS
