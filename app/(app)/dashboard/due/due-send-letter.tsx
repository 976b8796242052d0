'use client';

import { cancelLetterAction, sendLetterAction } from '@/app/(app)/letters/actions';
import { composeHref } from '@/components/letters/recipients-in-words';
import { SendLetter, type SendLetterProps } from '@/components/letters/send-letter';

/**
 * A row's one-click send. The actions are imported here rather than handed
 * down with every row: React waits for a server action passed as a prop
 * while it streams, which sent each row's form as a fragment of its own.
 * The compose link is built here from the row's occasion too.
 */
export type DueSendLetterProps = Omit<SendLetterProps, 'action' | 'cancelAction' | 'composeHref'>;

export function DueSendLetter(props: DueSendLetterProps) {
  return <SendLetter {...props} action={sendLetterAction} cancelAction={cancelLetterAction} composeHref={composeHref(props)} />;
}
