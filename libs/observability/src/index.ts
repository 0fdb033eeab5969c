export * from './log-context';
export * from './logger';
export * from './metrics';
export * from './api-metrics';
export * from './broker-gauges';
export * from './dispatcher-metrics';
export * from './queue-depth-gauge';
export * from './ops-server';
