// Resolving a typed token inside a binding; kept apart from container.ts so feature modules can
// use it without importing the container that imports them.
import type { ResolutionContext } from 'inversify';
import type { Token } from './tokens.js';

export function resolve<T>(ctx: ResolutionContext, token: Token<T>): Promise<T> {
  return ctx.getAsync<T>(token);
}
