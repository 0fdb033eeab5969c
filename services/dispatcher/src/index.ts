export { startDispatcher, type DispatcherHandle, type DispatcherOverrides } from './dispatcher';
export type { HttpSender, OutgoingRequest, SendResult } from './delivery/http-sender';
