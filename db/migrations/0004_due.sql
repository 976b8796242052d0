CREATE TYPE "public"."due_kind" AS ENUM('interview_thanks', 'rejection_thanks', 'follow_up', 'letter', 'quiet_application');--> statement-breakpoint
CREATE TABLE "dashboard_dismissals" (
	"user_id" text NOT NULL,
	"kind" "due_kind" NOT NULL,
	"subject_id" uuid NOT NULL,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dashboard_dismissals_user_id_kind_subject_id_pk" PRIMARY KEY("user_id","kind","subject_id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "follow_up_weeks" integer;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "replied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dashboard_dismissals" ADD CONSTRAINT "dashboard_dismissals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_user_stage_changed_idx" ON "applications" USING btree ("user_id","archived","stage","stage_changed_at");--> statement-breakpoint
CREATE INDEX "applications_user_in_play_activity_idx" ON "applications" USING btree ("user_id","last_activity_at") WHERE not "applications"."archived" and "applications"."stage" in ('applied', 'interviewing', 'offer');--> statement-breakpoint
CREATE INDEX "contacts_user_follow_up_idx" ON "contacts" USING btree ("user_id","follow_up_weeks") WHERE "contacts"."follow_up_weeks" is not null;--> statement-breakpoint
CREATE INDEX "letters_user_attention_idx" ON "letters" USING btree ("user_id","status_changed_at") WHERE "letters"."status" in ('bounced', 'complained', 'failed', 'suppressed', 'needs_decision') and not "letters"."is_test";