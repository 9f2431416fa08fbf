CREATE TABLE "allocation_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"host_offer_id" uuid NOT NULL,
	"week" integer NOT NULL,
	"tutor_id" uuid,
	"locked" boolean DEFAULT false NOT NULL,
	"distance_km" double precision,
	"reasons" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allocation_constraints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"kind" text NOT NULL,
	"class_id" uuid NOT NULL,
	"host_offer_id" uuid,
	"company_id" uuid,
	"week" integer,
	"note" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allocation_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"respondent" text NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"rating" smallint,
	"answers" jsonb,
	"comment" text,
	CONSTRAINT "allocation_evaluations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "allocation_plan_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"previous_plan_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allocation_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"municipality_code" integer,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"weights" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "host_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"production_unit_id" uuid,
	"school_year" text NOT NULL,
	"weeks" integer[] NOT NULL,
	"classes_per_week" smallint DEFAULT 1 NOT NULL,
	"max_pupils" smallint NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"street" text,
	"postal_code" text,
	"municipality_code" integer,
	"lat" double precision,
	"lon" double precision,
	"accessibility_notes" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"school_id" uuid,
	"institution_name" text,
	"company_id" uuid NOT NULL,
	"municipality_code" integer NOT NULL,
	"grade_levels" text[] DEFAULT '{}'::text[] NOT NULL,
	"activities" text[] DEFAULT '{}'::text[] NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date,
	"status" text DEFAULT 'active' NOT NULL,
	"school_contact" text,
	"company_contact" text,
	"notes" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"grade" smallint NOT NULL,
	"letter" text NOT NULL,
	"pupils" smallint NOT NULL,
	"suitable_weeks" integer[] DEFAULT '{}'::int[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"teacher_name" text,
	"teacher_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organisation_id" uuid,
	"name" text NOT NULL,
	"kind" text DEFAULT 'folkeskole' NOT NULL,
	"municipality_code" integer NOT NULL,
	"street" text,
	"postal_code" text,
	"lat" double precision,
	"lon" double precision,
	"contact_name" text,
	"contact_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tutors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"name" text NOT NULL,
	"institution" text NOT NULL,
	"kind" text DEFAULT 'pupil' NOT NULL,
	"municipality_code" integer,
	"postal_code" text,
	"lat" double precision,
	"lon" double precision,
	"weeks" integer[] NOT NULL,
	"max_classes" smallint DEFAULT 1 NOT NULL,
	"contact_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "allocation_assignments" ADD CONSTRAINT "allocation_assignments_plan_id_allocation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."allocation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_assignments" ADD CONSTRAINT "allocation_assignments_class_id_school_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."school_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_assignments" ADD CONSTRAINT "allocation_assignments_host_offer_id_host_offers_id_fk" FOREIGN KEY ("host_offer_id") REFERENCES "public"."host_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_assignments" ADD CONSTRAINT "allocation_assignments_tutor_id_tutors_id_fk" FOREIGN KEY ("tutor_id") REFERENCES "public"."tutors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_constraints" ADD CONSTRAINT "allocation_constraints_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_constraints" ADD CONSTRAINT "allocation_constraints_class_id_school_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."school_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_constraints" ADD CONSTRAINT "allocation_constraints_host_offer_id_host_offers_id_fk" FOREIGN KEY ("host_offer_id") REFERENCES "public"."host_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_constraints" ADD CONSTRAINT "allocation_constraints_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_constraints" ADD CONSTRAINT "allocation_constraints_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_evaluations" ADD CONSTRAINT "allocation_evaluations_assignment_id_allocation_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."allocation_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plan_changes" ADD CONSTRAINT "allocation_plan_changes_plan_id_allocation_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."allocation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plan_changes" ADD CONSTRAINT "allocation_plan_changes_previous_plan_id_allocation_plans_id_fk" FOREIGN KEY ("previous_plan_id") REFERENCES "public"."allocation_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plan_changes" ADD CONSTRAINT "allocation_plan_changes_class_id_school_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."school_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plans" ADD CONSTRAINT "allocation_plans_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plans" ADD CONSTRAINT "allocation_plans_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_plans" ADD CONSTRAINT "allocation_plans_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_offers" ADD CONSTRAINT "host_offers_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_offers" ADD CONSTRAINT "host_offers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_offers" ADD CONSTRAINT "host_offers_production_unit_id_production_units_id_fk" FOREIGN KEY ("production_unit_id") REFERENCES "public"."production_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_offers" ADD CONSTRAINT "host_offers_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_agreements" ADD CONSTRAINT "school_agreements_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_agreements" ADD CONSTRAINT "school_agreements_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_agreements" ADD CONSTRAINT "school_agreements_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_agreements" ADD CONSTRAINT "school_agreements_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_classes" ADD CONSTRAINT "school_classes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tutors" ADD CONSTRAINT "tutors_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_assignments_class_idx" ON "allocation_assignments" USING btree ("plan_id","class_id");--> statement-breakpoint
CREATE INDEX "allocation_assignments_host_idx" ON "allocation_assignments" USING btree ("host_offer_id","week");--> statement-breakpoint
CREATE INDEX "allocation_constraints_year_idx" ON "allocation_constraints" USING btree ("partnership_id","school_year");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_evaluations_unique_idx" ON "allocation_evaluations" USING btree ("assignment_id","respondent");--> statement-breakpoint
CREATE INDEX "allocation_plan_changes_plan_idx" ON "allocation_plan_changes" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_plans_version_idx" ON "allocation_plans" USING btree ("partnership_id","school_year","municipality_code","version");--> statement-breakpoint
CREATE INDEX "host_offers_year_idx" ON "host_offers" USING btree ("partnership_id","school_year");--> statement-breakpoint
CREATE INDEX "host_offers_company_idx" ON "host_offers" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "school_agreements_municipality_idx" ON "school_agreements" USING btree ("partnership_id","municipality_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "school_classes_unique_idx" ON "school_classes" USING btree ("school_id","school_year","grade","letter");--> statement-breakpoint
CREATE UNIQUE INDEX "schools_name_idx" ON "schools" USING btree ("partnership_id","municipality_code","name");--> statement-breakpoint
CREATE INDEX "tutors_year_idx" ON "tutors" USING btree ("partnership_id","school_year");