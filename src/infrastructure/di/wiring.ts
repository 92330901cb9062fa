// How the composition root holds its parts: each token bound once to a factory, built on first use
// and then shared for the invocation (so the database opens only when a command needs it, once).
import type { Token } from './tokens.js';

/** What a factory is given to reach the parts it is built from. */
export type Get = <T>(token: Token<T>) => Promise<T>;
export type Factory<T> = (get: Get) => T | Promise<T>;

export class Wiring {
  private readonly factories = new Map<symbol, Factory<unknown>>();
  private readonly built = new Map<symbol, Promise<unknown>>();

  bind<T>(token: Token<T>, factory: Factory<T>): void {
    // One binding per token: an adapter bound twice would be built twice.
    if (this.factories.has(token)) throw new Error(`${String(token.description)} is bound twice`);
    this.factories.set(token, factory);
  }

  /** The part `token` names, built on the first call; every later call gets the same one. */
  readonly get: Get = <T>(token: Token<T>): Promise<T> => {
    let part = this.built.get(token);
    if (part === undefined) {
      const factory = this.factories.get(token);
      if (factory === undefined)
        return Promise.reject(new Error(`Nothing is bound to ${String(token.description)}`));
      // The promise is kept, not the value: two parts asking at once share one build.
      part = Promise.resolve().then(() => factory(this.get));
      this.built.set(token, part);
    }
    return part as Promise<T>;
  };
}
