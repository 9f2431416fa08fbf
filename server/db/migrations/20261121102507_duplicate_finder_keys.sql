-- The keys the duplicate finder (server/modules/companies/duplicates.repo.ts) compares companies by, one
-- definition each, so the indexes on them and the queries that probe those indexes cannot drift apart.
-- Only built-in functions inside: index builds run them with a restricted search_path on newer engines.
-- Legal-form words as samspil_name_tokens splits them ("A/S" -> a, s): they say nothing about which company it is.

-- A name as duplicates compare it: its words without the legal form. STABLE only because array_to_string is,
-- which keeps it inlinable into the query; it is never indexed.
CREATE OR REPLACE FUNCTION samspil_duplicate_name_key(tokens text[]) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $fn$ SELECT array_to_string(array_remove(array_remove(array_remove(array_remove(array_remove(array_remove(
    array_remove(array_remove(array_remove(array_remove(array_remove(array_remove(array_remove(array_remove(
    tokens, 'aps'), 'as'), 'a'), 's'), 'i'), 'is'), 'ivs'), 'k'), 'ks'), 'p'), 'ps'), 'amba'), 'smba'), 'fmba'), ' ') $fn$;
--> statement-breakpoint
-- The postal code with the first three letters of each name word (legal forms and words under three letters
-- left out): two companies sharing one of these are compared by name. Three letters rather than whole words
-- keep a name whose every word is misspelt ("Trekan Staalindustri").
CREATE OR REPLACE FUNCTION samspil_duplicate_word_keys(postal_code text, tokens text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $fn$ SELECT array(SELECT postal_code || ' ' || left(w, 3) FROM unnest(tokens) AS w
    WHERE length(w) >= 3 AND w <> ALL (ARRAY['aps', 'as', 'a', 's', 'i', 'is', 'ivs', 'k', 'ks', 'p', 'ps', 'amba', 'smba', 'fmba'])) $fn$;
--> statement-breakpoint
-- Postal code and street, case and outer spaces folded ("Fabriksvej 3" = "fabriksvej 3 ").
CREATE OR REPLACE FUNCTION samspil_duplicate_address_key(postal_code text, street text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $fn$ SELECT postal_code || ' ' || lower(btrim(street)) $fn$;
--> statement-breakpoint
-- The last 8 digits of a phone number, so "+45 75 12 34 56" and "75123456" compare equal.
CREATE OR REPLACE FUNCTION samspil_duplicate_phone_key(phone text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $fn$ SELECT nullif(right(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), 8), '') $fn$;
--> statement-breakpoint
-- An e-mail address, case and outer spaces folded.
CREATE OR REPLACE FUNCTION samspil_duplicate_email_key(email text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $fn$ SELECT lower(btrim(email)) $fn$;
