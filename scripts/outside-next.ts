// Stands in for the 'server-only' package outside Next (tsconfig.worker.json): the worker is server code by definition.
export {};
