// What the shop sells. Prices live here, on the server: the browser sends only
// a product id and a quantity, and the amount the buyer must pay is computed
// from this list (v1-contract §6, pain point 6: never trust a browser amount).

export interface Product {
  id: string;
  name: string;
  /** KRW, whole won. */
  price: number;
  description: string;
  /** Shown on the product card; a word, not an image, to keep the demo self-contained. */
  badge: string;
}

export const PRODUCTS: readonly Product[] = [
  { id: 'sejak', name: '하동 세작 녹차 50g', price: 18_000, description: '곡우 전후에 딴 어린 잎. 맑고 고소한 첫물차.', badge: '녹차' },
  { id: 'hojicha', name: '볶은 호지차 티백 20개입', price: 12_500, description: '센 불에 볶아 구수한 향. 카페인이 적어 저녁에도.', badge: '호지차' },
  { id: 'gift-set', name: '제주 유기농 차 선물세트', price: 39_000, description: '녹차·홍차·감귤피차 3종과 나무 티스푼.', badge: '선물' },
];

export const MAX_QUANTITY = 10;

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}
