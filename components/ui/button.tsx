import Link from 'next/link';
import type { ComponentProps } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost';

/**
 * The button classes are global CSS (`.btn`, `.btn-primary`, …), not utilities:
 * a page like the dashboard has sixty buttons, and twenty utilities on each
 * were a tenth of its HTML and again of React's payload.
 */
export function buttonClass(variant: ButtonVariant = 'primary', extra = '') {
  return extra ? `btn btn-${variant} ${extra}` : `btn btn-${variant}`;
}

export function Button({ variant = 'primary', className = '', ...props }: ComponentProps<'button'> & { variant?: ButtonVariant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}

export function ButtonLink({ variant = 'primary', className = '', ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
