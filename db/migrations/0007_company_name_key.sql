DROP INDEX "companies_user_name_idx";--> statement-breakpoint
-- Written by hand: companies the new key names alike (such as "ΟΔΟΣ" and
-- "Οδος", or "Café" typed composed and decomposed, which lower(name) kept
-- apart) become one before the unique index is built, or it could not be.
-- The oldest keeps its name and takes a website it lacked; the applications
-- and contacts of the others move to it. Migrations run in one transaction,
-- which the list of merges lasts for.
CREATE TEMPORARY TABLE company_merges ON COMMIT DROP AS
SELECT id, keep FROM (
  SELECT id, first_value(id) OVER (
    PARTITION BY user_id, replace(lower(upper(normalize(name, NFC))), 'ß', 'ss') ORDER BY created_at, id
  ) AS keep
  FROM companies
) ranked
WHERE id <> keep;--> statement-breakpoint
UPDATE applications SET company_id = m.keep FROM company_merges m WHERE applications.company_id = m.id;--> statement-breakpoint
UPDATE contacts SET company_id = m.keep FROM company_merges m WHERE contacts.company_id = m.id;--> statement-breakpoint
UPDATE companies SET website = (
  SELECT other.website FROM company_merges m JOIN companies other ON other.id = m.id
  WHERE m.keep = companies.id AND other.website IS NOT NULL
  ORDER BY other.created_at, other.id LIMIT 1
)
WHERE companies.website IS NULL AND companies.id IN (SELECT keep FROM company_merges);--> statement-breakpoint
DELETE FROM companies USING company_merges m WHERE companies.id = m.id;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_user_name_idx" ON "companies" USING btree ("user_id",replace(lower(upper(normalize("name", NFC))), 'ß', 'ss'));
