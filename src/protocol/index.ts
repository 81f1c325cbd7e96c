export * from './envelope';
export * from './guards';
export * from './channel';
export * from './urls';
