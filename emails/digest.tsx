import { Heading, Hr, Link, Section, Text } from '@react-email/components';
import { EmailFooter, EmailLayout, EmailLinkButton } from './layout';

export type DigestEmailLetter = {
  title: string;
  about: string | null;
  note: string | null;
  firstLines: string | null;
  problem: string | null;
  /** The Send link: it opens a page in Afterword whose button sends. */
  sendUrl: string | null;
  openUrl: string;
};

export type DigestEmailProps = {
  /** "Tuesday, March 17". */
  dayLabel: string;
  sections: { key: string; title: string; letters: DigestEmailLetter[] }[];
  questions: { title: string; about: string | null; answerUrl: string }[];
  settingsUrl: string;
  unsubscribeUrl: string;
  linkHours: number;
};

const text = { fontSize: '15px', lineHeight: '24px', margin: '0 0 8px' };
const muted = { fontSize: '13px', lineHeight: '20px', color: '#57534e', margin: '0 0 8px' };
const quote = {
  fontSize: '14px',
  lineHeight: '22px',
  whiteSpace: 'pre-line' as const,
  borderLeft: '3px solid #d6d3d1',
  padding: '4px 0 4px 12px',
  margin: '8px 0 12px',
  color: '#292524',
};

function LetterItem({ letter }: { letter: DigestEmailLetter }) {
  return (
    <Section style={{ margin: '0 0 24px' }}>
      <Text style={{ ...text, fontWeight: 600, margin: '0 0 2px' }}>{letter.title}</Text>
      {letter.about ? <Text style={{ ...muted, margin: '0 0 2px' }}>{letter.about}</Text> : null}
      {letter.note ? <Text style={muted}>{letter.note}</Text> : null}
      {letter.firstLines ? <Text style={quote}>{letter.firstLines}…</Text> : null}
      {letter.problem ? <Text style={{ ...muted, color: '#9a3412' }}>Not ready: {letter.problem}</Text> : null}
      {letter.sendUrl ? (
        <EmailLinkButton url={letter.sendUrl} showAddress={false}>
          Send
        </EmailLinkButton>
      ) : null}
      <Text style={{ ...muted, margin: '8px 0 0' }}>
        <Link href={letter.openUrl}>Open in Afterword</Link>
      </Text>
    </Section>
  );
}

// The letters' words are the person's own, already written; the rest is Afterword's.
export default function DigestEmail({ dayLabel, sections, questions, settingsUrl, unsubscribeUrl, linkHours }: DigestEmailProps) {
  const count = sections.reduce((n, s) => n + s.letters.length, 0) + questions.length;
  return (
    <EmailLayout preview={`${count} ${count === 1 ? 'thing' : 'things'} due today, already written`}>
      <Heading as="h1" style={{ fontSize: '22px', margin: '0 0 4px' }}>
        Your letters for {dayLabel}
      </Heading>
      <Text style={muted}>
        Each letter is already written. Send opens it in Afterword, where one more press sends it.
      </Text>
      {questions.length > 0 ? (
        <Section>
          <Heading as="h2" style={{ fontSize: '17px', margin: '24px 0 8px' }}>
            One question before the thank-you
          </Heading>
          {questions.map((q) => (
            <Section key={q.answerUrl} style={{ margin: '0 0 16px' }}>
              <Text style={{ ...text, fontWeight: 600, margin: '0 0 2px' }}>{q.title}</Text>
              {q.about ? <Text style={muted}>{q.about}</Text> : null}
              <EmailLinkButton url={q.answerUrl} showAddress={false}>
                Answer in a minute
              </EmailLinkButton>
            </Section>
          ))}
        </Section>
      ) : null}
      {sections.map((section) => (
        <Section key={section.key}>
          <Heading as="h2" style={{ fontSize: '17px', margin: '24px 0 8px' }}>
            {section.title}
          </Heading>
          {section.letters.map((letter) => (
            <LetterItem key={letter.openUrl} letter={letter} />
          ))}
        </Section>
      ))}
      <Hr />
      <EmailFooter>
        Send links work once, for {linkHours} hours, and only when you are signed in as yourself. You get this email
        because the morning digest is on in your <Link href={settingsUrl}>settings</Link>, where you can change its time.{' '}
        <Link href={unsubscribeUrl}>Unsubscribe from the digest</Link>.
      </EmailFooter>
    </EmailLayout>
  );
}

DigestEmail.PreviewProps = {
  dayLabel: 'Tuesday, March 17',
  sections: [
    {
      key: 'thank-yous',
      title: 'Thank-yous owed',
      letters: [
        {
          title: 'Thank-you to Grace Hopper, copy to Alan Turing',
          about: 'Acme · Staff Engineer',
          note: '14 hours left of the 24 after the interview',
          firstLines: 'Dear Grace,\nThank you for meeting me on Monday, March 16.',
          problem: null,
          sendUrl: 'http://localhost:3000/digest/send/example',
          openUrl: 'http://localhost:3000/letters/new?occasion=interview_thanks',
        },
      ],
    },
  ],
  questions: [{ title: 'What impressed you most?', about: 'Initech · Designer', answerUrl: 'http://localhost:3000/applications/a/interviews/i/impression' }],
  settingsUrl: 'http://localhost:3000/settings',
  unsubscribeUrl: 'http://localhost:3000/api/digest/unsubscribe?token=example',
  linkHours: 24,
} satisfies DigestEmailProps;
