import { z } from 'zod';

/**
 * Every environment variable Afterword reads, validated once. A missing or
 * malformed value stops start-up with a message naming the variable, instead
 * of failing later inside a request.
 */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = (name: string) =>
  optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: `${name} must be an http(s) URL`,
  });

/**
 * Whether a URL may be the app's address in production: https, or plain
 * http on the machine itself (the end-to-end tests and benchmarks run the
 * production build on http://localhost, where nothing crosses a network).
 */
function servedSafely(value: string): boolean {
  const { protocol, hostname } = new URL(value);
  return protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'DATABASE_URL must start with postgres:// or postgresql://',
    }),
    DATA_DIR: z.string().trim().min(1).default('.data'),
    APP_URL: url('APP_URL'),
    AUTH_URL: url('AUTH_URL'),
    AUTH_SECRET: optional.refine((v) => v === undefined || v.length >= 32, {
      message: 'AUTH_SECRET must be at least 32 characters (openssl rand -base64 33)',
    }),
    RESEND_API_KEY: optional.refine((v) => v === undefined || v.startsWith('re_'), {
      message: 'RESEND_API_KEY must start with re_',
    }),
    RESEND_BASE_URL: url('RESEND_BASE_URL'),
    /**
     * Verifies Resend's webhooks (the endpoint's `whsec_…` signing secret).
     * Optional, even in production, so a deployment whose endpoint is not set
     * up yet still starts and sends; letters then simply stay at "sent".
     * Without it /api/webhooks/resend answers 503, which Resend retries for
     * about a day (then it may disable the endpoint), so setting it soon after
     * loses no outcome.
     */
    RESEND_WEBHOOK_SECRET: optional.refine((v) => v === undefined || /^whsec_(?:[A-Za-z0-9+/]{4}){4,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v), {
      message: 'RESEND_WEBHOOK_SECRET must be the whsec_… signing secret Resend shows for the webhook endpoint',
    }),
    MAIL_FROM: optional.refine((v) => v === undefined || /^[^\r\n<>]+@[^\s\r\n<>]+$/.test(v), {
      message: 'MAIL_FROM must be a bare address such as letters@example.com',
    }),
    /**
     * A receiving domain on Resend (the team's `<id>.resend.app`, or a domain
     * with Resend's MX record). When set, every letter also names a signed
     * `reply+<token>@` address there as Reply-To, and replies come back
     * through the `email.received` webhook. Unset: letters are as before.
     */
    INBOUND_DOMAIN: optional.refine((v) => v === undefined || /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(v), {
      message: 'INBOUND_DOMAIN must be a domain such as abc123.resend.app or replies.example.com',
    }),
    /**
     * The operator's switch: 1 holds every letter in the queue (none is lost
     * or failed), 0 or unset lets them go. Read at start, so restart after
     * changing it. Sign-in mail is not held.
     */
    SENDING_PAUSED: optional.pipe(z.enum(['0', '1'], { error: 'SENDING_PAUSED must be 1 (hold every letter) or 0 (send)' }).optional()),
    /**
     * 0: this `npm start` process serves pages only, and the queue runs in
     * `npm run worker` processes. Unset or 1: it runs the queue as well, so
     * one machine needs one command.
     */
    RUN_WORKER: optional.pipe(z.enum(['0', '1'], { error: 'RUN_WORKER must be 0 (pages only) or 1 (pages and the queue)' }).optional()),
    AUTH_GITHUB_ID: optional,
    AUTH_GITHUB_SECRET: optional,
    AUTH_GOOGLE_ID: optional,
    AUTH_GOOGLE_SECRET: optional,
  })
  .superRefine((env, ctx) => {
    if (env.RESEND_API_KEY && !env.MAIL_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'MAIL_FROM is required with RESEND_API_KEY: an address on your verified Resend domain',
      });
    }
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'AUTH_SECRET is required in production (generate one with: openssl rand -base64 33)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.APP_URL && !env.AUTH_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['APP_URL'],
        message:
          'APP_URL is required in production: the public https:// address of the app, which sign-in links, redirects and Secure cookies are built from',
      });
    }
    for (const name of ['APP_URL', 'AUTH_URL'] as const) {
      const value = env[name];
      if (env.NODE_ENV === 'production' && value && URL.canParse(value) && !servedSafely(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `${name} must be an https:// URL in production, so sign-in links and session cookies never travel in clear (http:// is accepted only for localhost)`,
        });
      }
    }
    if (env.NODE_ENV === 'production' && !env.RESEND_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['RESEND_API_KEY'],
        message:
          'RESEND_API_KEY is required in production: the local outbox shows every mail to anyone who can reach the app',
      });
    }
  });

export type Env = z.infer<typeof schema> & { appUrl: string; mailMode: 'resend' | 'outbox'; sendingPaused: boolean };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const env = result.data;
  const appUrl = (env.APP_URL ?? env.AUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  return { ...env, appUrl, mailMode: env.RESEND_API_KEY ? 'resend' : 'outbox', sendingPaused: env.SENDING_PAUSED === '1' };
}

const cache = globalThis as unknown as { __afterwordEnv?: Env };

/** The validated environment, parsed on first use. */
export function env(): Env {
  cache.__afterwordEnv ??= parseEnv(process.env);
  return cache.__afterwordEnv;
}

/** Tests change the environment between cases; this makes the next env() re-read it. */
export function resetEnv() {
  cache.__afterwordEnv = undefined;
}
