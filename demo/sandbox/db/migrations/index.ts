// Every schema change is a new numbered file here, appended to this list.
// Never edit a migration that has shipped: databases in the wild ran it.
import * as initial from './001-initial';
import * as paymentDayCounts from './002-payment-day-counts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [initial, paymentDayCounts];
