// Creating an order: the price comes from the shop's catalogue, never from
// the browser, and the amount is registered with POST /payments/prepare
// before any checkout window opens, so a checkout with a tampered amount is
// refused by the service itself (F1003) — the first of two locks; the second
// is verifyPayment.
import { findProduct, MAX_QUANTITY } from '../catalog';
import type { MerchantConfig } from '../config';
import { ShopError, viaSandbox } from '../http/shop-error';
import type { IamportClient } from '../iamport/client';
import { newMerchantUid } from './merchant-uid';
import type { Order, OrderStore } from './order-store';

export interface PlaceOrderDeps {
  orders: OrderStore;
  client: IamportClient;
  merchant: MerchantConfig;
  sandboxUrl: string;
  now: () => number;
}

export interface OrderRequest {
  productId: string;
  quantity: number;
  /** Sell as the configured sub-merchant (IMP.agency) instead of the merchant itself. */
  asTier: boolean;
}

export async function placeOrder(deps: PlaceOrderDeps, request: OrderRequest): Promise<Order> {
  const product = findProduct(request.productId);
  if (!product) {
    throw new ShopError(400, 'UNKNOWN_PRODUCT', `없는 상품입니다: ${request.productId}`, '상품 페이지를 새로고침한 뒤 다시 골라 주세요.');
  }
  if (!Number.isInteger(request.quantity) || request.quantity < 1 || request.quantity > MAX_QUANTITY) {
    throw new ShopError(400, 'BAD_QUANTITY', `수량은 1~${MAX_QUANTITY}개여야 합니다.`, '수량을 고친 뒤 다시 주문하세요.');
  }
  const tier = request.asTier ? deps.merchant.tier : null;
  if (request.asTier && !tier) {
    throw new ShopError(400, 'NO_TIER', '이 상점에는 하위가맹점(티어코드)이 설정되어 있지 않습니다.', '하위가맹점 선택을 끄고 다시 주문하세요.');
  }
  const amount = product.price * request.quantity;
  const merchantUid = newMerchantUid(deps.now());
  // Register first: if the service is down there is no order to clean up.
  await viaSandbox(deps.sandboxUrl, () => deps.client.preparePayment(merchantUid, amount, tier?.code ?? null));
  return deps.orders.insert(
    {
      merchantUid,
      productId: product.id,
      productName: product.name,
      unitPrice: product.price,
      quantity: request.quantity,
      amount,
      currency: 'KRW',
      tierCode: tier?.code ?? null,
    },
    deps.now(),
  );
}
