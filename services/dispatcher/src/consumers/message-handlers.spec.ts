import { assertHandlersComplete } from './message-handlers';

const handler = async () => undefined;

describe('assertHandlersComplete', () => {
  it('accepts one handler per consumed message type', () => {
    expect(() => assertHandlersComplete({ 'event.dispatch': handler, 'attempt.deliver': handler })).not.toThrow();
  });

  it('refuses to start when a consumed type has no handler', () => {
    expect(() => assertHandlersComplete({ 'event.dispatch': handler })).toThrow('no handler for message type attempt.deliver');
  });

  it('refuses a handler for a type the dispatcher does not consume or does not know', () => {
    expect(() => assertHandlersComplete({ 'event.dispatch': handler, 'attempt.deliver': handler, 'attempt.dead': handler })).toThrow(
      'attempt.dead, which the dispatcher does not consume',
    );
    expect(() => assertHandlersComplete({ 'event.dispatch': handler, 'attempt.deliver': handler, 'event.other': handler })).toThrow(
      'event.other',
    );
  });
});
