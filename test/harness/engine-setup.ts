import { releaseEngineResources } from './n8n-line';

// Every engine test file gets a fresh module registry, hence its own n8n-core container: release it.
afterAll(() => releaseEngineResources());
