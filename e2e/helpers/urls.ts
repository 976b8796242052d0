// Shared by playwright.config.ts and the specs; scripts/e2e.ts may move the ports.
export const appUrl = `http://localhost:${Number(process.env.E2E_APP_PORT ?? 3100)}`;
export const mailServerUrl = `http://127.0.0.1:${Number(process.env.E2E_MAIL_PORT ?? 3101)}`;

/** The app's RESEND_WEBHOOK_SECRET in e2e runs, so specs can sign webhooks as Resend would. */
export const webhookSecret = `whsec_${Buffer.from('afterword-e2e-webhook-secret-0123').toString('base64')}`;

/** The app's INBOUND_DOMAIN in e2e runs: letters name a signed reply address there. */
export const inboundDomain = 'replies.afterword.test';
