DROP INDEX "contacts_user_follow_up_idx";--> statement-breakpoint
DROP INDEX "letter_recipients_contact_idx";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "last_letter_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "last_letter_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "follow_up_due_at" timestamp with time zone GENERATED ALWAYS AS (case when coalesce(follow_up_weeks, 6) > 0 and (replied_at is null or replied_at < last_letter_at) then ((last_letter_at at time zone 'UTC') + make_interval(weeks => coalesce(follow_up_weeks, 6))) at time zone 'UTC' end) STORED;--> statement-breakpoint
-- Each contact's last real letter that went or is on its way, as db/queries/last-letter.ts keeps it from now on.
UPDATE "contacts" SET "last_letter_at" = "last"."created_at", "last_letter_id" = "last"."letter_id"
FROM (
	SELECT DISTINCT ON ("lr"."user_id", "lr"."contact_id") "lr"."user_id", "lr"."contact_id", "lr"."created_at", "lr"."letter_id"
	FROM "letter_recipients" "lr"
	JOIN "letters" "l" ON "l"."user_id" = "lr"."user_id" AND "l"."id" = "lr"."letter_id"
	WHERE "lr"."contact_id" IS NOT NULL AND NOT "l"."is_test"
		AND "l"."status" NOT IN ('bounced', 'complained', 'failed', 'suppressed', 'needs_decision')
	ORDER BY "lr"."user_id", "lr"."contact_id", "lr"."created_at" DESC, "lr"."id" DESC
) "last"
WHERE "contacts"."user_id" = "last"."user_id" AND "contacts"."id" = "last"."contact_id";--> statement-breakpoint
CREATE INDEX "activities_user_interview_idx" ON "activities" USING btree ("user_id","interview_id");--> statement-breakpoint
CREATE INDEX "applications_user_created_idx" ON "applications" USING btree ("user_id","created_at") INCLUDE ("applied_on");--> statement-breakpoint
CREATE INDEX "contacts_user_company_idx" ON "contacts" USING btree ("user_id","company_id");--> statement-breakpoint
CREATE INDEX "contacts_user_follow_up_due_idx" ON "contacts" USING btree ("user_id","follow_up_due_at") WHERE "contacts"."follow_up_due_at" is not null;--> statement-breakpoint
CREATE INDEX "interviews_user_application_idx" ON "interviews" USING btree ("user_id","application_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "stage_changes_user_application_idx" ON "stage_changes" USING btree ("user_id","application_id") INCLUDE ("to_stage","changed_at");--> statement-breakpoint
CREATE INDEX "letter_events_unmatched_created_idx" ON "letter_events" USING btree ("created_at") WHERE "letter_events"."letter_id" is null;--> statement-breakpoint
CREATE INDEX "letter_recipients_contact_idx" ON "letter_recipients" USING btree ("user_id","contact_id","created_at");--> statement-breakpoint
-- Covering versions of two letters indexes (drizzle cannot say INCLUDE): Outcomes then reads
-- status, kind and test flag from the index instead of visiting every letter in the period.
DROP INDEX "letters_user_created_idx";--> statement-breakpoint
CREATE INDEX "letters_user_created_idx" ON "letters" USING btree ("user_id","created_at") INCLUDE ("is_test","status","kind","template_name","delivered_locally","interview_id");--> statement-breakpoint
DROP INDEX "letters_application_idx";--> statement-breakpoint
CREATE INDEX "letters_application_idx" ON "letters" USING btree ("application_id","created_at") INCLUDE ("kind","is_test","status");
