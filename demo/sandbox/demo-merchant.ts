// The demo merchant created on an empty database, with FIXED values so the
// demo shop, the README and tests can use them. It is a sandbox account: the
// secret is public by design and must never be used anywhere real.
export const DEMO_MERCHANT = {
  name: 'imp-checkout 데모 상점',
  merchantCode: 'imp19424728',
  apiKey: '4820517396302841',
  apiSecret: '80ac51fc01298da379e61d52ab951022a8e1600c981221aa19ca0d1925bf5626b84e4696555da385',
  email: 'demo@imp-checkout.dev',
  password: 'demo-password-4020',
  tier: { code: 'A01', name: '강남점' },
} as const;
