import { DeliverySlots, DispatcherStoppingError } from './delivery-slots';

describe('DeliverySlots', () => {
  it('gives a free slot at once and makes a caller wait for one that is taken', async () => {
    const slots = new DeliverySlots(1, () => undefined);
    await slots.acquire();
    let second = false;
    const waiting = slots.acquire().then(() => (second = true));
    await Promise.resolve();
    expect(second).toBe(false);

    slots.release();
    await waiting;
    expect(second).toBe(true);
  });

  it('refuses those waiting when it stops, and returns to the pool the slot one of them would have got', async () => {
    const slots = new DeliverySlots(1, () => undefined);
    await slots.acquire();
    const waiters = [slots.acquire(), slots.acquire()];

    slots.refuse();

    for (const waiter of waiters) await expect(waiter).rejects.toBeInstanceOf(DispatcherStoppingError);
    await expect(slots.acquire()).rejects.toBeInstanceOf(DispatcherStoppingError);
    slots.release();
    expect(slots.tryAcquire()).toBe(false);
  });

  it('serves waiters in order and keeps the count right after many waits', async () => {
    const slots = new DeliverySlots(2, () => undefined);
    const order: number[] = [];
    await slots.acquire();
    await slots.acquire();
    const waiters = Array.from({ length: 50 }, (_, index) => slots.acquire().then(() => order.push(index)));
    for (let i = 0; i < 50; i += 1) slots.release();
    await Promise.all(waiters);

    expect(order).toEqual(Array.from({ length: 50 }, (_, index) => index));
    slots.release();
    slots.release();
    expect([slots.tryAcquire(), slots.tryAcquire(), slots.tryAcquire()]).toEqual([true, true, false]);
  });
});
