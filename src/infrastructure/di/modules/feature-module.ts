// A feature's bindings (its use cases, and adapters only it needs), kept beside the feature's tokens.
import type { Container } from 'inversify';
import type { AppContainerDeps } from '../container.js';

export type FeatureModule = (container: Container, deps: AppContainerDeps) => void;
