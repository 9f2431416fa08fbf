CREATE EXTENSION IF NOT EXISTS citext;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
-- unaccent() is only STABLE; pinning the dictionary makes an IMMUTABLE wrapper usable in generated columns and indexes.
CREATE OR REPLACE FUNCTION samspil_unaccent(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $fn$ SELECT public.unaccent('public.unaccent'::regdictionary, t) $fn$;
--> statement-breakpoint
-- Text as search compares it: accents and case folded, whitespace collapsed. lower() under COLLATE "C"
-- folds only ASCII on every engine and locale (unaccent has already turned Danish letters into ASCII),
-- so PGlite and PostgreSQL produce the same bytes.
CREATE OR REPLACE FUNCTION samspil_search_norm(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $fn$ SELECT btrim(regexp_replace(lower(samspil_unaccent(t) COLLATE "C"), '\s+', ' ', 'g')) $fn$;
--> statement-breakpoint
-- Danish sort order that is identical on every engine and locale: compare under COLLATE "C".
-- Æ/Ä -> '{', Ø/Ö -> '|', Å and "aa" -> '}' (all after z in byte order); Ü -> y; other accents folded
-- by unaccent. Chained replace() is several times faster than translate() with a long list.
-- The same rule lives in common/text.ts (daSortKey) and a test keeps them equal.
CREATE OR REPLACE FUNCTION da_sort_key(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $fn$ SELECT lower(samspil_unaccent(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
      lower(t COLLATE "C"), 'aa', '}'), 'æ', '{'), 'Æ', '{'), 'ä', '{'), 'Ä', '{'), 'ø', '|'), 'Ø', '|'),
      'ö', '|'), 'Ö', '|'), 'å', '}'), 'Å', '}'), 'ü', 'y'), 'Ü', 'y')) COLLATE "C") $fn$;
--> statement-breakpoint
-- The words of a name as search compares them: the same folding as samspil_search_norm, split at anything
-- but letters and digits in one
-- regular-expression pass (this runs for every company written, so it is kept to the cheapest form).
CREATE OR REPLACE FUNCTION samspil_name_tokens(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $fn$ SELECT array_remove(regexp_split_to_array(lower(samspil_unaccent(t) COLLATE "C"), '[^a-z0-9]+'), '') $fn$;
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"kind" text NOT NULL,
	"partnership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"meta" jsonb
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"success" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oidc_flows" (
	"state" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"return_to" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"municipality_code" integer,
	"sso_enabled" boolean DEFAULT false NOT NULL,
	"sso_issuer" text,
	"sso_client_id" text,
	"sso_client_secret" text,
	"sso_label" text,
	"email_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"deactivated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnerships_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"auth_method" text DEFAULT 'password' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" "citext" NOT NULL,
	"name" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"password_hash" text,
	"locale" text DEFAULT 'da' NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"oidc_issuer" text,
	"oidc_subject" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"organisation_id" uuid,
	"partnership_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"read" integer DEFAULT 0 NOT NULL,
	"written" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"rejections" jsonb
);
--> statement-breakpoint
CREATE TABLE "industry_codes" (
	"classification" text NOT NULL,
	"code" text NOT NULL,
	"level" integer NOT NULL,
	"parent_code" text,
	"section" text,
	"title_da" text NOT NULL,
	"title_en" text,
	"note" text,
	CONSTRAINT "industry_codes_classification_code_pk" PRIMARY KEY("classification","code")
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" integer NOT NULL,
	"lat" double precision,
	"lon" double precision
);
--> statement-breakpoint
CREATE TABLE "municipality_boundaries" (
	"code" integer PRIMARY KEY NOT NULL,
	"geometry" jsonb NOT NULL,
	"source" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupation_skills" (
	"occupation_uri" text NOT NULL,
	"skill_uri" text NOT NULL,
	"relation_type" text NOT NULL,
	CONSTRAINT "occupation_skills_occupation_uri_skill_uri_pk" PRIMARY KEY("occupation_uri","skill_uri")
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"uri" text PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"code" text,
	"isco_group" text,
	"concept_type" text DEFAULT 'occupation' NOT NULL,
	"preferred_label" text NOT NULL,
	"labels" jsonb NOT NULL,
	"description" text,
	"level" integer
);
--> statement-breakpoint
CREATE TABLE "postal_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"municipality_code" integer,
	"municipality_codes" integer[],
	"lat" double precision,
	"lon" double precision,
	"is_po_box" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"nuts2" text
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"uri" text PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"skill_type" text,
	"reuse_level" text,
	"preferred_label" text NOT NULL,
	"labels" jsonb NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "taxonomy_broader" (
	"uri" text NOT NULL,
	"broader_uri" text NOT NULL,
	"pillar" text NOT NULL,
	CONSTRAINT "taxonomy_broader_uri_broader_uri_pk" PRIMARY KEY("uri","broader_uri")
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cvr" text,
	"name" text NOT NULL,
	"secondary_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"legal_form" text,
	"status" text DEFAULT 'active' NOT NULL,
	"start_date" date,
	"end_date" date,
	"street" text,
	"postal_code" text,
	"city" text,
	"municipality_code" integer,
	"industry_classification" text DEFAULT 'DB07' NOT NULL,
	"industry_code" text,
	"industry_section" text,
	"industry_text" text,
	"secondary_industries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"employee_band" text,
	"employees" integer,
	"phone" text,
	"email" text,
	"advertising_protected" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"sort_key" text GENERATED ALWAYS AS (da_sort_key(name)) STORED,
	"name_tokens" text[] GENERATED ALWAYS AS (samspil_name_tokens(name)) STORED,
	"search_doc" "tsvector" GENERATED ALWAYS AS (to_tsvector('danish'::regconfig, coalesce(name, '') || ' ' || coalesce(industry_text, '') || ' ' || coalesce(street, '') || ' ' || coalesce(postal_code, '') || ' ' || coalesce(city, ''))) STORED,
	"cvr_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_cvr_unique" UNIQUE("cvr")
);
--> statement-breakpoint
CREATE TABLE "company_name_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "production_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"p_number" text NOT NULL,
	"company_id" uuid,
	"cvr" text,
	"name" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"start_date" date,
	"end_date" date,
	"street" text,
	"postal_code" text,
	"city" text,
	"municipality_code" integer,
	"industry_code" text,
	"industry_text" text,
	"employees" integer,
	"employee_band" text,
	"advertising_protected" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "production_units_p_number_unique" UNIQUE("p_number")
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_flows" ADD CONSTRAINT "oidc_flows_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_boundaries" ADD CONSTRAINT "municipality_boundaries_code_municipalities_code_fk" FOREIGN KEY ("code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_units" ADD CONSTRAINT "production_units_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_outbox_created_idx" ON "email_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "organisations_partnership_idx" ON "organisations" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_tokens_user_idx" ON "user_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_idx" ON "users" USING btree ("oidc_issuer","oidc_subject");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "industry_codes_parent_idx" ON "industry_codes" USING btree ("classification","parent_code");--> statement-breakpoint
CREATE INDEX "occupation_skills_skill_idx" ON "occupation_skills" USING btree ("skill_uri");--> statement-breakpoint
CREATE INDEX "occupations_scheme_code_idx" ON "occupations" USING btree ("scheme","code");--> statement-breakpoint
CREATE INDEX "occupations_isco_idx" ON "occupations" USING btree ("isco_group");--> statement-breakpoint
CREATE INDEX "taxonomy_broader_broader_idx" ON "taxonomy_broader" USING btree ("broader_uri");--> statement-breakpoint
CREATE INDEX "companies_name_tokens_idx" ON "companies" USING gin ("name_tokens");--> statement-breakpoint
CREATE INDEX "companies_search_doc_idx" ON "companies" USING gin ("search_doc");--> statement-breakpoint
CREATE INDEX "companies_sort_idx" ON "companies" USING btree ("sort_key" COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "companies_municipality_idx" ON "companies" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "companies_industry_idx" ON "companies" USING btree ("industry_code");--> statement-breakpoint
CREATE INDEX "companies_band_industry_idx" ON "companies" USING btree ("employee_band","industry_code");--> statement-breakpoint
CREATE INDEX "companies_section_idx" ON "companies" USING btree ("industry_section");--> statement-breakpoint
CREATE INDEX "company_name_words_trgm_idx" ON "company_name_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "production_units_company_idx" ON "production_units" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "production_units_cvr_idx" ON "production_units" USING btree ("cvr");