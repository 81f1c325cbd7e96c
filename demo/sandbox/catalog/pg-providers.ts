// The PG providers the sandbox knows (V1's `pg` codes), each with a test MID
// that looks like the one the real PG hands out for testing. New merchants get
// a test channel for every provider marked `seed`.

export type ChannelKind = 'payment' | 'certification';

export interface PgProvider {
  pg_provider: string;
  label: string;
  test_mid: string;
  kind: ChannelKind;
  /** Seeded for every new merchant. */
  seed: boolean;
}

const payment = (pg_provider: string, label: string, test_mid: string, seed = true): PgProvider => ({
  pg_provider,
  label,
  test_mid,
  kind: 'payment',
  seed,
});

export const PG_PROVIDERS: readonly PgProvider[] = [
  // The first payment provider is the new merchant's default channel, as the V1 console's first PG.
  payment('html5_inicis', 'KG이니시스 (웹표준)', 'INIpayTest'),
  payment('inicis', 'KG이니시스 (구모듈)', 'INIpayTest'),
  payment('kcp', 'NHN KCP', 'T0000'),
  payment('kcp_billing', 'NHN KCP 정기결제', 'BA001'),
  payment('nice', '나이스페이먼츠', 'nictest00m'),
  payment('nice_v2', '나이스페이먼츠 (신모듈)', 'iamport00m'),
  payment('tosspayments', '토스페이먼츠', 'iamporttest_3'),
  payment('uplus', '토스페이먼츠 (구 LG U+)', 'tlgdacomxpay'),
  payment('kicc', 'KICC', 'T5102001'),
  payment('ksnet', 'KSNET', '2999199999'),
  payment('danal', '다날 휴대폰결제', '9810030929'),
  payment('danal_tpay', '다날 일반결제', '9810030929'),
  payment('mobilians', 'KG모빌리언스', 'M1609300'),
  payment('settle', '헥토파이낸셜', 'nxca_jt_il'),
  payment('smartro', '스마트로', 't_2201191m'),
  payment('payco', '페이코', 'IMPPAYCO'),
  payment('kakaopay', '카카오페이', 'TC0ONETIME'),
  payment('naverpay', '네이버페이', 'np_test'),
  payment('tosspay', '토스페이', 'tosstest'),
  payment('paypal', 'PayPal', 'sb-merchant'),
  payment('eximbay', 'Eximbay', '1849705C64'),
  payment('smilepay', '스마일페이', 'cnstest25m'),
  payment('chai', '차이', 'chai-test'),
  payment('welcome', '웰컴페이먼츠', 'welcometst'),
  // Known to V1 and addable in the console, not seeded.
  payment('kcp_quick', 'NHN KCP 퀵페이', 'A52Q7', false),
  payment('smartro_v2', '스마트로 (신모듈)', 't_2201192m', false),
  payment('tosspay_v2', '토스페이 (신모듈)', 'tosstest_v2', false),
  payment('paypal_v2', 'PayPal (신모듈)', 'sb-merchant-v2', false),
  payment('toss_brandpay', '토스 브랜드페이', 'brandpay_test', false),
  payment('daou', '키움페이 (다우)', 'CTS16826', false),
  payment('jtnet', 'JTNet', 'tjsschinit', false),
  payment('bluewalnut', '블루월넛', 'bluewalnut1m', false),
  payment('payple', '페이플', 'test', false),
  payment('paymentwall', 'Paymentwall', 'pw_test', false),
  payment('alipay', 'Alipay', '2088021234567890', false),
  payment('naverco', '네이버페이 (주문형)', 'np_test_order', false),
  payment('settle_acc', '헥토파이낸셜 (계좌)', 'M2103135', false),
  { pg_provider: 'danal', label: '다날 휴대폰 본인인증', test_mid: 'A010002002', kind: 'certification', seed: true },
  { pg_provider: 'inicis_unified', label: 'KG이니시스 통합인증', test_mid: 'MIIiasTest', kind: 'certification', seed: true },
];

export function findProvider(pgProvider: string, kind: ChannelKind): PgProvider | undefined {
  return PG_PROVIDERS.find((p) => p.pg_provider === pgProvider && p.kind === kind);
}

/** Old `pg` names V1 still accepts. */
export const PG_ALIASES: Readonly<Record<string, string>> = { kakao: 'kakaopay' };
