-- The trigram operator class the search indexes below use (pg_trgm: a contrib module of Postgres,
-- loaded into PGlite by db/open.ts). Trusted since Postgres 13, so the app's own role may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "companies_name_trgm_idx" ON "companies" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_email_trgm_idx" ON "contacts" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_title_trgm_idx" ON "contacts" USING gin ("title" gin_trgm_ops);