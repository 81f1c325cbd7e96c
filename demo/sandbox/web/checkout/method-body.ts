// What a pay method contributes to the window: its fields, the approve
// button's label, and what it sends with the approval
// (POST /checkout/api/payments/:imp_uid/approve).
import type { OpenedPayment } from './api';
import type { Brand } from './brands';
import type { Lang, Strings } from './strings';

export interface ApproveFields {
  card_number?: string;
  card_quota?: number;
  bank_code?: string;
}

export interface MethodBody {
  element: HTMLElement;
  /** The fields to send, or a message saying what to fix. */
  collect(): ApproveFields | { problem: string };
}

export interface MethodContext {
  opened: OpenedPayment;
  params: Record<string, unknown>;
  t: Strings;
  lang: Lang;
  brand: Brand | undefined;
  /** The amount as shown, for labels. */
  amountText: string;
}
