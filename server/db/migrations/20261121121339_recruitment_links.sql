-- A company organisation (employer view) points at its company; a company merge moves it like every other reference.
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_company_id_companies_id_fk"
  FOREIGN KEY ("company_id") REFERENCES "companies"("id");--> statement-breakpoint
-- Not unique: after a company merge, the merged company's employer organisation points at the survivor too.
CREATE INDEX "organisations_company_idx" ON "organisations" ("partnership_id", "company_id") WHERE "company_id" IS NOT NULL;--> statement-breakpoint
-- Order numbers JO-<year>-<n>: one sequence for the installation.
CREATE SEQUENCE "job_order_number_seq";
