'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const links = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/applications', label: 'Applications' },
  { href: '/contacts', label: 'Contacts' },
  { href: '/letters', label: 'Letters' },
  { href: '/templates', label: 'Templates' },
  { href: '/settings', label: 'Settings' },
];

export function NavLinks({ extra = [] }: { extra?: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {[...links, ...extra].map(({ href, label }) => {
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? 'page' : undefined}
              className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${
                current ? 'bg-stone-900 text-white' : 'text-stone-700 hover:bg-stone-200'
              }`}
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
