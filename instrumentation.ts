/**
 * Runs once when the server starts. The Node-only work lives in its own
 * module so the Edge bundle never sees it.
 */
export async function register() {
  // next build may load this module too; only a running server migrates.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./server/start');
    await startServer('web');
  }
}
