// Every group of routes `narada serve` answers, in one list: add one line per feature. A module gets
// the Fastify instance (encapsulated: its hooks and handlers stay its own) and the container's `get`.
import type { FastifyInstance } from 'fastify';
import type { Get } from '../di/wiring.js';
import type { WebRouteSettings } from './web-server-types.js';
import { registerLastyearRoutes } from './lastyear/lastyear-routes.js';
import { registerListenBrainzRoutes } from './listenbrainz/listenbrainz-routes.js';

export type WebRouteModule = (app: FastifyInstance, get: Get, settings: WebRouteSettings) => Promise<void>;

export const ROUTE_MODULES: readonly WebRouteModule[] = [registerLastyearRoutes, registerListenBrainzRoutes];
