import { useDashboard } from '../../lib/dashboard-client.js';
import { strings } from '../../strings.js';
import { SettingsSection } from './settings-section.js';

/** The version the server reports (docs/protocol/settings.md#info-object). */
export function AboutSettings() {
  const info = useDashboard((s) => s.info);
  const s = strings.settings.about;
  return (
    <SettingsSection title={strings.settings.sections.about}>
      <dl className="facts">
        <dt>{s.product}</dt>
        <dd>{strings.appName}</dd>
        <dt>{s.version}</dt>
        <dd>{info?.version ?? strings.common.loading}</dd>
        <dt>{s.timezone}</dt>
        <dd>{info ? `${info.serverTimezone} (${info.serverTimezoneOffset})` : ''}</dd>
      </dl>
      <p className="field-hint">{s.compatibility}</p>
    </SettingsSection>
  );
}
