-- The two certificate facts /metrics reports for every monitor (docs/protocol/http.md#prometheus-metrics), kept beside the
-- full TLS record so a scrape of thousands of monitors reads two plain columns instead of
-- unpacking each stored certificate chain.
ALTER TABLE monitor_state
  ADD COLUMN cert_valid boolean
    GENERATED ALWAYS AS ((tls_info -> 'valid') = 'true'::jsonb) STORED,
  ADD COLUMN cert_days_remaining double precision
    GENERATED ALWAYS AS (
      CASE WHEN jsonb_typeof(tls_info #> '{certInfo,daysRemaining}') = 'number'
        THEN (tls_info #>> '{certInfo,daysRemaining}')::double precision
      END
    ) STORED;
