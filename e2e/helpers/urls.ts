// Shared by playwright.config.ts and the specs; scripts/e2e.ts may move the ports.
export const appUrl = `http://localhost:${Number(process.env.E2E_APP_PORT ?? 3100)}`;
export const mailServerUrl = `http://127.0.0.1:${Number(process.env.E2E_MAIL_PORT ?? 3101)}`;
