import Link from 'next/link';
import type { ReactNode } from 'react';
import { LocalTime } from '@/components/time/local-time';
import type { ReplyView } from '@/db/queries/replies';
import { attachmentInWords, matchInWords, replyHeadline } from '@/lib/replies/words';

/**
 * One email that came back: who wrote and how long after the letter, the
 * reply's own words (the quoted history trimmed), attachments by name only,
 * and the email as sent in a sandboxed frame, loaded only when opened.
 * Everything is text React escapes; the HTML never enters this page.
 */
export function ReplyCard({ reply, actions, context }: { reply: ReplyView; actions?: ReactNode; context?: ReactNode }) {
  const weak = matchInWords(reply.match);
  const automatic = reply.kind !== 'reply';
  return (
    <article aria-label={replyHeadline(reply)} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <p className="font-medium text-stone-900">{replyHeadline(reply)}</p>
      <p className="text-sm text-stone-600">
        <LocalTime iso={reply.receivedAt.toISOString()} /> · {reply.subject || '(no subject)'}
        {reply.fromName && <> · {reply.fromEmail}</>}
      </p>
      {context}
      {reply.fromSomeoneNew && <p className="mt-1 text-sm text-amber-800">From someone new: the letter was not to them.</p>}
      {weak && <p className="mt-1 text-sm text-stone-600">{weak}</p>}
      {!automatic &&
        (reply.text ? (
          <blockquote className="mt-3 max-h-72 overflow-y-auto whitespace-pre-wrap wrap-anywhere border-l-4 border-stone-200 pl-3 text-sm text-stone-900">
            {reply.text}
          </blockquote>
        ) : (
          <p className="mt-3 text-sm text-stone-600">The reply has no plain-text words; open it as sent below.</p>
        ))}
      {reply.attachments.length > 0 && (
        <p className="mt-2 text-sm text-stone-600">
          Attachments, listed but not kept: {reply.attachments.map(attachmentInWords).join(', ')}
        </p>
      )}
      {reply.hasHtml && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-stone-800">The reply as sent</summary>
          {/* sandbox="": no scripts, forms or navigation; the response's own policy blocks remote images. */}
          <iframe
            title={`The reply from ${reply.fromName ?? reply.fromEmail} as sent`}
            sandbox=""
            loading="lazy"
            src={`/api/replies/${reply.id}/html`}
            className="mt-2 h-96 w-full rounded-lg border border-stone-200 bg-white"
          />
        </details>
      )}
      {actions && <div className="mt-3">{actions}</div>}
    </article>
  );
}

/** Where a reply belongs: the application, and the letter it answers. */
export function ReplyContext({ reply }: { reply: ReplyView }) {
  return (
    <p className="text-sm text-stone-600">
      {reply.applicationId && (
        <Link href={`/applications/${reply.applicationId}`} className="underline">
          {reply.position} at {reply.company}
        </Link>
      )}
      {reply.letterId && (
        <>
          {reply.applicationId && ' · '}
          <Link href={`/letters/${reply.letterId}`} className="underline">
            the letter “{reply.letterSubject}”
          </Link>
        </>
      )}
    </p>
  );
}
