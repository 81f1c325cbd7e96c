// Schema v1. Conventions:
// - columns named like V1 fields (imp_uid, paid_at, ...) hold V1 values: V1
//   timestamps are Unix SECONDS, 0 when not applicable, as V1 returns them;
// - our own bookkeeping times end in _ms (Unix milliseconds);
// - tier_code is '' for the parent merchant (not NULL) so that it can be part
//   of UNIQUE keys (SQLite treats NULLs as distinct).
export const version = 1;
export const name = 'initial schema';

export const sql = /* sql */ `
CREATE TABLE merchants (
  id                    INTEGER PRIMARY KEY,
  merchant_code         TEXT NOT NULL UNIQUE,
  name                  TEXT NOT NULL,
  email                 TEXT NOT NULL UNIQUE,
  password_hash         TEXT NOT NULL,
  api_key               TEXT NOT NULL UNIQUE,
  -- SHA-256 of the REST API secret; the secret itself is shown once and never stored.
  secret_hash           TEXT NOT NULL,
  -- Bumped by every reissue; tokens of an older generation are refused at once.
  secret_generation     INTEGER NOT NULL DEFAULT 1,
  -- HMAC-SHA256(api_secret, "imp-checkout webhook v1"): signs webhooks, cannot recover the secret.
  webhook_key           TEXT NOT NULL,
  webhook_url           TEXT,
  webhook_content_type  TEXT NOT NULL DEFAULT 'json' CHECK (webhook_content_type IN ('json', 'form')),
  -- JSON array of origins allowed to open checkouts; [] = any (enforced by a later issue).
  allowed_origins       TEXT NOT NULL DEFAULT '[]',
  created_at_ms         INTEGER NOT NULL
);

CREATE TABLE console_sessions (
  id             INTEGER PRIMARY KEY,
  session_hash   TEXT NOT NULL UNIQUE,
  merchant_id    INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  created_at_ms  INTEGER NOT NULL,
  expires_at_ms  INTEGER NOT NULL
);
CREATE INDEX console_sessions_expiry ON console_sessions(expires_at_ms);

CREATE TABLE api_tokens (
  id                 INTEGER PRIMARY KEY,
  merchant_id        INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  secret_generation  INTEGER NOT NULL,
  -- Public nonce: token = HMAC(api_secret, nonce), so the same token can be
  -- handed out again while it lives without storing it (accounts/api-tokens.ts).
  nonce              TEXT NOT NULL,
  token_hash         TEXT NOT NULL UNIQUE,
  issued_at_ms       INTEGER NOT NULL,
  expires_at_ms      INTEGER NOT NULL
);
CREATE INDEX api_tokens_live ON api_tokens(merchant_id, secret_generation, expires_at_ms);

CREATE TABLE tiers (
  id             INTEGER PRIMARY KEY,
  merchant_id    INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  tier_code      TEXT NOT NULL CHECK (tier_code GLOB '[A-Z0-9][A-Z0-9][A-Z0-9]'),
  name           TEXT NOT NULL,
  created_at_ms  INTEGER NOT NULL,
  UNIQUE (merchant_id, tier_code)
);

CREATE TABLE pg_channels (
  id             INTEGER PRIMARY KEY,
  merchant_id    INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  channel_key    TEXT NOT NULL UNIQUE,
  pg_provider    TEXT NOT NULL,
  pg_id          TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('payment', 'certification')),
  is_default     INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at_ms  INTEGER NOT NULL,
  UNIQUE (merchant_id, kind, pg_provider, pg_id)
);
CREATE UNIQUE INDEX pg_channels_one_default ON pg_channels(merchant_id, kind) WHERE is_default = 1;

CREATE TABLE payment_prepares (
  id             INTEGER PRIMARY KEY,
  merchant_id    INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  tier_code      TEXT NOT NULL DEFAULT '',
  merchant_uid   TEXT NOT NULL,
  amount         REAL NOT NULL,
  currency       TEXT,
  created_at_ms  INTEGER NOT NULL,
  updated_at_ms  INTEGER NOT NULL,
  UNIQUE (merchant_id, tier_code, merchant_uid)
);

CREATE TABLE payments (
  id                   INTEGER PRIMARY KEY,
  imp_uid              TEXT NOT NULL UNIQUE,
  merchant_id          INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  tier_code            TEXT NOT NULL DEFAULT '',
  merchant_uid         TEXT NOT NULL,
  checkout_token_hash  TEXT,
  mode                 TEXT,
  origin               TEXT,
  channel              TEXT NOT NULL CHECK (channel IN ('pc', 'mobile', 'api')),
  pay_method           TEXT NOT NULL,
  pg_provider          TEXT NOT NULL,
  emb_pg_provider      TEXT,
  pg_tid               TEXT,
  pg_id                TEXT NOT NULL,
  escrow               INTEGER NOT NULL DEFAULT 0,
  apply_num            TEXT,
  bank_code            TEXT,
  bank_name            TEXT,
  card_code            TEXT,
  card_name            TEXT,
  card_issuer_code     TEXT,
  card_issuer_name     TEXT,
  card_publisher_code  TEXT,
  card_publisher_name  TEXT,
  card_quota           INTEGER,
  card_number          TEXT,
  card_type            INTEGER,
  vbank_code           TEXT,
  vbank_name           TEXT,
  vbank_num            TEXT,
  vbank_holder         TEXT,
  vbank_date           INTEGER NOT NULL DEFAULT 0,
  vbank_issued_at      INTEGER NOT NULL DEFAULT 0,
  name                 TEXT,
  amount               REAL NOT NULL,
  cancel_amount        REAL NOT NULL DEFAULT 0,
  currency             TEXT NOT NULL,
  buyer_name           TEXT,
  buyer_email          TEXT,
  buyer_tel            TEXT,
  buyer_addr           TEXT,
  buyer_postcode       TEXT,
  custom_data          TEXT,
  user_agent           TEXT,
  status               TEXT NOT NULL CHECK (status IN ('ready', 'paid', 'cancelled', 'failed')),
  started_at           INTEGER NOT NULL,
  paid_at              INTEGER NOT NULL DEFAULT 0,
  failed_at            INTEGER NOT NULL DEFAULT 0,
  cancelled_at         INTEGER NOT NULL DEFAULT 0,
  -- The error_code handed to the SDK when the payment failed (F0000 for a user cancel).
  fail_code            TEXT,
  fail_reason          TEXT,
  cancel_reason        TEXT,
  receipt_url          TEXT,
  cash_receipt_issued  INTEGER NOT NULL DEFAULT 0,
  customer_uid         TEXT,
  customer_uid_usage   TEXT,
  -- JSON array of per-payment webhook URLs (V1 notice_url, string or array), or NULL.
  notice_urls          TEXT,
  m_redirect_url       TEXT,
  updated_at_ms        INTEGER NOT NULL
);
-- Only one payment per order (merchant, tier, merchant_uid) can ever be paid:
-- the database itself refuses a second one, whatever the code above it does.
CREATE UNIQUE INDEX payments_one_paid ON payments(merchant_id, tier_code, merchant_uid) WHERE status = 'paid';
CREATE INDEX payments_by_merchant_uid ON payments(merchant_id, tier_code, merchant_uid, started_at);
CREATE INDEX payments_by_status ON payments(merchant_id, tier_code, status, started_at);
CREATE INDEX payments_by_started ON payments(merchant_id, tier_code, started_at);

CREATE TABLE payment_cancellations (
  id               INTEGER PRIMARY KEY,
  payment_id       INTEGER NOT NULL REFERENCES payments(id) ON DELETE CASCADE,
  cancellation_id  TEXT NOT NULL UNIQUE,
  pg_tid           TEXT,
  amount           REAL NOT NULL,
  reason           TEXT,
  receipt_url      TEXT,
  cancelled_at     INTEGER NOT NULL
);
CREATE INDEX payment_cancellations_by_payment ON payment_cancellations(payment_id, id);

CREATE TABLE customers (
  id             INTEGER PRIMARY KEY,
  merchant_id    INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  tier_code      TEXT NOT NULL DEFAULT '',
  customer_uid   TEXT NOT NULL,
  pg_provider    TEXT NOT NULL,
  pg_id          TEXT NOT NULL,
  card_code      TEXT,
  card_name      TEXT,
  card_number    TEXT,
  inserted_at    INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  UNIQUE (merchant_id, tier_code, customer_uid)
);

CREATE TABLE certifications (
  id                   INTEGER PRIMARY KEY,
  imp_uid              TEXT NOT NULL UNIQUE,
  merchant_id          INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  tier_code            TEXT NOT NULL DEFAULT '',
  merchant_uid         TEXT NOT NULL,
  checkout_token_hash  TEXT NOT NULL,
  mode                 TEXT,
  origin               TEXT,
  pg_provider          TEXT NOT NULL,
  pg_id                TEXT NOT NULL,
  pg_tid               TEXT,
  status               TEXT NOT NULL CHECK (status IN ('ready', 'certified', 'cancelled')),
  min_age              INTEGER,
  m_redirect_url       TEXT,
  name                 TEXT,
  gender               TEXT,
  birthday             TEXT,
  foreigner            INTEGER NOT NULL DEFAULT 0,
  phone                TEXT,
  carrier              TEXT,
  certified_at         INTEGER NOT NULL DEFAULT 0,
  unique_key           TEXT,
  unique_in_site       TEXT,
  fail_code            TEXT,
  fail_reason          TEXT,
  started_at           INTEGER NOT NULL,
  updated_at_ms        INTEGER NOT NULL
);
CREATE INDEX certifications_by_merchant ON certifications(merchant_id, tier_code, started_at);

CREATE TABLE redirect_sessions (
  id             INTEGER PRIMARY KEY,
  session_hash   TEXT NOT NULL UNIQUE,
  action         TEXT NOT NULL CHECK (action IN ('payment', 'certification')),
  params         TEXT NOT NULL,
  sdk            TEXT NOT NULL,
  origin         TEXT,
  created_at_ms  INTEGER NOT NULL,
  expires_at_ms  INTEGER NOT NULL
);

-- Transactional outbox: a row is written in the same transaction as the
-- payment change it announces, and the worker delivers it afterwards.
CREATE TABLE webhook_deliveries (
  id                  INTEGER PRIMARY KEY,
  merchant_id         INTEGER NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
  imp_uid             TEXT NOT NULL,
  event_status        TEXT NOT NULL,
  url                 TEXT NOT NULL,
  content_type        TEXT NOT NULL,
  body                TEXT NOT NULL,
  attempts            INTEGER NOT NULL DEFAULT 0,
  next_attempt_at_ms  INTEGER NOT NULL,
  last_status         INTEGER,
  last_error          TEXT,
  delivered_at_ms     INTEGER,
  gave_up_at_ms       INTEGER,
  created_at_ms       INTEGER NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at_ms)
  WHERE delivered_at_ms IS NULL AND gave_up_at_ms IS NULL;
CREATE INDEX webhook_deliveries_by_merchant ON webhook_deliveries(merchant_id, id);
`;
