CREATE TYPE "public"."received_outcome" AS ENUM('recorded', 'unmatched', 'gave_up');--> statement-breakpoint
CREATE TYPE "public"."reply_kind" AS ENUM('reply', 'auto_reply', 'self');--> statement-breakpoint
CREATE TYPE "public"."reply_match" AS ENUM('token', 'thread', 'sender');--> statement-breakpoint
CREATE TYPE "public"."reply_next_step" AS ENUM('log_interview', 'move_to_rejected', 'mark_read');--> statement-breakpoint
ALTER TYPE "public"."activity_kind" ADD VALUE 'reply_received';--> statement-breakpoint
CREATE TABLE "received_emails" (
	"email_id" text PRIMARY KEY NOT NULL,
	"event" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"outcome" "received_outcome",
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"email_id" text NOT NULL,
	"letter_id" uuid,
	"application_id" uuid,
	"contact_id" uuid,
	"kind" "reply_kind" NOT NULL,
	"match" "reply_match" NOT NULL,
	"from_someone_new" boolean DEFAULT false NOT NULL,
	"from_name" text,
	"from_email" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_step" "reply_next_step" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "replies_email_id_unique" UNIQUE("email_id")
);
--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "replies" ADD CONSTRAINT "replies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replies" ADD CONSTRAINT "replies_user_id_letter_id_letters_user_id_id_fk" FOREIGN KEY ("user_id","letter_id") REFERENCES "public"."letters"("user_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "received_emails_waiting_idx" ON "received_emails" USING btree ("next_attempt_at") WHERE "received_emails"."settled_at" is null;--> statement-breakpoint
CREATE INDEX "replies_user_waiting_idx" ON "replies" USING btree ("user_id","received_at") WHERE "replies"."handled_at" is null and "replies"."kind" = 'reply';--> statement-breakpoint
CREATE INDEX "replies_letter_idx" ON "replies" USING btree ("letter_id","received_at");--> statement-breakpoint
CREATE INDEX "replies_application_idx" ON "replies" USING btree ("application_id","received_at");--> statement-breakpoint
CREATE INDEX "replies_user_received_idx" ON "replies" USING btree ("user_id","received_at");--> statement-breakpoint
CREATE INDEX "replies_contact_idx" ON "replies" USING btree ("user_id","contact_id");--> statement-breakpoint
CREATE INDEX "letter_recipients_email_idx" ON "letter_recipients" USING btree ("email","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_message_id_unique" ON "letters" USING btree ("message_id") WHERE "letters"."message_id" is not null;--> statement-breakpoint
-- A deleted contact or application leaves its replies in place with only that column
-- cleared, as a deleted application's sent letters are kept detached: the column list
-- keeps user_id (drizzle cannot say it, so these keys are written here).
ALTER TABLE "replies" ADD CONSTRAINT "replies_user_id_application_id_applications_user_id_id_fk" FOREIGN KEY ("user_id","application_id") REFERENCES "public"."applications"("user_id","id") ON DELETE SET NULL ("application_id") ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replies" ADD CONSTRAINT "replies_user_id_contact_id_contacts_user_id_id_fk" FOREIGN KEY ("user_id","contact_id") REFERENCES "public"."contacts"("user_id","id") ON DELETE SET NULL ("contact_id") ON UPDATE no action;--> statement-breakpoint
-- Replies lead the dashboard and count in its outcomes: their writes start a new snapshot (0006).
CREATE TRIGGER replies_inserted_dashboard_change AFTER INSERT ON replies
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();--> statement-breakpoint
CREATE TRIGGER replies_updated_dashboard_change AFTER UPDATE ON replies
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();--> statement-breakpoint
CREATE TRIGGER replies_deleted_dashboard_change AFTER DELETE ON replies
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
--> statement-breakpoint
-- Outcomes' reply rates check each letter's id against the person's replies: 0005's
-- covering index gains the id, so the figures are still read from the index alone.
DROP INDEX "letters_user_created_idx";--> statement-breakpoint
CREATE INDEX "letters_user_created_idx" ON "letters" USING btree ("user_id","created_at") INCLUDE ("is_test","status","kind","template_name","delivered_locally","interview_id","id");--> statement-breakpoint
-- The person's real replies by letter, for the same figures (drizzle cannot say INCLUDE).
CREATE INDEX "replies_user_letter_replied_idx" ON "replies" USING btree ("user_id","letter_id") INCLUDE ("received_at") WHERE "replies"."kind" = 'reply';
