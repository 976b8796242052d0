CREATE TYPE "public"."letter_kind" AS ENUM('interview_thanks', 'rejection_thanks', 'follow_up');--> statement-breakpoint
CREATE TYPE "public"."letter_recipient_role" AS ENUM('to', 'cc');--> statement-breakpoint
CREATE TYPE "public"."letter_status" AS ENUM('queued', 'sent', 'delivery_delayed', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'failed', 'suppressed', 'needs_decision');--> statement-breakpoint
CREATE TABLE "flagged_addresses" (
	"user_id" text NOT NULL,
	"email" text NOT NULL,
	"reason" "letter_status" NOT NULL,
	"letter_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "flagged_addresses_user_id_email_pk" PRIMARY KEY("user_id","email")
);
--> statement-breakpoint
CREATE TABLE "letter_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"svix_id" text NOT NULL,
	"user_id" text,
	"letter_id" uuid,
	"type" text NOT NULL,
	"email_id" text,
	"tag_letter_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_events_svix_id_unique" UNIQUE("svix_id")
);
--> statement-breakpoint
CREATE TABLE "letter_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"letter_id" uuid NOT NULL,
	"role" "letter_recipient_role" NOT NULL,
	"contact_id" uuid,
	"name" text,
	"email" text NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" "letter_kind" NOT NULL,
	"builtin_kind" "letter_kind",
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_templates_user_id_id_unique" UNIQUE("user_id","id")
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" "letter_kind" NOT NULL,
	"template_id" uuid,
	"template_name" text NOT NULL,
	"application_id" uuid,
	"interview_id" uuid,
	"group_id" uuid NOT NULL,
	"separate" boolean DEFAULT false NOT NULL,
	"is_test" boolean DEFAULT false NOT NULL,
	"from_name" text NOT NULL,
	"reply_to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" "letter_status" DEFAULT 'queued' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_locally" boolean DEFAULT false NOT NULL,
	"resend_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letters_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "letters_resend_id_unique" UNIQUE("resend_id"),
	CONSTRAINT "letters_user_id_id_unique" UNIQUE("user_id","id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "daily_recipient_cap" integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE "flagged_addresses" ADD CONSTRAINT "flagged_addresses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_events" ADD CONSTRAINT "letter_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_events" ADD CONSTRAINT "letter_events_user_id_letter_id_letters_user_id_id_fk" FOREIGN KEY ("user_id","letter_id") REFERENCES "public"."letters"("user_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_recipients" ADD CONSTRAINT "letter_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_recipients" ADD CONSTRAINT "letter_recipients_user_id_letter_id_letters_user_id_id_fk" FOREIGN KEY ("user_id","letter_id") REFERENCES "public"."letters"("user_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_templates" ADD CONSTRAINT "letter_templates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_user_id_application_id_applications_user_id_id_fk" FOREIGN KEY ("user_id","application_id") REFERENCES "public"."applications"("user_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_user_id_interview_id_interviews_user_id_id_fk" FOREIGN KEY ("user_id","interview_id") REFERENCES "public"."interviews"("user_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_events_letter_idx" ON "letter_events" USING btree ("letter_id","occurred_at");--> statement-breakpoint
CREATE INDEX "letter_events_unmatched_email_idx" ON "letter_events" USING btree ("email_id") WHERE "letter_events"."letter_id" is null;--> statement-breakpoint
CREATE INDEX "letter_events_unmatched_tag_idx" ON "letter_events" USING btree ("tag_letter_id") WHERE "letter_events"."letter_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "letter_recipients_dedupe_unique" ON "letter_recipients" USING btree ("user_id","dedupe_key") WHERE "letter_recipients"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "letter_recipients_letter_idx" ON "letter_recipients" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "letter_recipients_user_created_idx" ON "letter_recipients" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "letter_recipients_contact_idx" ON "letter_recipients" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_templates_builtin_unique" ON "letter_templates" USING btree ("user_id","builtin_kind") WHERE "letter_templates"."builtin_kind" is not null;--> statement-breakpoint
CREATE INDEX "letter_templates_user_kind_idx" ON "letter_templates" USING btree ("user_id","kind");--> statement-breakpoint
CREATE INDEX "letters_user_created_idx" ON "letters" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "letters_user_status_idx" ON "letters" USING btree ("user_id","status","created_at");--> statement-breakpoint
CREATE INDEX "letters_application_idx" ON "letters" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "letters_interview_idx" ON "letters" USING btree ("interview_id");--> statement-breakpoint
CREATE INDEX "letters_group_idx" ON "letters" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "letters_due_idx" ON "letters" USING btree ("next_attempt_at") WHERE "letters"."status" = 'queued';