import { Places } from './send-pacing';

describe('Places', () => {
  it('lets `size` through at once, then one per release, urgent ones first', async () => {
    const places = new Places(2);
    const order: string[] = [];
    const first = await places.take();
    const second = await places.take();
    const waiting = [
      places.take().then((release) => (order.push('campaign'), release)),
      places.take(true).then((release) => (order.push('sign-in link'), release)),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    first();
    first(); // a second release of the same place frees nothing more
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['sign-in link']);
    second();
    const [campaign, link] = await Promise.all(waiting);
    expect(order).toEqual(['sign-in link', 'campaign']);
    campaign();
    link();
    // Both places free again: two more go through at once.
    await places.take();
    await places.take();
  });
});
