import { customType } from 'drizzle-orm/pg-core';

/** Case-insensitive text (citext extension), used for e-mail addresses. */
export const citext = customType<{ data: string }>({
  dataType() {
    return 'citext';
  },
});

/** A tsvector column; only ever written by PostgreSQL (generated columns). */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});
