CREATE TABLE "company_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"merged_by" uuid NOT NULL,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb NOT NULL,
	CONSTRAINT "company_merges_merged_id_unique" UNIQUE("merged_id")
);
--> statement-breakpoint
CREATE TABLE "duplicate_dismissals" (
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"a_id" uuid NOT NULL,
	"b_id" uuid NOT NULL,
	"dismissed_by" uuid NOT NULL,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_dismissals_partnership_id_kind_a_id_b_id_pk" PRIMARY KEY("partnership_id","kind","a_id","b_id")
);
--> statement-breakpoint
CREATE TABLE "import_job_rows" (
	"job_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"company_id" uuid,
	"record" jsonb,
	"errors" jsonb,
	CONSTRAINT "import_job_rows_job_id_row_number_pk" PRIMARY KEY("job_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"file_name" text NOT NULL,
	"delimiter" text DEFAULT ';' NOT NULL,
	"content" text,
	"header" text[] DEFAULT '{}'::text[] NOT NULL,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "company_contacts" ADD COLUMN "external_ref" text;--> statement-breakpoint
ALTER TABLE "contact_tiers" ADD COLUMN "target_companies" integer;--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "external_ref" text;--> statement-breakpoint
ALTER TABLE "company_merges" ADD CONSTRAINT "company_merges_survivor_id_companies_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_merges" ADD CONSTRAINT "company_merges_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_job_rows" ADD CONSTRAINT "import_job_rows_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_merges_survivor_idx" ON "company_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "import_jobs_org_idx" ON "import_jobs" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "company_contacts_external_ref_idx" ON "company_contacts" USING btree ("partnership_id","external_ref") WHERE external_ref IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_external_ref_idx" ON "interactions" USING btree ("organisation_id","external_ref") WHERE external_ref IS NOT NULL;