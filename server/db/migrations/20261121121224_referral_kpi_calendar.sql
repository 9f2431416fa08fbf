-- Referral KPIs group on two precomputed columns instead of converting every timestamp to a Danish working day
-- at query time. A trigger keeps them current on every write path (services, imports, merges, benchmarks).
-- The working-day rules are those of server/modules/business-service/working-days.ts; a test compares every day.

-- Easter Sunday (Gregorian), the anonymous Gregorian algorithm (Meeus/Jones/Butcher), in integer arithmetic.
CREATE FUNCTION samspil_easter_sunday(y integer) RETURNS date
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  a integer := y % 19;
  b integer := y / 100;
  c integer := y % 100;
  d integer := b / 4;
  e integer := b % 4;
  f integer := (b + 8) / 25;
  g integer := (b - f + 1) / 3;
  h integer := (19 * a + b - d - g + 15) % 30;
  i integer := c / 4;
  k integer := c % 4;
  l integer := (32 + 2 * e + 2 * i - h - k) % 7;
  m integer := (a + 11 * h + 22 * l) / 451;
BEGIN
  RETURN make_date(y, (h + l - 7 * m + 114) / 31, ((h + l - 7 * m + 114) % 31) + 1);
END $$;--> statement-breakpoint

-- Whether a day is a Danish working day: not a weekend, a public holiday (store bededag until 2023), grundlovsdag,
-- juleaftensdag or nytårsaftensdag.
CREATE FUNCTION samspil_is_working_day(day date) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  easter date := samspil_easter_sunday(extract(year FROM day)::integer);
  md text := to_char(day, 'MM-DD');
BEGIN
  IF extract(isodow FROM day) IN (6, 7) THEN RETURN false; END IF;
  IF md IN ('01-01', '06-05', '12-24', '12-25', '12-26', '12-31') THEN RETURN false; END IF;
  IF day - easter IN (-3, -2, 0, 1, 39, 49, 50) THEN RETURN false; END IF;
  IF day - easter = 26 AND extract(year FROM day) <= 2023 THEN RETURN false; END IF;
  RETURN true;
END $$;--> statement-breakpoint

INSERT INTO working_day_calendar (day, working, ordinal)
SELECT d, w, sum(CASE WHEN w THEN 1 ELSE 0 END) OVER (ORDER BY d)::integer
FROM (
  SELECT d::date AS d, samspil_is_working_day(d::date) AS w
  FROM generate_series('2000-01-01'::date, '2100-12-31'::date, interval '1 day') AS d
) days;--> statement-breakpoint

-- Sets sent_day (the Danish day of sent_at) and response_days (working days from that day to the Danish day of the
-- first answer: received_at, or closed_at when rejected without being received). Null outside 2000–2100.
CREATE FUNCTION samspil_referral_kpi_columns() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  answered timestamptz := coalesce(NEW.received_at, CASE WHEN NEW.status = 'afvist' THEN NEW.closed_at END);
BEGIN
  NEW.sent_day := (NEW.sent_at AT TIME ZONE 'Europe/Copenhagen')::date;
  IF answered IS NULL THEN
    NEW.response_days := NULL;
  ELSE
    NEW.response_days := (SELECT c.ordinal FROM working_day_calendar c WHERE c.day = (answered AT TIME ZONE 'Europe/Copenhagen')::date)
      - (SELECT c.ordinal FROM working_day_calendar c WHERE c.day = NEW.sent_day);
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint

CREATE TRIGGER referrals_kpi_columns
BEFORE INSERT OR UPDATE OF sent_at, received_at, closed_at, status, sent_day, response_days ON referrals
FOR EACH ROW EXECUTE FUNCTION samspil_referral_kpi_columns();--> statement-breakpoint

-- Existing referrals: the update fires the trigger.
UPDATE referrals SET sent_at = sent_at;
