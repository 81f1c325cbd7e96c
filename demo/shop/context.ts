// What the shop's routes share: its stores, its REST client and its settings.
import type { MerchantConfig, ShopAssetPaths } from './config';
import type { ShopDb } from './db';
import type { IamportClient } from './iamport/client';
import type { OrderStore } from './orders/order-store';
import type { VerifyDeps } from './orders/verify-payment';
import type { WebhookLog } from './orders/webhook-log';

export interface ShopContext extends VerifyDeps {
  db: ShopDb;
  webhooks: WebhookLog;
  merchant: MerchantConfig;
  /** The service's origin as the browser reaches it (script tag, IMP.configure, CSP). */
  sandboxUrl: string;
  noticeUrl: string;
  assets: ShopAssetPaths;
}
