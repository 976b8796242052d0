import { Body, Container, Head, Html, Preview, Text } from '@react-email/components';
import { Fragment } from 'react';

/**
 * A letter: the person's own words, in paragraphs, and nothing else. Every
 * value arrives as React text, so a company called `<script>` or a link in a
 * note is shown as text, never as markup.
 */
export function LetterEmail({ subject, paragraphs }: { subject: string; paragraphs: string[][] }) {
  return (
    <Html lang="en">
      <Head>
        <title>{subject}</title>
      </Head>
      <Preview>{paragraphs[0]?.join(' ') ?? subject}</Preview>
      <Body style={body}>
        <Container style={container}>
          {paragraphs.map((lines, i) => (
            <Text key={i} style={paragraph}>
              {lines.map((line, j) => (
                <Fragment key={j}>
                  {j > 0 && <br />}
                  {line}
                </Fragment>
              ))}
            </Text>
          ))}
        </Container>
      </Body>
    </Html>
  );
}

const body = {
  backgroundColor: '#ffffff',
  fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  color: '#1c1917',
};
const container = { margin: '0 auto', padding: '24px 16px', maxWidth: '600px' };
const paragraph = { fontSize: '15px', lineHeight: '24px', margin: '0 0 16px' };
