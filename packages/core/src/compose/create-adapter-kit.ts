import type { Deployment } from '../config/deployment.js';
import type { AdapterKit, AdapterKitOptions } from './adapter-kit.js';
import { createDistributedAdapterKit } from './distributed-adapter-kit.js';
import { createEmbeddedAdapterKit } from './embedded-adapter-kit.js';

/** The kit of `npm start`: embedded or distributed, as the deployment says. */
export function createAdapterKit(deployment: Deployment, options: AdapterKitOptions): AdapterKit {
  return deployment.mode === 'embedded'
    ? createEmbeddedAdapterKit(deployment.dataDir, options)
    : createDistributedAdapterKit(deployment, options);
}
