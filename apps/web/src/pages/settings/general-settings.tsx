import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Button } from '../../components/button.js';
import { FormError } from '../../components/form-error.js';
import { CheckboxField, SelectField, TextField } from '../../components/field.js';
import { Row } from '../../components/layout.js';
import { showNotice, showRequestError } from '../../components/notices.js';
import { request, useDashboard } from '../../lib/dashboard-client.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';
import { statusPagesOf } from '../status-pages/status-page-list.js';
import { SettingsSection } from './settings-section.js';

interface GeneralForm {
  serverTimezone: string;
  primaryBaseURL: string;
  entryPage: string;
  searchEngineIndex: boolean;
}

type GeneralField = 'serverTimezone' | 'form';

/** The server's messages about these settings (docs/protocol/settings.md#setsettings). */
const GENERAL_MESSAGES = [[/timezone/i, 'serverTimezone']] as const;

function generalFormOf(data: Record<string, unknown>): GeneralForm {
  return {
    serverTimezone: typeof data.serverTimezone === 'string' ? data.serverTimezone : 'UTC',
    primaryBaseURL: typeof data.primaryBaseURL === 'string' ? data.primaryBaseURL : '',
    entryPage: typeof data.entryPage === 'string' ? data.entryPage : 'dashboard',
    searchEngineIndex: data.searchEngineIndex === true,
  };
}

/** Time zone, primary base URL, entry page and search-engine indexing of the tenant. */
export function GeneralSettings() {
  const [form, setForm] = useState<GeneralForm | null>(null);
  const statusPages = useDashboard((s) => s.statusPages);
  const submit = useSubmit<GeneralField>(GENERAL_MESSAGES);
  const s = strings.settings.general;

  useEffect(() => {
    request('getSettings')
      .then((answer) => setForm(generalFormOf((answer.data ?? {}) as Record<string, unknown>)))
      .catch(showRequestError);
  }, []);

  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const entryPages = useMemo(
    () => [
      { value: 'dashboard', label: s.entryDashboard },
      ...statusPagesOf(statusPages).map(({ slug, title }) => ({
        value: `statusPage-${slug}`,
        label: s.entryStatusPage(title),
      })),
    ],
    [statusPages, s],
  );

  if (!form) return <p className="loading">{strings.common.loading}</p>;
  const zoneOptions = [
    ...(zones.includes(form.serverTimezone) ? [] : [form.serverTimezone]),
    ...zones,
  ].map((zone) => ({ value: zone, label: zone }));

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const saved = await submit.run(() => request('setSettings', { ...form }, null));
    if (saved) showNotice('success', s.saved);
  }

  return (
    <SettingsSection title={strings.settings.sections.general}>
      <form className="stack" onSubmit={(e) => void save(e)}>
        <SelectField
          label={s.timezone}
          value={form.serverTimezone}
          options={zoneOptions}
          error={submit.errorOf('serverTimezone')}
          hint={s.timezoneHint}
          onChange={(e) => setForm({ ...form, serverTimezone: e.target.value })}
        />
        <TextField
          label={s.primaryBaseURL}
          type="url"
          placeholder="https://status.example.com"
          value={form.primaryBaseURL}
          hint={s.primaryBaseURLHint}
          onChange={(e) => setForm({ ...form, primaryBaseURL: e.target.value })}
        />
        <Row>
          <Button onClick={() => setForm({ ...form, primaryBaseURL: location.origin })}>
            {s.useCurrentURL}
          </Button>
        </Row>
        <SelectField
          label={s.entryPage}
          value={form.entryPage}
          options={entryPages}
          hint={s.entryPageHint}
          onChange={(e) => setForm({ ...form, entryPage: e.target.value })}
        />
        <CheckboxField
          label={s.searchEngineIndex}
          hint={s.searchEngineIndexHint}
          checked={form.searchEngineIndex}
          onChange={(e) => setForm({ ...form, searchEngineIndex: e.target.checked })}
        />
        <FormError message={submit.errorOf('form')} />
        <Row>
          <Button type="submit" variant="primary" busy={submit.busy}>
            {strings.common.save}
          </Button>
        </Row>
      </form>
    </SettingsSection>
  );
}
