-- Keeps company_name_words complete: every word of every company name, added per statement
-- (one cheap INSERT … SELECT DISTINCT per batch, not per row). Words are never removed; a stale
-- word only widens a search that then finds nothing more.
CREATE OR REPLACE FUNCTION samspil_collect_name_words() RETURNS trigger
  LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO company_name_words (word)
    SELECT DISTINCT w FROM new_rows, unnest(new_rows.name_tokens) AS w
    ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER companies_name_words_insert AFTER INSERT ON companies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION samspil_collect_name_words();
--> statement-breakpoint
CREATE TRIGGER companies_name_words_update AFTER UPDATE ON companies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION samspil_collect_name_words();
