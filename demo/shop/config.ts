// What a shop instance needs to know. Everything comes in through buildShop's
// options; only main.ts and demo/start.ts read environment variables.

export interface MerchantConfig {
  /** Merchant code for IMP.init (public: it is in every merchant page). */
  code: string;
  /** REST API key and secret: server-side only. */
  apiKey: string;
  apiSecret: string;
  /** A sub-merchant the product page may sell as, through IMP.agency(code, tier.code). */
  tier?: { code: string; name: string } | null;
}

export interface ShopOptions {
  /** The checkout service as the BROWSER reaches it: the script tag, IMP.configure, the CSP. */
  sandboxUrl: string;
  /** The service as this server reaches it for REST calls. Default: sandboxUrl. */
  sandboxApiUrl?: string;
  merchant: MerchantConfig;
  /**
   * Where the service should POST webhooks for this shop, sent as `notice_url`
   * with every payment (V1 style: it replaces the console's URL for that payment).
   * Absolute; startShop fills it in from the port it got.
   */
  noticeUrl: string;
  /** SQLite file for orders, or ':memory:' (default). */
  db?: string;
  /** Fastify logger: false (default) or a pino level. */
  logger?: false | { level: string };
  /** Where the built files are: dist/ (the SDK) and build/shop/ (page scripts). Defaults: the repo's. */
  assets?: Partial<ShopAssetPaths>;
  /** Milliseconds since the epoch; tests move it. Default Date.now. */
  now?: () => number;
  /** Injected into the REST client (tests count calls). */
  fetch?: typeof fetch;
}

export interface ShopAssetPaths {
  /** Holds index.mjs, served at /vendor/imp-checkout.mjs. */
  sdkDir: string;
  /** Built page scripts (product.js, spa.js). */
  pageScriptsDir: string;
  /** shop.css. */
  staticDir: string;
}
