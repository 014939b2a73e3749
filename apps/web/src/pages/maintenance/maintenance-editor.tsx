import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { MaintenanceJson } from '@watchpost/core';
import { Button } from '../../components/button.js';
import { FormError } from '../../components/form-error.js';
import { CheckboxField, FieldFrame, SelectField, TextField } from '../../components/field.js';
import { Card, Page, Row } from '../../components/layout.js';
import { showNotice } from '../../components/notices.js';
import { request, useDashboard } from '../../lib/dashboard-client.js';
import { errorMessage } from '../../lib/emit-with-ack.js';
import { useSubmit } from '../../lib/use-submit.js';
import { strings } from '../../strings.js';
import { MonitorPicker } from '../status-pages/group-editor.js';
import { statusPagesOf } from '../status-pages/status-page-list.js';
import {
  LAST_DAY,
  MAINTENANCE_MESSAGES,
  NEW_MAINTENANCE,
  SAME_AS_SERVER,
  STRATEGIES,
  fieldsOfStrategy,
  maintenanceFormFromJson,
  maintenancePayload,
  type DayOfMonth,
  type MaintenanceField,
  type MaintenanceForm,
} from './maintenance-form.js';

const s = strings.maintenance;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;
const DAYS: readonly DayOfMonth[] = [...Array.from({ length: 31 }, (_, i) => i + 1), LAST_DAY];

/** Add a window, edit one, or start a new one from a copy of one (Kuma's Clone). */
export function MaintenanceEditor({ mode }: { mode: 'add' | 'edit' | 'clone' }) {
  const { id } = useParams();
  const [form, setForm] = useState<MaintenanceForm | null>(id ? null : NEW_MAINTENANCE);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!id) return;
    Promise.all([
      request('getMaintenance', id),
      request('getMonitorMaintenance', id),
      request('getMaintenanceStatusPage', id),
    ])
      .then(([m, monitors, pages]) => {
        const stored = maintenanceFormFromJson(m.maintenance as MaintenanceJson, {
          monitorIds: (monitors.monitors as { id: number }[]).map((x) => x.id),
          statusPageIds: (pages.statusPages as { id: number }[]).map((x) => x.id),
        });
        setForm(
          mode === 'clone' ? { ...stored, id: null, title: s.cloneOf(stored.title) } : stored,
        );
      })
      .catch((error: unknown) => setFailure(errorMessage(error)));
  }, [id, mode]);

  return (
    <Page title={mode === 'edit' ? s.editTitle : mode === 'clone' ? s.cloneTitle : s.add}>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {!form && !failure && <p className="loading">{strings.common.loading}</p>}
      {form && <MaintenanceFormView initial={form} />}
    </Page>
  );
}

function MaintenanceFormView({ initial }: { initial: MaintenanceForm }) {
  const [form, setForm] = useState(initial);
  const submit = useSubmit<MaintenanceField>(MAINTENANCE_MESSAGES);
  const navigate = useNavigate();
  const monitors = useDashboard((state) => state.monitors);
  const statusPages = statusPagesOf(useDashboard((state) => state.statusPages));
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const shown = fieldsOfStrategy(form.strategy);
  const set = (patch: Partial<MaintenanceForm>) => setForm({ ...form, ...patch });
  const toggle = <T,>(list: readonly T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await submit.run(async () => {
      const payload = maintenancePayload(form);
      const answer =
        form.id === null
          ? await request('addMaintenance', payload)
          : await request('editMaintenance', payload);
      const savedId = Number(answer.maintenanceID ?? form.id);
      // Once the window exists, later failures must not create it twice on a retry.
      setForm((current) => ({ ...current, id: savedId }));
      await request(
        'addMonitorMaintenance',
        savedId,
        form.monitorIds.map((x) => ({ id: x })),
      );
      await request(
        'addMaintenanceStatusPage',
        savedId,
        form.statusPageIds.map((x) => ({ id: x })),
      );
    });
    if (saved) {
      showNotice('success', s.saved);
      void navigate('/maintenance');
    }
  }

  return (
    <form className="stack admin-form" onSubmit={(e) => void save(e)}>
      <Card title={s.general}>
        <div className="stack">
          <TextField
            label={s.titleLabel}
            required
            value={form.title}
            error={submit.errorOf('title')}
            onChange={(e) => set({ title: e.target.value })}
          />
          <FieldFrame label={s.description}>
            {({ input, describedBy }) => (
              <textarea
                id={input}
                aria-describedby={describedBy}
                rows={3}
                value={form.description}
                onChange={(e) => set({ description: e.target.value })}
              />
            )}
          </FieldFrame>
          <CheckboxField
            label={s.active}
            checked={form.active}
            onChange={(e) => set({ active: e.target.checked })}
          />
        </div>
      </Card>
      <Card title={s.affected}>
        <div className="stack">
          {submit.errorOf('monitors') && (
            <p className="field-error" role="alert">
              {submit.errorOf('monitors')}
            </p>
          )}
          {form.monitorIds.length === 0 ? (
            <p className="field-hint">{s.noMonitors}</p>
          ) : (
            <ul className="chips" aria-label={s.affected}>
              {form.monitorIds.map((monitorId) => {
                const name = monitors.get(monitorId)?.name ?? `#${monitorId}`;
                return (
                  <li key={monitorId} className="chip">
                    {name}
                    <Button
                      variant="ghost"
                      aria-label={s.removeMonitor(name)}
                      onClick={() =>
                        set({ monitorIds: form.monitorIds.filter((x) => x !== monitorId) })
                      }
                    >
                      ×
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
          <MonitorPicker
            exclude={form.monitorIds}
            onPick={(monitorId) => set({ monitorIds: [...form.monitorIds, monitorId] })}
          />
          <fieldset className="choice-group">
            <legend>{s.statusPages}</legend>
            {submit.errorOf('statusPages') && (
              <p className="field-error" role="alert">
                {submit.errorOf('statusPages')}
              </p>
            )}
            {statusPages.length === 0 && <p className="field-hint">{s.noStatusPages}</p>}
            {statusPages.map((page) => (
              <CheckboxField
                key={page.id}
                label={page.title}
                checked={form.statusPageIds.includes(page.id)}
                onChange={(e) =>
                  set({ statusPageIds: toggle(form.statusPageIds, page.id, e.target.checked) })
                }
              />
            ))}
          </fieldset>
        </div>
      </Card>
      <Card title={s.schedule}>
        <div className="stack">
          <SelectField
            label={s.strategy}
            value={form.strategy}
            error={submit.errorOf('strategy')}
            hint={s.strategyHints[form.strategy]}
            options={STRATEGIES.map((value) => ({ value, label: s.strategies[value] }))}
            onChange={(e) => set({ strategy: e.target.value as MaintenanceForm['strategy'] })}
          />
          {shown.intervalDay && (
            <TextField
              label={s.intervalDay}
              type="number"
              min={1}
              max={3650}
              value={form.intervalDay}
              error={submit.errorOf('intervalDay')}
              onChange={(e) => set({ intervalDay: e.target.value })}
            />
          )}
          {shown.weekdays && (
            <fieldset className="choice-group">
              <legend>{s.weekdays}</legend>
              {WEEKDAYS.map((day) => (
                <CheckboxField
                  key={day}
                  label={s.weekdayNames[day]}
                  checked={form.weekdays.includes(day)}
                  onChange={(e) => set({ weekdays: toggle(form.weekdays, day, e.target.checked) })}
                />
              ))}
              {submit.errorOf('weekdays') && (
                <p className="field-error" role="alert">
                  {submit.errorOf('weekdays')}
                </p>
              )}
            </fieldset>
          )}
          {shown.daysOfMonth && (
            <fieldset className="choice-group days-of-month">
              <legend>{s.daysOfMonth}</legend>
              {DAYS.map((day) => (
                <CheckboxField
                  key={day}
                  label={day === LAST_DAY ? s.lastDay : String(day)}
                  checked={form.daysOfMonth.includes(day)}
                  onChange={(e) =>
                    set({ daysOfMonth: toggle(form.daysOfMonth, day, e.target.checked) })
                  }
                />
              ))}
              {submit.errorOf('daysOfMonth') && (
                <p className="field-error" role="alert">
                  {submit.errorOf('daysOfMonth')}
                </p>
              )}
            </fieldset>
          )}
          {shown.cron && (
            <TextField
              label={s.cron}
              hint={s.cronHint}
              required
              value={form.cron}
              error={submit.errorOf('cron')}
              onChange={(e) => set({ cron: e.target.value })}
            />
          )}
          {shown.duration && (
            <TextField
              label={s.durationMinutes}
              type="number"
              min={0}
              value={form.durationMinutes}
              error={submit.errorOf('durationMinutes')}
              onChange={(e) => set({ durationMinutes: e.target.value })}
            />
          )}
          {shown.timeRange && (
            <Row>
              <TextField
                label={s.startTime}
                type="time"
                required
                value={form.startTime}
                error={submit.errorOf('timeRange')}
                onChange={(e) => set({ startTime: e.target.value })}
              />
              <TextField
                label={s.endTime}
                type="time"
                required
                value={form.endTime}
                onChange={(e) => set({ endTime: e.target.value })}
              />
            </Row>
          )}
          {shown.dateRange && (
            <Row>
              <TextField
                label={form.strategy === 'single' ? s.start : s.effectiveFrom}
                type="datetime-local"
                required={form.strategy === 'single'}
                value={form.startDate}
                error={submit.errorOf('dateRange')}
                onChange={(e) => set({ startDate: e.target.value })}
              />
              <TextField
                label={form.strategy === 'single' ? s.end : s.effectiveUntil}
                type="datetime-local"
                required={form.strategy === 'single'}
                value={form.endDate}
                onChange={(e) => set({ endDate: e.target.value })}
              />
            </Row>
          )}
          {shown.timezone && (
            <SelectField
              label={s.timezone}
              value={form.timezoneOption}
              error={submit.errorOf('timezoneOption')}
              options={[
                { value: SAME_AS_SERVER, label: s.sameAsServer },
                { value: 'UTC', label: 'UTC' },
                ...zones
                  .filter((zone) => zone !== 'UTC')
                  .map((zone) => ({ value: zone, label: zone })),
                ...(form.timezoneOption === '' ? [{ value: '', label: s.noTimezone }] : []),
              ]}
              onChange={(e) => set({ timezoneOption: e.target.value })}
            />
          )}
        </div>
      </Card>
      <FormError message={submit.errorOf('form')} />
      <Row>
        <Button type="submit" variant="primary" busy={submit.busy}>
          {strings.common.save}
        </Button>
        <Link className="button button-ghost" to="/maintenance">
          {strings.common.cancel}
        </Link>
      </Row>
    </form>
  );
}
