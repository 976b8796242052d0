CREATE TABLE "dashboard_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dashboard_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_snapshots" (
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"data" "bytea" NOT NULL,
	"last_change_id" bigint NOT NULL,
	"changes" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dashboard_snapshots_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
ALTER TABLE "dashboard_snapshots" ADD CONSTRAINT "dashboard_snapshots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_changes_user_idx" ON "dashboard_changes" USING btree ("user_id","id");--> statement-breakpoint
-- Written by hand: every statement that writes a person's rows in a table the
-- dashboard reads logs one change for each person it touched, so a snapshot
-- (db/queries/dashboard-snapshot.ts) can tell it is out of date whatever code
-- path wrote. Statement-level, with the statement's rows as `changed`: a bulk
-- import logs one change, not one per row. Rows a person's own deletion
-- cascades to are not logged: that person is already gone.
CREATE FUNCTION note_dashboard_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_changes (user_id)
  SELECT DISTINCT changed.user_id FROM changed
  WHERE changed.user_id IS NOT NULL AND EXISTS (SELECT 1 FROM users WHERE users.id = changed.user_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The person's own row (name, signature, reply-to) goes into their letters' readiness.
CREATE FUNCTION note_dashboard_change_of_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_changes (user_id) SELECT DISTINCT changed.id FROM changed;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_updated_dashboard_change AFTER UPDATE ON users
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change_of_person();
--> statement-breakpoint
-- Postgres lets a trigger with a transition table fire on one kind of statement
-- only: three per table. (letter_events are left out: the dashboard reads the
-- letters' statuses they update, never the events themselves.)
DO $$
DECLARE
  dashboard_table text;
BEGIN
  FOREACH dashboard_table IN ARRAY ARRAY[
    'companies', 'applications', 'stage_changes', 'contacts', 'application_contacts', 'interviews',
    'interview_attendees', 'activities', 'letter_templates', 'letters', 'letter_recipients',
    'flagged_addresses', 'dashboard_dismissals'
  ] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change()', dashboard_table || '_inserted_dashboard_change', dashboard_table);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change()', dashboard_table || '_updated_dashboard_change', dashboard_table);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed
      FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change()', dashboard_table || '_deleted_dashboard_change', dashboard_table);
  END LOOP;
END $$;
