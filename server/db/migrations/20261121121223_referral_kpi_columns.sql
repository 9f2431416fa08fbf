CREATE TABLE "working_day_calendar" (
	"day" date PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"ordinal" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "sent_day" date;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "response_days" integer;--> statement-breakpoint
CREATE INDEX "referrals_kpi_idx" ON "referrals" USING btree ("partnership_id","sent_day");