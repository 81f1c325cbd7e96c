// Shapes of the console API answers the page uses.
export interface Tier {
  tier_code: string;
  name: string;
}

export interface Keys {
  merchant_code: string;
  api_key: string;
  name: string;
  email: string;
  tiers: Tier[];
}

export interface Channel {
  id: number;
  channel_key: string;
  pg_provider: string;
  pg_id: string;
  kind: 'payment' | 'certification';
  is_default: boolean;
}

export interface Provider {
  pg_provider: string;
  label: string;
  test_mid: string;
  kind: 'payment' | 'certification';
}

export interface Delivery {
  id: number;
  imp_uid: string;
  status: string;
  url: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  state: 'delivered' | 'pending' | 'failed';
}

export interface PaymentSummary {
  imp_uid: string;
  merchant_uid: string;
  tier_code: string | null;
  name: string | null;
  amount: number;
  cancel_amount: number;
  currency: string;
  pay_method: string;
  status: string;
  can_cancel: boolean;
  can_deposit: boolean;
}

export interface AllowedOrigins {
  origins: string[];
  /** False while the list is empty: every origin may open the checkout. */
  enforced: boolean;
}
