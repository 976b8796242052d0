// Stands in for `server-only` under Vitest, where there is no React server bundle to guard.
export {};
