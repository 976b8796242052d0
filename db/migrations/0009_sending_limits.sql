CREATE TABLE "sending_ledger" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sending_ledger_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"recipients" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sending_pauses" (
	"quota" text PRIMARY KEY NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "payload" jsonb;--> statement-breakpoint
CREATE INDEX "sending_ledger_user_created_idx" ON "sending_ledger" USING btree ("user_id","created_at");--> statement-breakpoint
-- The last day's letters, so the daily cap does not start afresh when this migration runs.
INSERT INTO "sending_ledger" ("user_id", "recipients", "created_at")
SELECT "user_id", count(*)::int, min("created_at") FROM "letter_recipients"
WHERE "created_at" > now() - interval '1 day'
GROUP BY "user_id", "letter_id";
