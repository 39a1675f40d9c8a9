#!/usr/bin/env node
// CLI: `node sandbox/server.mjs` serves the sandbox on $PORT (default 8080).
// Environment: SANDBOX_SEED, SANDBOX_SIZE, SANDBOX_NOW, SANDBOX_CORS (all|none|real), SANDBOX_HOSTILE=1,
// SANDBOX_LATENCY (ms), SANDBOX_HOST (default 127.0.0.1), SANDBOX_DEBUG=1 (stack traces).
import { startSandbox } from './index.mjs';

/** @type {Awaited<ReturnType<typeof startSandbox>> | undefined} */
let sandbox;
let stopping = false;
// Registered first, so a signal that arrives while the data is being generated also exits cleanly.
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal} received, closing.`);
  await sandbox?.close();
  process.exit(0);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

const env = process.env;
const options = {
  port: env.PORT === undefined ? 8080 : Number(env.PORT),
  host: env.SANDBOX_HOST || '127.0.0.1',
  seed: env.SANDBOX_SEED || undefined,
  size: env.SANDBOX_SIZE ? Number(env.SANDBOX_SIZE) : undefined,
  now: env.SANDBOX_NOW || undefined,
  cors: env.SANDBOX_CORS || undefined,
  hostile: env.SANDBOX_HOSTILE === '1' || env.SANDBOX_HOSTILE === 'true',
  latency: env.SANDBOX_LATENCY ? Number(env.SANDBOX_LATENCY) : undefined,
};

const started = Date.now();
try {
  sandbox = await startSandbox(options);
} catch (error) {
  console.error(`sandbox: ${error.message}`);
  process.exit(1);
}
const resolved = sandbox.sandbox.options;
console.log(`Communecter sandbox listening on ${sandbox.url} (ready in ${Date.now() - started} ms)`);
console.log(`seed "${resolved.seed}", size ${resolved.size}, now ${resolved.now.toISOString()}, cors "${resolved.cors}", hostile ${resolved.hostile}, latency ${resolved.latency} ms`);
for (const [collection, count] of Object.entries(sandbox.data.counts)) console.log(`  ${collection.padEnd(14)} ${String(count).padStart(7)}`);
console.log(`Try: curl -s -X POST ${sandbox.url}/co2/search/globalautocomplete -d 'searchType[]=events&indexStep=2&count=true&countType[]=events'`);
