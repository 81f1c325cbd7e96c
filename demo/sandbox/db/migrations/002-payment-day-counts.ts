// Payments counted per merchant, tier, status and day they started, kept by
// triggers, so that GET /payments/status/{status} can give V1's `total` for
// its 90-day window from whole-day counts plus the two partial days at its
// ends, instead of walking one index entry per payment (with 8,000 paid
// payments in the window that walk was a third of the answer's time, and
// grew with every payment; npm run bench -- growth, README "Performance").
//
// Triggers rather than code in the repository: every way a row changes
// (the sandbox's own statements, another process running older code, a
// merchant deleted with its payments) keeps the counts right.
export const version = 2;
export const name = 'payment counts per day';

export const sql = /* sql */ `
CREATE TABLE payment_day_counts (
  merchant_id  INTEGER NOT NULL,
  tier_code    TEXT NOT NULL,
  status       TEXT NOT NULL,
  -- started_at / 86400: whole UTC days since 1970.
  day          INTEGER NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (merchant_id, tier_code, status, day)
) WITHOUT ROWID;

CREATE TRIGGER payment_day_counts_insert AFTER INSERT ON payments
BEGIN
  INSERT INTO payment_day_counts (merchant_id, tier_code, status, day, n)
  VALUES (NEW.merchant_id, NEW.tier_code, NEW.status, NEW.started_at / 86400, 1)
  ON CONFLICT (merchant_id, tier_code, status, day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER payment_day_counts_delete AFTER DELETE ON payments
BEGIN
  UPDATE payment_day_counts SET n = n - 1
  WHERE merchant_id = OLD.merchant_id AND tier_code = OLD.tier_code AND status = OLD.status AND day = OLD.started_at / 86400;
END;

CREATE TRIGGER payment_day_counts_update AFTER UPDATE OF merchant_id, tier_code, status, started_at ON payments
WHEN OLD.merchant_id IS NOT NEW.merchant_id OR OLD.tier_code IS NOT NEW.tier_code
  OR OLD.status IS NOT NEW.status OR OLD.started_at / 86400 IS NOT NEW.started_at / 86400
BEGIN
  UPDATE payment_day_counts SET n = n - 1
  WHERE merchant_id = OLD.merchant_id AND tier_code = OLD.tier_code AND status = OLD.status AND day = OLD.started_at / 86400;
  INSERT INTO payment_day_counts (merchant_id, tier_code, status, day, n)
  VALUES (NEW.merchant_id, NEW.tier_code, NEW.status, NEW.started_at / 86400, 1)
  ON CONFLICT (merchant_id, tier_code, status, day) DO UPDATE SET n = n + 1;
END;

-- The payments stored before this migration.
INSERT INTO payment_day_counts (merchant_id, tier_code, status, day, n)
SELECT merchant_id, tier_code, status, started_at / 86400, COUNT(*) FROM payments
GROUP BY merchant_id, tier_code, status, started_at / 86400;
`;
