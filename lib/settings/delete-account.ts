/**
 * Deleting an account is confirmed by typing its address: the same address
 * whatever the case or the spaces around it, and nothing looser.
 */
export function confirmsAccount(typed: string, accountEmail: string): boolean {
  return typed.trim().toLowerCase() === accountEmail.trim().toLowerCase();
}

/** Where the person lands once their account is gone: the sign-in page, saying so. */
export const ACCOUNT_DELETED_PATH = '/sign-in?account=deleted';
