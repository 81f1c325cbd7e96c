// What the shop's routes share: its stores, its REST client and its settings.
// (It satisfies VerifyDeps and PlaceOrderDeps, so routes pass it on whole.)
import type { MerchantConfig, ShopAssetPaths } from './config';
import type { ShopDb } from './db';
import type { IamportClient } from './iamport/client';
import type { OrderStore } from './orders/order-store';
import type { WebhookLog } from './orders/webhook-log';

export interface ShopContext {
  db: ShopDb;
  orders: OrderStore;
  webhooks: WebhookLog;
  client: IamportClient;
  merchant: MerchantConfig;
  /** The service's origin as the browser reaches it (script tag, IMP.configure, CSP). */
  sandboxUrl: string;
  /** Sent as notice_url with every payment: this shop's webhook receiver. */
  noticeUrl: string;
  assets: ShopAssetPaths;
  /** Milliseconds since the epoch. */
  now: () => number;
}
