import type { Db } from '../db/open';

export interface MerchantRow {
  id: number;
  merchant_code: string;
  name: string;
  email: string;
  password_hash: string;
  api_key: string;
  secret_hash: string;
  secret_generation: number;
  webhook_key: string;
  webhook_url: string | null;
  webhook_content_type: 'json' | 'form';
  allowed_origins: string;
  created_at_ms: number;
}

export type NewMerchant = Pick<
  MerchantRow,
  'merchant_code' | 'name' | 'email' | 'password_hash' | 'api_key' | 'secret_hash' | 'webhook_key' | 'created_at_ms'
>;

export function merchantsRepository(db: Db) {
  const byId = db.prepare<[number], MerchantRow>('SELECT * FROM merchants WHERE id = ?');
  const byCode = db.prepare<[string], MerchantRow>('SELECT * FROM merchants WHERE merchant_code = ?');
  const byEmail = db.prepare<[string], MerchantRow>('SELECT * FROM merchants WHERE email = ?');
  const byApiKey = db.prepare<[string], MerchantRow>('SELECT * FROM merchants WHERE api_key = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM merchants');
  const insert = db.prepare<[NewMerchant]>(
    `INSERT INTO merchants (merchant_code, name, email, password_hash, api_key, secret_hash, webhook_key, created_at_ms)
     VALUES (@merchant_code, @name, @email, @password_hash, @api_key, @secret_hash, @webhook_key, @created_at_ms)`,
  );
  const rotateSecret = db.prepare<[string, string, number]>(
    'UPDATE merchants SET secret_hash = ?, webhook_key = ?, secret_generation = secret_generation + 1 WHERE id = ?',
  );
  const setWebhook = db.prepare<[string | null, string, number]>(
    'UPDATE merchants SET webhook_url = ?, webhook_content_type = ? WHERE id = ?',
  );
  const setAllowedOrigins = db.prepare<[string, number]>('UPDATE merchants SET allowed_origins = ? WHERE id = ?');

  return {
    findById: (id: number) => byId.get(id),
    findByCode: (code: string) => byCode.get(code.toLowerCase()),
    findByEmail: (email: string) => byEmail.get(email),
    findByApiKey: (apiKey: string) => byApiKey.get(apiKey),
    count: () => count.get()!.n,
    /** Returns the new merchant id. Throws SQLITE_CONSTRAINT_UNIQUE on a code/key/email collision. */
    insert: (merchant: NewMerchant) => Number(insert.run(merchant).lastInsertRowid),
    rotateSecret: (id: number, secretHash: string, webhookKey: string) => rotateSecret.run(secretHash, webhookKey, id),
    setWebhook: (id: number, url: string | null, contentType: 'json' | 'form') => setWebhook.run(url, contentType, id),
    /** `originsJson`: a JSON array of normalised origins (merchants/allowed-origins.ts). */
    setAllowedOrigins: (id: number, originsJson: string) => setAllowedOrigins.run(originsJson, id),
  };
}

export type MerchantsRepository = ReturnType<typeof merchantsRepository>;
