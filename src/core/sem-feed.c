/* sem-feed.c — a partner's iCalendar feed and the events cached from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-feed"

#include "config.h"

#include "sem-external-event.h"
#include "sem-entity-private.h"
#include "sem-feed.h"

struct _SemFeed
{
  SemEntity parent_instance;

  char      *name;
  char      *url;
  char      *user;
  int        auth;
  char      *colour;
  int        refresh_interval;
  gboolean   enabled;
  char      *etag;
  char      *http_last_modified;
  char      *body_hash;
  gint64     last_sync;
  char      *last_error;
  GPtrArray *events;
  char     **people;
  char     **delegations;
};

G_DEFINE_ENUM_TYPE (SemFeedAuth, sem_feed_auth,
  G_DEFINE_ENUM_VALUE (SEM_FEED_AUTH_NONE, "none"),
  G_DEFINE_ENUM_VALUE (SEM_FEED_AUTH_PASSWORD, "password"),
  G_DEFINE_ENUM_VALUE (SEM_FEED_AUTH_TOKEN, "token"))

G_DEFINE_FINAL_TYPE (SemFeed, sem_feed, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemFeed, member)

static const SemFieldInfo fields[] = {
  { FIELD (name, STRING), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (url, STRING), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  /* The user name for a feed behind HTTP authentication; the password is in the keyring, never here. */
  { FIELD (user, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  /* How the server authenticates; "none" is not written, so older files keep their bytes. */
  { FIELD (auth, ENUM), SEM_FIELD_OMIT_DEFAULT, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, sem_feed_auth_get_type },
  { FIELD (colour, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (refresh_interval, INT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (enabled, BOOL), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (etag, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (http_last_modified, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (body_hash, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (last_sync, INSTANT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (last_error, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (events, CHILDREN), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, sem_external_event_get_type },
  /* Whose busy time the feed is: the conflict engine checks their sessions against it. */
  { FIELD (people, REFS), 0, SEM_COLLECTION_PEOPLE, SEM_COLLECTION_NONE, NULL },
  { FIELD (delegations, REFS), 0, SEM_COLLECTION_DELEGATIONS, SEM_COLLECTION_NONE, NULL },
};

#undef FIELD

static void
sem_feed_class_init (SemFeedClass *klass)
{
  sem_entity_class_install_fields (SEM_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
sem_feed_init (SemFeed *self)
{
}

/**
 * sem_feed_new:
 *
 * Returns: (transfer full): a new, empty feed with @id
 */
SemFeed *
sem_feed_new (const char *id)
{
  return g_object_new (SEM_TYPE_FEED, "id", id, NULL);
}

const char *
sem_feed_get_name (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), NULL);

  return self->name;
}

const char *
sem_feed_get_url (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), NULL);

  return self->url;
}

/**
 * sem_feed_get_user:
 *
 * Returns: (transfer none) (nullable): the user name the feed's server asks
 *   for, or %NULL; the password is never kept in the plan
 */
const char *
sem_feed_get_user (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), NULL);

  return self->user;
}

/**
 * sem_feed_get_auth:
 *
 * Returns: how the feed's server authenticates, as the plan says
 */
SemFeedAuth
sem_feed_get_auth (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), SEM_FEED_AUTH_NONE);

  return (SemFeedAuth) self->auth;
}

/**
 * sem_feed_get_effective_auth:
 *
 * Returns: how a sync authenticates: the feed's #SemFeedAuth, where a feed
 *   that names none but has a user name (a file written before the field)
 *   uses a password
 */
SemFeedAuth
sem_feed_get_effective_auth (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), SEM_FEED_AUTH_NONE);

  if (self->auth == SEM_FEED_AUTH_NONE && self->user != NULL && *self->user != '\0')
    return SEM_FEED_AUTH_PASSWORD;
  return (SemFeedAuth) self->auth;
}

const char *
sem_feed_get_colour (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), NULL);

  return self->colour;
}

int
sem_feed_get_refresh_interval (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), 0);

  return self->refresh_interval;
}

gboolean
sem_feed_get_enabled (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), FALSE);

  return self->enabled;
}

const char *
sem_feed_get_etag (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), NULL);

  return self->etag;
}

const char *
sem_feed_get_http_last_modified (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), NULL);

  return self->http_last_modified;
}

const char *
sem_feed_get_body_hash (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), NULL);

  return self->body_hash;
}

gint64
sem_feed_get_last_sync (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), 0);

  return self->last_sync;
}

const char *
sem_feed_get_last_error (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), NULL);

  return self->last_error;
}

GPtrArray *
sem_feed_get_events (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), NULL);

  return self->events;
}

/**
 * sem_feed_get_people:
 *
 * Returns: (transfer none) (nullable): the people whose busy time the feed is
 */
const char * const *
sem_feed_get_people (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), NULL);

  return (const char * const *) self->people;
}

/**
 * sem_feed_get_delegations:
 *
 * Returns: (transfer none) (nullable): the delegations whose busy time the feed is
 */
const char * const *
sem_feed_get_delegations (SemFeed *self)
{
  g_return_val_if_fail (SEM_IS_FEED (self), NULL);

  return (const char * const *) self->delegations;
}
