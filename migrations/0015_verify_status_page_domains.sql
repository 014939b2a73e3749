-- A custom domain routes to a status page only once its owner proves control of it with a
-- DNS TXT record (docs/protocol/status-pages.md#custom-domains). Several tenants may claim a
-- domain; at most one holds it verified. Domains stored before this migration were routing
-- already and stay verified, so an upgrade changes no live page.
ALTER TABLE status_page_domains DROP CONSTRAINT status_page_domains_pkey;
ALTER TABLE status_page_domains ADD COLUMN verification_token text;
ALTER TABLE status_page_domains ADD COLUMN verified_at timestamptz;
UPDATE status_page_domains
SET verification_token = md5(random()::text || domain || tenant_id::text), verified_at = now();
ALTER TABLE status_page_domains ALTER COLUMN verification_token SET NOT NULL;
ALTER TABLE status_page_domains ADD PRIMARY KEY (tenant_id, domain);
CREATE UNIQUE INDEX status_page_domains_verified_idx
  ON status_page_domains (domain) WHERE verified_at IS NOT NULL;
