import { Heading, Text } from '@react-email/components';
import { EmailFooter, EmailLayout, EmailLinkButton } from './layout';

export type SignInEmailProps = {
  /** The confirm page on Afterword's own URL, never the raw token callback. */
  url: string;
  email: string;
  minutesValid: number;
};

export default function SignInEmail({ url, email, minutesValid }: SignInEmailProps) {
  return (
    <EmailLayout preview="Your link to sign in to Afterword">
      <Heading as="h1" style={{ fontSize: '22px', margin: '0 0 16px' }}>
        Sign in to Afterword
      </Heading>
      <Text style={{ fontSize: '15px', lineHeight: '24px' }}>
        Someone, hopefully you, asked to sign in to Afterword as {email}. Open the link below, then
        press “Sign in” on the page it opens.
      </Text>
      <EmailLinkButton url={url}>Open Afterword to sign in</EmailLinkButton>
      <EmailFooter>
        The link works once and expires in {minutesValid} minutes. If you did not ask for it, ignore
        this email: nobody can sign in without it.
      </EmailFooter>
    </EmailLayout>
  );
}

SignInEmail.PreviewProps = {
  url: 'http://localhost:3000/sign-in/confirm?token=example&email=ada%40example.com',
  email: 'ada@example.com',
  minutesValid: 15,
} satisfies SignInEmailProps;
