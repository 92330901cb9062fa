// Failures as a web client reads them: bad input 400, an unknown user 404, an upstream service down
// 502, anything else 500 without details; as HTML or as JSON `{"error": {code, message}}` per Accept.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UpstreamError } from '../../application/ports/upstream-errors.js';
import { UNKNOWN_USER } from '../../application/lastyear/lastyear-request.js';
import { isNaradaError } from '../../domain/shared/errors.js';
import { errorPage } from './lastyear/lastyear-pages.js';

export interface WebFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export function wantsJson(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function failureOf(error: unknown): WebFailure {
  if (isNaradaError(error)) {
    if (error.code === UNKNOWN_USER) return { status: 404, code: error.code, message: error.message };
    if (error.category === 'input') return { status: 400, code: error.code, message: error.message };
    if (error instanceof UpstreamError) return { status: 502, code: error.code, message: error.message };
    if (error.code === 'JOBS.BUSY') return { status: 503, code: error.code, message: error.message };
  } else if (isWebFailure(error)) return error;
  // Fastify's own refusals (a malformed request) carry their status.
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return { status, code: 'WEB.BAD_REQUEST', message: 'The request could not be read' };
  return {
    status: 500,
    code: 'WEB.INTERNAL',
    message: 'Something went wrong on the server; try again later',
  };
}

export function replyWithError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const failure = failureOf(error);
  reply.code(failure.status);
  if (wantsJson(request)) return reply.send({ error: { code: failure.code, message: failure.message } });
  return reply.type('text/html; charset=utf-8').send(errorPage(failure.status, failure.message));
}

function isWebFailure(error: unknown): error is WebFailure {
  if (typeof error !== 'object' || error === null) return false;
  const { status, code, message } = error as Partial<WebFailure>;
  return typeof status === 'number' && typeof code === 'string' && typeof message === 'string';
}
