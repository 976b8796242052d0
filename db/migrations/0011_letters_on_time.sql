CREATE TYPE "public"."follow_up_mode" AS ENUM('ask', 'automatic', 'off');--> statement-breakpoint
CREATE TYPE "public"."follow_up_plan" AS ENUM('after_applying', 'after_thanks', 'after_rejection');--> statement-breakpoint
ALTER TYPE "public"."activity_kind" ADD VALUE 'letter_cancelled';--> statement-breakpoint
ALTER TYPE "public"."due_kind" ADD VALUE 'impression';--> statement-breakpoint
ALTER TYPE "public"."due_kind" ADD VALUE 'plan_follow_up';--> statement-breakpoint
ALTER TYPE "public"."letter_kind" ADD VALUE 'feedback_request';--> statement-breakpoint
ALTER TYPE "public"."letter_status" ADD VALUE 'scheduled' BEFORE 'queued';--> statement-breakpoint
ALTER TYPE "public"."letter_status" ADD VALUE 'cancelled';--> statement-breakpoint
CREATE TABLE "digest_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"target" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digest_sends" (
	"user_id" text NOT NULL,
	"day" date NOT NULL,
	"items" integer NOT NULL,
	"handed_over_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_sends_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
CREATE TABLE "follow_up_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"application_id" uuid,
	"plan" "follow_up_plan" NOT NULL,
	"mode" "follow_up_mode" NOT NULL,
	"first_wait_days" integer NOT NULL,
	"repeat_every_days" integer NOT NULL,
	"max_letters" integer NOT NULL,
	"stopped_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "letters_due_idx";--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "scheduled_for" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "automatic" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "plan" "follow_up_plan";--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "plan_step" integer;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "headers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "undo_seconds" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_minute" integer DEFAULT 480 NOT NULL;--> statement-breakpoint
ALTER TABLE "digest_links" ADD CONSTRAINT "digest_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_sends" ADD CONSTRAINT "digest_sends_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_plans" ADD CONSTRAINT "follow_up_plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_plans" ADD CONSTRAINT "follow_up_plans_user_id_application_id_applications_user_id_id_fk" FOREIGN KEY ("user_id","application_id") REFERENCES "public"."applications"("user_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "digest_links_user_idx" ON "digest_links" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "digest_links_expires_idx" ON "digest_links" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "digest_sends_waiting_idx" ON "digest_sends" USING btree ("created_at") WHERE "digest_sends"."handed_over_at" is null and "digest_sends"."items" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_plans_default_unique" ON "follow_up_plans" USING btree ("user_id","plan") WHERE "follow_up_plans"."application_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_plans_application_unique" ON "follow_up_plans" USING btree ("user_id","application_id","plan") WHERE "follow_up_plans"."application_id" is not null;--> statement-breakpoint
CREATE INDEX "letters_user_scheduled_idx" ON "letters" USING btree ("user_id","next_attempt_at") WHERE "letters"."status" < 'queued';--> statement-breakpoint
CREATE INDEX "letters_application_plan_idx" ON "letters" USING btree ("application_id","plan","plan_step") WHERE "letters"."plan" is not null;--> statement-breakpoint
CREATE INDEX "letters_due_idx" ON "letters" USING btree ("next_attempt_at") WHERE "letters"."status" <= 'queued';--> statement-breakpoint
-- Follow-up plans decide what the dashboard lists as due: their writes start a new snapshot, as every other table's do (0006).
CREATE TRIGGER follow_up_plans_inserted_dashboard_change AFTER INSERT ON follow_up_plans
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();--> statement-breakpoint
CREATE TRIGGER follow_up_plans_updated_dashboard_change AFTER UPDATE ON follow_up_plans
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();--> statement-breakpoint
CREATE TRIGGER follow_up_plans_deleted_dashboard_change AFTER DELETE ON follow_up_plans
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
