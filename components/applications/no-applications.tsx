import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { AddAndImportLinks } from './applications-header';

/** The board's and the table's first view: what goes here, and the two ways to start. */
export function NoApplications({ children }: { children: ReactNode }) {
  return (
    <EmptyState
      title="No applications yet"
      action={
        <div className="flex flex-wrap justify-center gap-2">
          <AddAndImportLinks />
        </div>
      }
    >
      {children}
    </EmptyState>
  );
}
