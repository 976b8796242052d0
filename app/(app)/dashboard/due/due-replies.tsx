import { ReplyCard, ReplyContext } from '@/components/replies/reply-card';
import type { ReplyView } from '@/db/queries/replies';
import { ReplyButtons } from '@/app/(app)/replies/reply-buttons';
import { DueListHeading } from './due-list-heading';

/**
 * "Replies": what came back and has not been acted on, at the top of What is
 * due, each with the step its words suggest. Only real replies: automatic
 * ones are on their letter's page, never here.
 */
export function RepliesList({ replies, receiving }: { replies: ReplyView[]; receiving: boolean }) {
  // Without a receiving domain no reply can come back: an empty list would only promise one.
  if (!receiving && replies.length === 0) return null;
  return (
    <section aria-labelledby="due-replies" className="due-list lg:col-span-2">
      <DueListHeading id="due-replies" title="Replies" count={replies.length} rows={replies.map((r) => r.id)} />
      <p>Answers to your letters. One click takes the suggested step; nothing changes until you choose.</p>
      {replies.length > 0 ? (
        <ul>
          {replies.map((reply) => (
            <li key={reply.id}>
              <ReplyCard reply={reply} context={<ReplyContext reply={reply} />} actions={<ReplyButtons reply={reply} />} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="due-empty">
          No replies waiting. When someone answers one of your letters, it shows here with a suggested next step.
        </p>
      )}
    </section>
  );
}
