import { useState } from 'react';
import { CopyButton } from '../../components/copy-button.js';
import { FieldFrame, TextField } from '../../components/field.js';
import { Row } from '../../components/layout.js';
import { useDashboard } from '../../lib/dashboard-client.js';
import { strings } from '../../strings.js';
import { scrapeConfig } from './prometheus-config.js';
import { SettingsSection } from './settings-section.js';

/** The `/metrics` URL and a scrape job for a key (a key is shown only once, so it is pasted). */
export function PrometheusSettings() {
  const info = useDashboard((state) => state.info);
  const [key, setKey] = useState('');
  const origin = info?.primaryBaseURL || location.origin;
  const metricsUrl = `${origin.replace(/\/$/, '')}/metrics`;
  const config = scrapeConfig(origin, key);
  const s = strings.settings.prometheus;
  return (
    <SettingsSection title={strings.settings.sections.prometheus}>
      <p>{s.intro}</p>
      <TextField label={s.url} readOnly value={metricsUrl} />
      <Row>
        <CopyButton text={metricsUrl} label={s.copyUrl} />
      </Row>
      <TextField
        label={s.key}
        hint={s.keyHint}
        autoComplete="off"
        value={key}
        onChange={(e) => setKey(e.target.value)}
      />
      <FieldFrame label={s.config}>
        {({ input, describedBy }) => (
          <textarea
            id={input}
            aria-describedby={describedBy}
            className="code"
            readOnly
            rows={9}
            value={config}
          />
        )}
      </FieldFrame>
      <Row>
        <CopyButton text={config} label={s.copyConfig} />
      </Row>
    </SettingsSection>
  );
}
