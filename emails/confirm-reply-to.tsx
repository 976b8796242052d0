import { Heading, Text } from '@react-email/components';
import { EmailFooter, EmailLayout, EmailLinkButton } from './layout';

export type ConfirmReplyToEmailProps = {
  /** The confirm page on Afterword's own URL; only its button confirms. */
  url: string;
  /** The address asked to receive replies: this mail's recipient. */
  address: string;
  /** The sign-in address of the account that asked, so the recipient knows who it was. */
  account: string;
  hoursValid: number;
};

// Nothing a person types goes into this mail but the two addresses, so it cannot carry anyone's message.
export default function ConfirmReplyToEmail({ url, address, account, hoursValid }: ConfirmReplyToEmailProps) {
  return (
    <EmailLayout preview="Confirm where replies to your letters go">
      <Heading as="h1" style={{ fontSize: '22px', margin: '0 0 16px' }}>
        Confirm your reply-to address
      </Heading>
      <Text style={{ fontSize: '15px', lineHeight: '24px' }}>
        The Afterword account {account} asked for replies to its letters to go to {address}. Open the link below,
        signed in as {account}, then press “Confirm” on the page it opens.
      </Text>
      <EmailLinkButton url={url}>Open Afterword to confirm</EmailLinkButton>
      <EmailFooter>
        The link works once and expires in {hoursValid} hours. If you did not ask for it, ignore this email: replies
        will not come here unless the link is used.
      </EmailFooter>
    </EmailLayout>
  );
}

ConfirmReplyToEmail.PreviewProps = {
  url: 'http://localhost:3000/settings/reply-to?token=example',
  address: 'ada@home.example',
  account: 'ada@example.com',
  hoursValid: 24,
} satisfies ConfirmReplyToEmailProps;
