import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/env';

// Here, with the use cases, not in Auth: sessions are one use of the secret,
// and signed reply addresses and digest links are others. Auth calls down to it.

const holder = globalThis as unknown as { __afterwordAuthSecret?: string };

/**
 * AUTH_SECRET when set. In development without one, a secret is generated once
 * and kept in the data folder, so sessions survive restarts with zero setup.
 * Production refuses to start without one.
 */
export function authSecret(): string {
  const { AUTH_SECRET, DATA_DIR, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === 'production') throw new Error('AUTH_SECRET is required in production');
  if (holder.__afterwordAuthSecret) return holder.__afterwordAuthSecret;

  const file = path.join(DATA_DIR, 'auth-secret');
  fs.mkdirSync(DATA_DIR, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(33).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  holder.__afterwordAuthSecret = fs.readFileSync(file, 'utf8').trim();
  return holder.__afterwordAuthSecret;
}

/**
 * A key of its own for each use of the secret (HKDF-SHA256), so a token
 * signed for one purpose is worth nothing for another.
 */
export function derivedKey(purpose: string): Uint8Array {
  return new Uint8Array(crypto.hkdfSync('sha256', authSecret(), 'afterword', purpose, 32));
}
