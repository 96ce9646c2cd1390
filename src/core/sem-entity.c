/* sem-entity.c — the base of every plan entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-entity"

#include "config.h"

#include <string.h>

#include "sem-entity-private.h"

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SemEntity, sem_entity, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (SemGeo, sem_geo, sem_geo_copy, sem_geo_free)

/**
 * sem_geo_new:
 *
 * Returns: (transfer full): a point
 */
SemGeo *
sem_geo_new (double latitude,
             double longitude)
{
  SemGeo *geo = g_new (SemGeo, 1);

  geo->latitude = latitude;
  geo->longitude = longitude;
  return geo;
}

SemGeo *
sem_geo_copy (const SemGeo *geo)
{
  return geo != NULL ? sem_geo_new (geo->latitude, geo->longitude) : NULL;
}

void
sem_geo_free (SemGeo *geo)
{
  g_free (geo);
}

gboolean
sem_geo_equal (const SemGeo *a,
               const SemGeo *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->latitude == b->latitude && a->longitude == b->longitude;
}

enum {
  PROP_0,
  PROP_ID,
  PROP_REVISION,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SemEntityPrivate *
sem_entity_get_private_data (SemEntity *self)
{
  return sem_entity_get_instance_private (self);
}

static void
free_field (gpointer            mem,
            const SemFieldInfo *field)
{
  switch (field->kind)
    {
    case SEM_FIELD_STRING:
    case SEM_FIELD_DATE:
    case SEM_FIELD_REF:
      g_clear_pointer ((char **) mem, g_free);
      break;
    case SEM_FIELD_TEXT:
      g_clear_pointer (&((SemText *) mem)->en, g_free);
      g_clear_pointer (&((SemText *) mem)->bg, g_free);
      break;
    case SEM_FIELD_STRV:
    case SEM_FIELD_REFS:
    case SEM_FIELD_PAIRS:
      g_clear_pointer ((char ***) mem, g_strfreev);
      break;
    case SEM_FIELD_CHILDREN:
      g_clear_pointer ((GPtrArray **) mem, g_ptr_array_unref);
      break;
    case SEM_FIELD_GEO:
      g_clear_pointer ((SemGeo **) mem, sem_geo_free);
      break;
    case SEM_FIELD_INSTANT:
    case SEM_FIELD_INT:
    case SEM_FIELD_BOOL:
    case SEM_FIELD_ENUM:
    case SEM_FIELD_FLAGS:
    default:
      break;
    }
}

static void
sem_entity_finalize (GObject *object)
{
  SemEntity *self = SEM_ENTITY (object);
  SemEntityPrivate *priv = sem_entity_get_instance_private (self);
  SemEntityClass *klass = SEM_ENTITY_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    free_field (sem_entity_field_ptr (self, &klass->fields[i]), &klass->fields[i]);

  g_clear_pointer (&priv->id, g_free);

  G_OBJECT_CLASS (sem_entity_parent_class)->finalize (object);
}

static void
sem_entity_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SemEntity *self = SEM_ENTITY (object);
  SemEntityPrivate *priv = sem_entity_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_REVISION:
      g_value_set_int64 (value, priv->revision);
      break;
    case PROP_MODIFIED:
      g_value_set_int64 (value, priv->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_entity_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SemEntity *self = SEM_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      sem_entity_set_id_internal (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_entity_class_init (SemEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sem_entity_finalize;
  object_class->get_property = sem_entity_get_property;
  object_class->set_property = sem_entity_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_int64 ("revision", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sem_entity_init (SemEntity *self)
{
}

/**
 * sem_entity_get_id:
 *
 * Returns: (transfer none): the stable id, unique within its collection
 */
const char *
sem_entity_get_id (SemEntity *self)
{
  SemEntityPrivate *priv;

  g_return_val_if_fail (SEM_IS_ENTITY (self), NULL);

  priv = sem_entity_get_instance_private (self);
  return priv->id;
}

gint64
sem_entity_get_revision (SemEntity *self)
{
  SemEntityPrivate *priv;

  g_return_val_if_fail (SEM_IS_ENTITY (self), 0);

  priv = sem_entity_get_instance_private (self);
  return priv->revision;
}

/**
 * sem_entity_get_modified:
 *
 * Returns: the time of the last visible change, Unix seconds UTC
 */
gint64
sem_entity_get_modified (SemEntity *self)
{
  SemEntityPrivate *priv;

  g_return_val_if_fail (SEM_IS_ENTITY (self), 0);

  priv = sem_entity_get_instance_private (self);
  return priv->modified;
}

/**
 * sem_entity_touch:
 * @now: Unix seconds, UTC
 *
 * Records a visible change: the revision grows by one and the modified time
 * becomes @now. Undoing a change touches the entity again, since calendars
 * only accept an update whose SEQUENCE is higher than what they have.
 */
void
sem_entity_touch (SemEntity *self,
                  gint64     now)
{
  SemEntityPrivate *priv;

  g_return_if_fail (SEM_IS_ENTITY (self));

  priv = sem_entity_get_instance_private (self);
  sem_entity_set_stamp (self, priv->revision + 1, MAX (now, priv->modified));
}

void
sem_entity_set_stamp (SemEntity *self,
                      gint64     revision,
                      gint64     modified)
{
  SemEntityPrivate *priv = sem_entity_get_instance_private (self);

  if (priv->revision != revision)
    {
      priv->revision = revision;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
    }
  if (priv->modified != modified)
    {
      priv->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

void
sem_entity_set_id_internal (SemEntity  *self,
                            const char *id)
{
  SemEntityPrivate *priv = sem_entity_get_instance_private (self);

  g_free (priv->id);
  priv->id = g_strdup (id);
}

gpointer
sem_entity_field_ptr (SemEntity          *self,
                      const SemFieldInfo *field)
{
  return (guint8 *) self + field->offset;
}

/**
 * sem_entity_class_get_fields:
 * @n_fields: (out): the number of fields
 *
 * Returns: (transfer none) (array length=n_fields): the field table of the class
 */
const SemFieldInfo *
sem_entity_class_get_fields (SemEntityClass *klass,
                             guint          *n_fields)
{
  *n_fields = klass->n_fields;
  return klass->fields;
}

const SemFieldInfo *
sem_entity_find_field (SemEntityClass *klass,
                       const char     *name)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].name, name))
      return &klass->fields[i];
  return NULL;
}

/* The field behind one of the class's field properties, or NULL. */
const SemFieldInfo *
sem_entity_class_field_for_pspec (SemEntityClass *klass,
                                  GParamSpec     *pspec)
{
  SemEntityClass *owner = g_type_class_peek (pspec->owner_type);

  if (!g_type_is_a (pspec->owner_type, SEM_TYPE_ENTITY) || owner->fields == NULL)
    return NULL;
  for (guint i = 0; i < 2 * owner->n_fields; i++)
    if (owner->pspecs[i] == pspec)
      return &owner->fields[i / 2];
  return NULL;
}

/* Splits "a:b"; @a is newly allocated, @b points into @pair. */
gboolean
sem_pair_split (const char  *pair,
                char       **a,
                const char **b)
{
  const char *colon = strchr (pair, ':');

  if (colon == NULL)
    return FALSE;
  *a = g_strndup (pair, colon - pair);
  *b = colon + 1;
  return TRUE;
}

static GType
field_value_type (const SemFieldInfo *field)
{
  switch (field->kind)
    {
    case SEM_FIELD_STRING:
    case SEM_FIELD_TEXT:
    case SEM_FIELD_DATE:
    case SEM_FIELD_REF:
      return G_TYPE_STRING;
    case SEM_FIELD_INSTANT:
      return G_TYPE_INT64;
    case SEM_FIELD_INT:
      return G_TYPE_INT;
    case SEM_FIELD_GEO:
      return SEM_TYPE_GEO;
    case SEM_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case SEM_FIELD_ENUM:
    case SEM_FIELD_FLAGS:
      return field->type_func ();
    case SEM_FIELD_STRV:
    case SEM_FIELD_REFS:
    case SEM_FIELD_PAIRS:
      return G_TYPE_STRV;
    case SEM_FIELD_CHILDREN:
      return G_TYPE_PTR_ARRAY;
    default:
      g_assert_not_reached ();
    }
}

static void
get_field_value (SemEntity          *self,
                 const SemFieldInfo *field,
                 gboolean            variant,
                 GValue             *value)
{
  gpointer mem = sem_entity_field_ptr (self, field);

  switch (field->kind)
    {
    case SEM_FIELD_STRING:
    case SEM_FIELD_DATE:
    case SEM_FIELD_REF:
      g_value_set_string (value, *(char **) mem);
      break;
    case SEM_FIELD_TEXT:
      g_value_set_string (value, variant ? ((SemText *) mem)->bg : ((SemText *) mem)->en);
      break;
    case SEM_FIELD_INSTANT:
      g_value_set_int64 (value, *(gint64 *) mem);
      break;
    case SEM_FIELD_INT:
      g_value_set_int (value, *(int *) mem);
      break;
    case SEM_FIELD_GEO:
      g_value_set_boxed (value, *(SemGeo **) mem);
      break;
    case SEM_FIELD_BOOL:
      g_value_set_boolean (value, *(gboolean *) mem);
      break;
    case SEM_FIELD_ENUM:
      g_value_set_enum (value, *(int *) mem);
      break;
    case SEM_FIELD_FLAGS:
      g_value_set_flags (value, *(guint *) mem);
      break;
    case SEM_FIELD_STRV:
    case SEM_FIELD_REFS:
    case SEM_FIELD_PAIRS:
      g_value_set_boxed (value, *(char ***) mem);
      break;
    case SEM_FIELD_CHILDREN:
      g_value_set_boxed (value, *(GPtrArray **) mem);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || *a == NULL) && (b == NULL || *b == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
children_equal (GPtrArray *a,
                GPtrArray *b)
{
  guint na = a ? a->len : 0;
  guint nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!sem_entity_fields_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

/* Stores @value into the field; returns whether it changed. */
static gboolean
set_field_value (SemEntity          *self,
                 const SemFieldInfo *field,
                 gboolean            variant,
                 const GValue       *value)
{
  gpointer mem = sem_entity_field_ptr (self, field);

  switch (field->kind)
    {
    case SEM_FIELD_STRING:
    case SEM_FIELD_DATE:
    case SEM_FIELD_REF:
      {
        const char *s = g_value_get_string (value);
        if (g_strcmp0 (*(char **) mem, s) == 0)
          return FALSE;
        g_free (*(char **) mem);
        *(char **) mem = g_strdup (s);
        return TRUE;
      }
    case SEM_FIELD_TEXT:
      {
        char **slot = variant ? &((SemText *) mem)->bg : &((SemText *) mem)->en;
        const char *s = g_value_get_string (value);
        if (g_strcmp0 (*slot, s) == 0)
          return FALSE;
        g_free (*slot);
        *slot = g_strdup (s);
        return TRUE;
      }
    case SEM_FIELD_INSTANT:
      if (*(gint64 *) mem == g_value_get_int64 (value))
        return FALSE;
      *(gint64 *) mem = g_value_get_int64 (value);
      return TRUE;
    case SEM_FIELD_INT:
      if (*(int *) mem == g_value_get_int (value))
        return FALSE;
      *(int *) mem = g_value_get_int (value);
      return TRUE;
    case SEM_FIELD_GEO:
      {
        const SemGeo *geo = g_value_get_boxed (value);
        if (sem_geo_equal (*(SemGeo **) mem, geo))
          return FALSE;
        sem_geo_free (*(SemGeo **) mem);
        *(SemGeo **) mem = sem_geo_copy (geo);
        return TRUE;
      }
    case SEM_FIELD_BOOL:
      if (!*(gboolean *) mem == !g_value_get_boolean (value))
        return FALSE;
      *(gboolean *) mem = g_value_get_boolean (value);
      return TRUE;
    case SEM_FIELD_ENUM:
      if (*(int *) mem == g_value_get_enum (value))
        return FALSE;
      *(int *) mem = g_value_get_enum (value);
      return TRUE;
    case SEM_FIELD_FLAGS:
      if (*(guint *) mem == g_value_get_flags (value))
        return FALSE;
      *(guint *) mem = g_value_get_flags (value);
      return TRUE;
    case SEM_FIELD_STRV:
    case SEM_FIELD_REFS:
    case SEM_FIELD_PAIRS:
      {
        char **v = g_value_get_boxed (value);
        if (strv_equal0 (*(char ***) mem, v))
          return FALSE;
        g_strfreev (*(char ***) mem);
        *(char ***) mem = g_strdupv (v);
        return TRUE;
      }
    case SEM_FIELD_CHILDREN:
      {
        GPtrArray *v = g_value_get_boxed (value);
        if (*(GPtrArray **) mem == v)
          return FALSE;
        g_clear_pointer ((GPtrArray **) mem, g_ptr_array_unref);
        *(GPtrArray **) mem = v ? g_ptr_array_ref (v) : NULL;
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  SemEntityClass *klass = g_type_class_peek (pspec->owner_type);
  guint index = (prop_id - 1) / 2;

  g_assert (index < klass->n_fields);
  get_field_value (SEM_ENTITY (object), &klass->fields[index], (prop_id - 1) % 2, value);
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  SemEntityClass *klass = g_type_class_peek (pspec->owner_type);
  guint index = (prop_id - 1) / 2;

  g_assert (index < klass->n_fields);
  if (set_field_value (SEM_ENTITY (object), &klass->fields[index], (prop_id - 1) % 2, value))
    g_object_notify_by_pspec (object, pspec);
}

static GParamSpec *
make_pspec (const SemFieldInfo *field,
            const char         *name)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (field->kind)
    {
    case SEM_FIELD_STRING:
    case SEM_FIELD_TEXT:
    case SEM_FIELD_DATE:
    case SEM_FIELD_REF:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    case SEM_FIELD_INSTANT:
      return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, flags);
    case SEM_FIELD_INT:
      return g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0, flags);
    case SEM_FIELD_GEO:
      return g_param_spec_boxed (name, NULL, NULL, SEM_TYPE_GEO, flags);
    case SEM_FIELD_BOOL:
      return g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
    case SEM_FIELD_ENUM:
      return g_param_spec_enum (name, NULL, NULL, field->type_func (), 0, flags);
    case SEM_FIELD_FLAGS:
      return g_param_spec_flags (name, NULL, NULL, field->type_func (), 0, flags);
    case SEM_FIELD_STRV:
    case SEM_FIELD_REFS:
    case SEM_FIELD_PAIRS:
    case SEM_FIELD_CHILDREN:
      return g_param_spec_boxed (name, NULL, NULL, field_value_type (field), flags);
    default:
      g_assert_not_reached ();
    }
}

static const char *
property_name (const char *field_name,
               const char *suffix)
{
  g_autofree char *name = g_strconcat (field_name, suffix, NULL);

  g_strdelimit (name, "_", '-');
  /* Interned strings live forever, as static property names must. */
  return g_intern_string (name);
}

/**
 * sem_entity_class_install_fields:
 * @fields: (array length=n_fields): a static table
 *
 * Installs one property per field (two for TEXT: `NAME-en` and `NAME-bg`),
 * read and written straight from the instance struct through the table.
 */
void
sem_entity_class_install_fields (SemEntityClass     *klass,
                                 const SemFieldInfo *fields,
                                 guint               n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;

  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->pspecs = g_new0 (GParamSpec *, 2 * n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const SemFieldInfo *field = &fields[i];

      if (field->kind == SEM_FIELD_TEXT)
        {
          klass->pspecs[2 * i] = make_pspec (field, property_name (field->name, "_en"));
          klass->pspecs[2 * i + 1] = make_pspec (field, property_name (field->name, "_bg"));
          g_object_class_install_property (object_class, 2 * i + 2, klass->pspecs[2 * i + 1]);
        }
      else
        {
          klass->pspecs[2 * i] = make_pspec (field, property_name (field->name, ""));
        }
      g_object_class_install_property (object_class, 2 * i + 1, klass->pspecs[2 * i]);
    }
}

/**
 * sem_entity_fields_equal:
 *
 * Returns: whether @a and @b have the same id and field values; revision and
 *   modified time are not compared
 */
gboolean
sem_entity_fields_equal (SemEntity *a,
                         SemEntity *b)
{
  SemEntityClass *klass;

  g_return_val_if_fail (SEM_IS_ENTITY (a) && SEM_IS_ENTITY (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  if (g_strcmp0 (sem_entity_get_id (a), sem_entity_get_id (b)) != 0)
    return FALSE;

  klass = SEM_ENTITY_GET_CLASS (a);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SemFieldInfo *field = &klass->fields[i];
      gpointer ma = sem_entity_field_ptr (a, field);
      gpointer mb = sem_entity_field_ptr (b, field);
      gboolean same;

      switch (field->kind)
        {
        case SEM_FIELD_STRING:
        case SEM_FIELD_DATE:
        case SEM_FIELD_REF:
          same = g_strcmp0 (*(char **) ma, *(char **) mb) == 0;
          break;
        case SEM_FIELD_TEXT:
          same = g_strcmp0 (((SemText *) ma)->en, ((SemText *) mb)->en) == 0 &&
                 g_strcmp0 (((SemText *) ma)->bg, ((SemText *) mb)->bg) == 0;
          break;
        case SEM_FIELD_INSTANT:
          same = *(gint64 *) ma == *(gint64 *) mb;
          break;
        case SEM_FIELD_GEO:
          same = sem_geo_equal (*(SemGeo **) ma, *(SemGeo **) mb);
          break;
        case SEM_FIELD_INT:
        case SEM_FIELD_ENUM:
        case SEM_FIELD_BOOL:
        case SEM_FIELD_FLAGS:
          same = *(int *) ma == *(int *) mb;
          break;
        case SEM_FIELD_STRV:
        case SEM_FIELD_REFS:
        case SEM_FIELD_PAIRS:
          same = strv_equal0 (*(char ***) ma, *(char ***) mb);
          break;
        case SEM_FIELD_CHILDREN:
          same = children_equal (*(GPtrArray **) ma, *(GPtrArray **) mb);
          break;
        default:
          g_assert_not_reached ();
        }

      if (!same)
        return FALSE;
    }

  return TRUE;
}

/**
 * sem_entity_copy:
 *
 * Returns: (transfer full): a detached entity with the same id, stamp and fields
 */
SemEntity *
sem_entity_copy (SemEntity *self)
{
  SemEntityClass *klass;
  SemEntityPrivate *priv;
  SemEntity *copy;

  g_return_val_if_fail (SEM_IS_ENTITY (self), NULL);

  klass = SEM_ENTITY_GET_CLASS (self);
  priv = sem_entity_get_instance_private (self);
  copy = g_object_new (G_OBJECT_TYPE (self), "id", priv->id, NULL);
  sem_entity_set_stamp (copy, priv->revision, priv->modified);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SemFieldInfo *field = &klass->fields[i];

      for (guint variant = 0; variant < (field->kind == SEM_FIELD_TEXT ? 2u : 1u); variant++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, field_value_type (field));
          get_field_value (self, field, variant, &value);
          set_field_value (copy, field, variant, &value);
        }
    }

  return copy;
}

/**
 * sem_entity_get_text:
 * @field: the name of a TEXT field, e.g. "title"
 * @lang: (nullable): "bg" or "en"; %NULL for English
 *
 * Returns: (transfer none) (nullable): the text in @lang, falling back to the
 *   other language when that one is empty
 */
const char *
sem_entity_get_text (SemEntity  *self,
                     const char *field,
                     const char *lang)
{
  const SemFieldInfo *info;
  SemText *text;
  const char *first;
  const char *second;

  g_return_val_if_fail (SEM_IS_ENTITY (self), NULL);

  info = sem_entity_find_field (SEM_ENTITY_GET_CLASS (self), field);
  g_return_val_if_fail (info != NULL && info->kind == SEM_FIELD_TEXT, NULL);

  text = sem_entity_field_ptr (self, info);
  first = g_strcmp0 (lang, "bg") == 0 ? text->bg : text->en;
  second = g_strcmp0 (lang, "bg") == 0 ? text->en : text->bg;

  return (first != NULL && *first != '\0') ? first : second;
}
