// The composition root's mechanism: a part is built once, on first use, and shared; a token is bound once.
import { describe, expect, it } from '@jest/globals';
import { token } from '../../../src/infrastructure/di/tokens.js';
import { Wiring } from '../../../src/infrastructure/di/wiring.js';

describe('Wiring', () => {
  it('builds a part on first use only, and gives every caller the same one, even when they ask at once', async () => {
    const wiring = new Wiring();
    const PART = token<{ readonly n: number }>('test.Part');
    let builds = 0;
    wiring.bind(PART, async () => {
      builds += 1;
      await new Promise((done) => setTimeout(done, 5));
      return { n: builds };
    });
    expect(builds).toBe(0);

    const [a, b] = await Promise.all([wiring.get(PART), wiring.get(PART)]);

    expect(builds).toBe(1);
    expect(a).toBe(b);
    expect(await wiring.get(PART)).toBe(a);
  });

  it('builds a part from the parts it asks for', async () => {
    const wiring = new Wiring();
    const NAME = token<string>('test.Name');
    const GREETING = token<string>('test.Greeting');
    wiring.bind(GREETING, async (get) => `hello ${await get(NAME)}`);
    wiring.bind(NAME, () => 'narada');

    expect(await wiring.get(GREETING)).toBe('hello narada');
  });

  it('refuses a token bound twice, and names a token bound to nothing', async () => {
    const wiring = new Wiring();
    const PART = token<number>('test.Part');
    wiring.bind(PART, () => 1);

    expect(() => wiring.bind(PART, () => 2)).toThrow('test.Part is bound twice');
    await expect(wiring.get(token<number>('test.Missing'))).rejects.toThrow(
      'Nothing is bound to test.Missing',
    );
  });
});
