// Naver Pay (pg "naverpay") order details V1 passes through to the Naver Pay
// window. Type-only: the category and referrer sets are string-literal unions
// here, where some typings declare enums; write the value itself
// (`categoryType: 'PRODUCT'`).

/** `naverProducts[].categoryType`. */
export type NaverProductCategoryType =
  | 'BOOK'
  | 'MUSIC'
  | 'MOVIE'
  | 'PRODUCT'
  | 'PLAY'
  | 'TRAVEL'
  | 'INSURANCE'
  | 'FLIGHT'
  | 'FOOD'
  | 'ETC';

/** `naverProducts[].categoryId`: the detail within the category (GENERAL, USED, TICKET fit most categories). */
export type NaverProductCategoryId =
  | 'GENERAL'
  | 'USED'
  | 'TICKET'
  | 'EBOOK'
  | 'CD'
  | 'LP'
  | 'DVD'
  | 'BLUERAY'
  | 'VOD'
  | 'CASHABLE'
  | 'CLAIM'
  | 'DIGITAL_CONTENT'
  | 'SUPPORT'
  | 'DOMESTIC'
  | 'OVERSEA'
  | 'CAR'
  | 'DRIVER'
  | 'HEALTH'
  | 'CHILD'
  | 'TRAVELER'
  | 'GOLF'
  | 'ANNUITY'
  | 'ANNUITY_SAVING'
  | 'SAVING'
  | 'VARIABLE_ANNUITY'
  | 'CANCER'
  | 'DENTIST'
  | 'ACCIDENT'
  | 'SEVERANCE'
  | 'PHONE'
  | 'PET'
  | 'DELIVERY'
  | 'ETC';

/** `naverProducts[].payReferrer`: where the buyer came from (agreed with Naver beforehand). */
export type NaverPayReferrer =
  | 'NAVER_BOOK'
  | 'NAVER_MUSIC'
  | 'NAVER_SHOPPING'
  | 'NAVER_MAP'
  | 'NAVER_PLACE'
  | 'SEARCH_AD'
  | 'NAVER_SEARCH'
  | 'BRAND_SEARCH'
  | 'PARTNER_DIRECT'
  | 'ETC';

/** One product line of a Naver Pay order (`naverProducts`). */
export interface NaverProduct {
  /** Product category. */
  categoryType: NaverProductCategoryType;
  /** Detail within the category. */
  categoryId: NaverProductCategoryId;
  /** The merchant's own id of the product. */
  uid: string;
  /** Product name as the buyer sees it. */
  name: string;
  /** Quantity ordered. */
  count: number;
  /** Where the buyer came from. Default: not sent. */
  payReferrer?: NaverPayReferrer;
}

/** The Naver Pay params, all present: what a Naver Pay (pg "naverpay") request adds to RequestPayParams. */
export interface RequestPayNaverAdditionalParams {
  /** Last day the service may be used, "yyyyMMdd", today or later (e.g. "20301231"). */
  naverUseCfm: string;
  /** true: the Naver Pay window opens as a popup rather than replacing the page. */
  naverPopupMode: boolean;
  /** The order's product lines. */
  naverProducts: NaverProduct[];
}
