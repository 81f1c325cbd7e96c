// The V1 code values (pg, pay_method, currency, ...) as string-literal unions.
// Each union also takes any other string, through `(string & {})`: editors
// still suggest the known values, while a provider or method added to the
// service after this release, or a `provider.MID` channel, type-checks too.
// Type-only: nothing here exists at run time.

/** Any other string, without collapsing the union to `string` (which would lose the suggestions). */
export type AnyString = string & {};

/**
 * The PG provider codes of V1 (`pg`), as the V1 docs and the sandbox's test
 * channels know them. `kakao` is the old name of `kakaopay`.
 */
export type KnownPg =
  | 'html5_inicis'
  | 'inicis'
  | 'inicis_unified'
  | 'kcp'
  | 'kcp_billing'
  | 'kcp_quick'
  | 'kcp_v2'
  | 'uplus'
  | 'tosspayments'
  | 'toss_brandpay'
  | 'nice'
  | 'nice_v2'
  | 'kicc'
  | 'ksnet'
  | 'danal'
  | 'danal_tpay'
  | 'daou'
  | 'mobilians'
  | 'settle'
  | 'settle_acc'
  | 'settle_firm'
  | 'smartro'
  | 'smartro_v2'
  | 'welcome'
  | 'jtnet'
  | 'bluewalnut'
  | 'payco'
  | 'kakaopay'
  | 'kakao'
  | 'naverpay'
  | 'naverco'
  | 'tosspay'
  | 'tosspay_v2'
  | 'smilepay'
  | 'chai'
  | 'paypal'
  | 'paypal_v2'
  | 'eximbay'
  | 'paymentwall'
  | 'payple'
  | 'alipay'
  | 'syrup';

/**
 * `pg`: a provider code (`"html5_inicis"`) or a provider and the MID of one of
 * the merchant's channels (`"html5_inicis.INIpayTest"`). Unknown strings are
 * accepted: the service decides, and answers F1001 for a channel it does not have.
 */
export type Pg = KnownPg | `${KnownPg}.${string}` | AnyString;

/** The pay methods of V1 (`pay_method`). `samsung` is the old name of `samsungpay`. */
export type KnownPaymentMethod =
  | 'card'
  | 'trans'
  | 'vbank'
  | 'phone'
  | 'samsung'
  | 'samsungpay'
  | 'kpay'
  | 'kakaopay'
  | 'payco'
  | 'lpay'
  | 'ssgpay'
  | 'ssgpay_bank'
  | 'tosspay'
  | 'tosspay_card'
  | 'tosspay_money'
  | 'toss_brandpay'
  | 'naverpay'
  | 'naverpay_card'
  | 'naverpay_point'
  | 'applepay'
  | 'skpay'
  | 'paypal'
  | 'cultureland'
  | 'smartculture'
  | 'happymoney'
  | 'culturegift'
  | 'booknlife'
  | 'point'
  | 'wechat'
  | 'alipay'
  | 'unionpay'
  | 'tenpay'
  | 'pinpay';

/** `pay_method`: a V1 pay method, or any other string the service may know. */
export type PaymentMethod = KnownPaymentMethod | AnyString;

/** The currencies PayPal settles in (ISO 4217), which V1 accepts with the PayPal providers. */
export type PayPalSupportedCurrency =
  | 'AUD'
  | 'BRL'
  | 'CAD'
  | 'CHF'
  | 'CNY'
  | 'CZK'
  | 'DKK'
  | 'EUR'
  | 'GBP'
  | 'HKD'
  | 'HUF'
  | 'ILS'
  | 'JPY'
  | 'MXN'
  | 'MYR'
  | 'NOK'
  | 'NZD'
  | 'PHP'
  | 'PLN'
  | 'SEK'
  | 'SGD'
  | 'THB'
  | 'TWD'
  | 'USD';

/** `currency`: an ISO 4217 code. The SDK upper-cases it; the service refuses codes it does not settle. */
export type Currency = 'KRW' | 'USD' | 'EUR' | 'JPY' | PayPalSupportedCurrency | AnyString;

/** `language` of the payment window. Which ones a PG window has depends on the PG (eximbay also takes "jp"). */
export type Language = 'ko' | 'en' | 'zh' | AnyString;

/**
 * Card company codes of the Korea Financial Telecommunications & Clearings
 * Institute, used by `card.direct.code` and `card.detail[].card_code`
 * ("361" BC, "365" Samsung, "366" Shinhan, "367" Hyundai, "381" KB Kookmin, ...;
 * "VIS", "MAS", "AMX", "JCB", "DIN", "UNI" for overseas brands).
 */
export type CardCode =
  | '002'
  | '041'
  | '045'
  | '048'
  | '050'
  | '071'
  | '089'
  | '090'
  | '361'
  | '364'
  | '365'
  | '366'
  | '367'
  | '368'
  | '369'
  | '370'
  | '371'
  | '372'
  | '373'
  | '374'
  | '381'
  | 'VIS'
  | 'MAS'
  | 'DIN'
  | 'AMX'
  | 'JCB'
  | 'UNI'
  | AnyString;

/** Mobile carriers for identity verification: "KTF" is KT and "LGT" is LG U+, as V1 spells them. */
export type Carrier = 'SKT' | 'KTF' | 'LGT' | 'MVNO';

/**
 * A payment's state, as the response and the REST API report it: `ready`
 * (opened, or a virtual account waiting for its deposit), `paid`, `failed`,
 * `cancelled` (refunded).
 */
export type PaymentStatus = 'ready' | 'paid' | 'failed' | 'cancelled';
