-- Parley schema, PostgreSQL flavour. Keep in step with db/migration/sqlite/V1__schema.sql:
-- the same tables and columns; only the types differ (BIGINT, BOOLEAN, BYTEA).

-- The one row that issues event timestamps: max(now, last_issued + 1). Writers lock it, so
-- transactions that take timestamps commit in timestamp order.
CREATE TABLE timestamp_counter (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_issued BIGINT NOT NULL
);
INSERT INTO timestamp_counter (id, last_issued) VALUES (1, 0);

-- The *_lower columns hold Java's toLowerCase(Locale.ROOT) of the column beside them, so
-- case-insensitive lookup, uniqueness and ordering behave alike in both engines. COLLATE "C"
-- orders by code point, as SQLite does, whatever the database's locale.
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  email_lower TEXT COLLATE "C" NOT NULL,
  display_name TEXT COLLATE "C" NOT NULL,
  display_name_lower TEXT COLLATE "C" NOT NULL,
  first_name TEXT NOT NULL,
  first_name_lower TEXT COLLATE "C" NOT NULL,
  password_hash TEXT NOT NULL,
  totp_secret TEXT,
  avatar_media_id TEXT,
  bot BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX accounts_email_lower ON accounts (email_lower);
CREATE INDEX accounts_created_at ON accounts (created_at);

CREATE TABLE refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  revoked BOOLEAN NOT NULL
);
CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id);

CREATE TABLE sign_in_sessions (
  sid_hash TEXT PRIMARY KEY,
  sapisid TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX sign_in_sessions_account ON sign_in_sessions (account_id);

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  type INTEGER NOT NULL,
  name TEXT,
  otr_status INTEGER NOT NULL,
  link_sharing_status INTEGER NOT NULL,
  join_token TEXT,
  one_to_one_key TEXT,
  created_at BIGINT NOT NULL,
  sort_timestamp BIGINT NOT NULL,
  modified_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX conversations_one_to_one_key ON conversations (one_to_one_key);
CREATE INDEX conversations_join_token ON conversations (join_token);

CREATE TABLE memberships (
  conversation_id TEXT NOT NULL REFERENCES conversations (id),
  account_id TEXT NOT NULL REFERENCES accounts (id),
  joined_at BIGINT NOT NULL,
  left_at BIGINT NOT NULL,
  latest_read_timestamp BIGINT NOT NULL,
  notification_level INTEGER NOT NULL,
  conversation_view INTEGER NOT NULL,
  deleted_up_to BIGINT NOT NULL,
  modified_at BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, account_id)
);
CREATE INDEX memberships_account ON memberships (account_id);

CREATE TABLE events (
  event_id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id),
  event_timestamp BIGINT NOT NULL,
  sender_id TEXT NOT NULL,
  client_generated_id TEXT,
  off_the_record BOOLEAN NOT NULL,
  payload BYTEA NOT NULL
);
CREATE INDEX events_conversation_timestamp ON events (conversation_id, event_timestamp);
CREATE INDEX events_off_the_record ON events (event_timestamp) WHERE off_the_record;

CREATE TABLE dedup (
  account_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  client_generated_id TEXT NOT NULL,
  result_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, scope, client_generated_id)
);
CREATE INDEX dedup_created_at ON dedup (created_at);

CREATE TABLE media (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL REFERENCES accounts (id),
  upload_id TEXT,
  file_name TEXT,
  content_type TEXT,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  size_bytes BIGINT NOT NULL,
  stored_name TEXT,
  complete BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX media_upload_id ON media (upload_id);

CREATE TABLE media_grants (
  media_id TEXT NOT NULL REFERENCES media (id),
  -- A conversation the image was sent to, or '*' for images every signed-in person may see
  -- (avatars); hence no foreign key.
  conversation_id TEXT NOT NULL,
  PRIMARY KEY (media_id, conversation_id)
);

CREATE TABLE presence (
  account_id TEXT PRIMARY KEY REFERENCES accounts (id),
  available BOOLEAN NOT NULL,
  dnd_expires_at BIGINT NOT NULL,
  status_message BYTEA,
  last_seen_at BIGINT NOT NULL
);

CREATE TABLE invitations (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts (id),
  invitee TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX invitations_account ON invitations (account_id);
