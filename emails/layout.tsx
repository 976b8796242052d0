import { Body, Button, Container, Head, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

/** The frame every Afterword email shares: plain, readable, and light on markup. */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section>{children}</Section>
        </Container>
      </Body>
    </Html>
  );
}

export function EmailFooter({ children }: { children: ReactNode }) {
  return <Text style={footer}>{children}</Text>;
}

const body = {
  backgroundColor: '#f6f5f2',
  fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  color: '#1c1917',
};
const container = {
  backgroundColor: '#ffffff',
  margin: '32px auto',
  padding: '32px',
  maxWidth: '560px',
  borderRadius: '8px',
};
const footer = { color: '#78716c', fontSize: '13px', lineHeight: '20px', marginTop: '24px' };

/** The one thing to press in a mail that carries a link, and the link itself for clients that show no buttons. */
export function EmailLinkButton({
  url,
  children,
  showAddress = true,
}: {
  url: string;
  children: ReactNode;
  /** False where a mail has many buttons: the plain-text part still carries each link. */
  showAddress?: boolean;
}) {
  return (
    <>
      <Button
        href={url}
        style={{
          backgroundColor: '#1c1917',
          color: '#ffffff',
          padding: '12px 20px',
          borderRadius: '6px',
          fontSize: '15px',
        }}
      >
        {children}
      </Button>
      {showAddress ? (
        <Text style={{ fontSize: '13px', lineHeight: '20px', color: '#57534e' }}>Or paste this address into your browser: {url}</Text>
      ) : null}
    </>
  );
}
