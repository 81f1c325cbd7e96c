// Every schema change is a new numbered file here, appended to this list.
// Never edit a migration that has shipped: databases in the wild ran it.
import * as initial from './001-initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [initial];
