/* sem-live-feed.c — each delegation's and person's calendar, served over HTTP
 *
 * Delegates subscribe to `http://HOST:PORT/TOKEN/delegation/ID.ics` or
 * `…/person/ID.ics` (`?lang=bg|en` optional). The token is unguessable, so
 * that a neighbour on the network cannot read who attends what; the ETag is
 * the body's SHA-256, so an unchanged plan costs a 304.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-live-feed"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>
#include <sys/random.h>

#include "sem-ical-export.h"
#include "sem-live-feed.h"
#include "sem-scope.h"

#define TOKEN_BYTES 32

struct _SemLiveFeed
{
  GObject     parent_instance;

  SemPlan    *plan;
  char       *token;
  SoupServer *server;
  char       *host;
  guint       port;
};

G_DEFINE_FINAL_TYPE (SemLiveFeed, sem_live_feed, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_TOKEN,
  PROP_PORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* 32 bytes from the kernel's generator, in hex. */
static char *
new_token (void)
{
  guint8 bytes[TOKEN_BYTES];
  GString *text = g_string_sized_new (2 * TOKEN_BYTES);

  if (getrandom (bytes, sizeof bytes, 0) != (ssize_t) sizeof bytes)
    g_error ("No random bytes for the live feed's token");
  for (guint i = 0; i < TOKEN_BYTES; i++)
    g_string_append_printf (text, "%02x", bytes[i]);
  memset (bytes, 0, sizeof bytes);
  return g_string_free (text, FALSE);
}

/* Compares in a time that does not tell how much of the token was right. */
static gboolean
token_equal (const char *expected,
             const char *given)
{
  gsize length = strlen (expected);
  guint8 difference = 0;

  if (strlen (given) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    difference |= (guint8) (expected[i] ^ given[i]);
  return difference == 0;
}

static gboolean
etag_matches (const char *if_none_match,
              const char *etag)
{
  g_auto(GStrv) tags = NULL;

  if (if_none_match == NULL)
    return FALSE;
  tags = g_strsplit (if_none_match, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);

      if (g_str_has_prefix (tag, "W/"))
        tag += 2;
      if (g_str_equal (tag, "*") || g_str_equal (tag, etag))
        return TRUE;
    }
  return FALSE;
}

static void
serve_cb (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SemLiveFeed *self = user_data;
  const char *method = soup_server_message_get_method (message);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);
  g_auto(GStrv) parts = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;
  const char *lang = query != NULL ? g_hash_table_lookup (query, "lang") : NULL;
  SemScope scope;
  gsize length = 0;

  if (g_strcmp0 (method, "GET") != 0 && g_strcmp0 (method, "HEAD") != 0)
    {
      soup_message_headers_replace (response_headers, "Allow", "GET, HEAD");
      soup_server_message_set_status (message, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  /* /TOKEN/KIND/ID.ics; anything else, a wrong token included, is not here. */
  parts = g_strsplit (path != NULL && path[0] == '/' ? path + 1 : "", "/", -1);
  if (g_strv_length (parts) != 3 || !token_equal (self->token, parts[0]) ||
      !g_str_has_suffix (parts[2], ".ics"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  if (g_str_equal (parts[1], "delegation"))
    scope = SEM_SCOPE_DELEGATION;
  else if (g_str_equal (parts[1], "person"))
    scope = SEM_SCOPE_PERSON;
  else
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  id = g_strndup (parts[2], strlen (parts[2]) - strlen (".ics"));
  if (*id == '\0' || sem_scope_lookup (self->plan, scope, id) == NULL)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  if (lang != NULL && !g_str_equal (lang, "bg") && !g_str_equal (lang, "en"))
    lang = NULL;

  text = sem_ical_export (self->plan, scope, id, NULL, lang, SEM_ICAL_EXPORT_NONE, &length, &error);
  if (text == NULL)
    {
      g_debug ("Could not export %s %s: %s", parts[1], id, error->message);
      soup_server_message_set_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      return;
    }

  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
  etag = g_strdup_printf ("\"%s\"", hash);
  soup_message_headers_replace (response_headers, "ETag", etag);
  soup_message_headers_replace (response_headers, "Cache-Control", "no-cache");

  if (etag_matches (soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                  "If-None-Match"), etag))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/calendar; charset=utf-8",
                                    SOUP_MEMORY_TAKE, g_steal_pointer (&text), length);
}

static void
sem_live_feed_dispose (GObject *object)
{
  SemLiveFeed *self = SEM_LIVE_FEED (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (sem_live_feed_parent_class)->dispose (object);
}

static void
sem_live_feed_finalize (GObject *object)
{
  SemLiveFeed *self = SEM_LIVE_FEED (object);

  g_free (self->token);
  g_free (self->host);

  G_OBJECT_CLASS (sem_live_feed_parent_class)->finalize (object);
}

static void
sem_live_feed_constructed (GObject *object)
{
  SemLiveFeed *self = SEM_LIVE_FEED (object);

  G_OBJECT_CLASS (sem_live_feed_parent_class)->constructed (object);

  if (self->token == NULL || *self->token == '\0')
    {
      g_free (self->token);
      self->token = new_token ();
    }
  self->server = soup_server_new ("server-header", "sofia-seminars ", NULL);
  soup_server_add_handler (self->server, NULL, serve_cb, self, NULL);
}

static void
sem_live_feed_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SemLiveFeed *self = SEM_LIVE_FEED (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;
    case PROP_PORT:
      g_value_set_uint (value, self->port);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_live_feed_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SemLiveFeed *self = SEM_LIVE_FEED (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      sem_live_feed_set_plan (self, g_value_get_object (value));
      break;
    case PROP_TOKEN:
      self->token = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_live_feed_class_init (SemLiveFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sem_live_feed_dispose;
  object_class->finalize = sem_live_feed_finalize;
  object_class->constructed = sem_live_feed_constructed;
  object_class->get_property = sem_live_feed_get_property;
  object_class->set_property = sem_live_feed_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SEM_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL, 0, G_MAXUINT16, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sem_live_feed_init (SemLiveFeed *self)
{
}

/**
 * sem_live_feed_new:
 * @token: (nullable): the secret part of the URLs; %NULL for a new random one
 *
 * Returns: (transfer full): a feed that serves @plan once it listens
 */
SemLiveFeed *
sem_live_feed_new (SemPlan    *plan,
                   const char *token)
{
  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);

  return g_object_new (SEM_TYPE_LIVE_FEED, "plan", plan, "token", token, NULL);
}

SemPlan *
sem_live_feed_get_plan (SemLiveFeed *self)
{
  g_return_val_if_fail (SEM_IS_LIVE_FEED (self), NULL);

  return self->plan;
}

/**
 * sem_live_feed_set_plan:
 *
 * Serves @plan from now on: the plan file read again after a change.
 */
void
sem_live_feed_set_plan (SemLiveFeed *self,
                        SemPlan     *plan)
{
  g_return_if_fail (SEM_IS_LIVE_FEED (self));
  g_return_if_fail (SEM_IS_PLAN (plan));

  if (g_set_object (&self->plan, plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

const char *
sem_live_feed_get_token (SemLiveFeed *self)
{
  g_return_val_if_fail (SEM_IS_LIVE_FEED (self), NULL);

  return self->token;
}

/**
 * sem_live_feed_listen:
 * @port: the TCP port, or 0 for any free one
 * @all_interfaces: whether to listen on every network interface rather
 *   than on 127.0.0.1 only
 *
 * Starts serving in the thread-default main context.
 *
 * Returns: whether it listens; %FALSE with @error set otherwise
 */
gboolean
sem_live_feed_listen (SemLiveFeed  *self,
                      guint         port,
                      gboolean      all_interfaces,
                      GError      **error)
{
  g_autoptr(GSList) uris = NULL;
  gboolean listening;

  g_return_val_if_fail (SEM_IS_LIVE_FEED (self), FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);

  if (all_interfaces)
    listening = soup_server_listen_all (self->server, port, 0, error);
  else
    listening = soup_server_listen_local (self->server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, error);
  if (!listening)
    return FALSE;

  uris = soup_server_get_uris (self->server);
  if (uris != NULL)
    self->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_free (self->host);
  self->host = g_strdup (all_interfaces ? g_get_host_name () : "127.0.0.1");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
  return TRUE;
}

/**
 * sem_live_feed_get_port:
 *
 * Returns: the port it listens on, 0 before sem_live_feed_listen()
 */
guint
sem_live_feed_get_port (SemLiveFeed *self)
{
  g_return_val_if_fail (SEM_IS_LIVE_FEED (self), 0);

  return self->port;
}

/**
 * sem_live_feed_disconnect:
 *
 * Stops listening.
 */
void
sem_live_feed_disconnect (SemLiveFeed *self)
{
  g_return_if_fail (SEM_IS_LIVE_FEED (self));

  soup_server_disconnect (self->server);
  if (self->port != 0)
    {
      self->port = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
    }
}

/**
 * sem_live_feed_dup_url:
 * @kind: "delegation" or "person"
 * @id: the delegation's or person's id
 *
 * Returns: (transfer full) (nullable): the URL delegates subscribe to, or
 *   %NULL when not listening
 */
char *
sem_live_feed_dup_url (SemLiveFeed *self,
                       const char  *kind,
                       const char  *id)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (SEM_IS_LIVE_FEED (self), NULL);
  g_return_val_if_fail (kind != NULL && id != NULL, NULL);

  if (self->port == 0)
    return NULL;
  escaped = g_uri_escape_string (id, NULL, FALSE);
  return g_strdup_printf ("http://%s:%u/%s/%s/%s.ics", self->host, self->port, self->token, kind, escaped);
}
