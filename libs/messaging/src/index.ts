export * from './topology';
export * from './messages';
export * from './broker';
export * from './consumer';
export * from './message-publisher';
