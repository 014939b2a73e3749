import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/button.js';
import { FormError } from '../../../components/form-error.js';
import { CheckboxField, FieldFrame, SelectField, TextField } from '../../../components/field.js';
import { Modal } from '../../../components/modal.js';
import { showNotice } from '../../../components/notices.js';
import { errorMessage } from '../../../lib/emit-with-ack.js';
import { request } from '../../../lib/dashboard-client.js';
import { strings } from '../../../strings.js';
import {
  notificationErrorField,
  notificationPayload,
  valuesOfType,
  type FieldValue,
  type NotificationForm,
} from './notification-form.js';
import { PROVIDER_FORMS, providerForm, type ProviderField } from './notification-providers.js';

const s = strings.settings.notifications;

function fieldLabel(key: string): string {
  return (strings.providerFields as Record<string, string>)[key] ?? key;
}

function optionLabel(value: string): string {
  return (strings.providerOptions as Record<string, string>)[value] ?? value;
}

interface Props {
  initial: NotificationForm;
  typeName: (type: string) => string;
  defaultName: (type: string) => string;
  onClose: () => void;
}

/** Add or edit one notification; Test sends the unsaved form, as Kuma's Test button does. */
export function NotificationDialog({ initial, typeName, defaultName, onClose }: Props) {
  const [form, setForm] = useState(initial);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const errorOf = (field: string) => (error?.field === field ? error.message : null);
  const isNew = form.id === null;

  async function send(kind: 'save' | 'test') {
    setBusy(kind);
    setError(null);
    try {
      const payload = notificationPayload(form);
      if (kind === 'test') {
        showNotice('success', String((await request('testNotification', payload)).msg ?? ''));
      } else {
        await request('addNotification', payload, form.id);
        onClose();
      }
    } catch (failure) {
      const message = errorMessage(failure);
      setError({ field: notificationErrorField(message), message });
    } finally {
      setBusy(null);
    }
  }

  function changeType(type: string) {
    // A name still at its default follows the type, as in Kuma; a typed name stays.
    const name = isNew && form.name === defaultName(form.type) ? defaultName(type) : form.name;
    setForm({
      ...form,
      type,
      name,
      values: { ...valuesOfType(type, form.stored), ...form.values },
    });
  }

  function setValue(key: string, value: FieldValue) {
    setForm({ ...form, values: { ...form.values, [key]: value } });
  }

  const known = providerForm(form.type);
  const typeOptions = [
    ...PROVIDER_FORMS.map((p) => ({ value: p.type, label: typeName(p.type) })),
    ...(known ? [] : [{ value: form.type, label: s.unsupportedType(form.type) }]),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    void send('save');
  }

  return (
    <Modal
      title={isNew ? s.add : s.edit}
      open
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>{strings.common.cancel}</Button>
          <Button busy={busy === 'test'} onClick={() => void send('test')}>
            {s.test}
          </Button>
          <Button type="submit" form="notification-form" variant="primary" busy={busy === 'save'}>
            {strings.common.save}
          </Button>
        </>
      }
    >
      <form id="notification-form" className="stack" onSubmit={submit}>
        <SelectField
          label={s.type}
          value={form.type}
          options={typeOptions}
          error={errorOf('type')}
          hint={known ? undefined : s.unsupportedHint}
          onChange={(e) => changeType(e.target.value)}
        />
        <TextField
          label={s.name}
          required
          value={form.name}
          error={errorOf('name')}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        {known?.fields.map((field) => (
          <ProviderInput
            key={`${form.type}-${field.key}`}
            field={field}
            value={form.values[field.key] ?? ''}
            error={errorOf(field.key)}
            onChange={(value) => setValue(field.key, value)}
          />
        ))}
        <CheckboxField
          label={s.isDefaultLabel}
          hint={s.isDefaultHint}
          checked={form.isDefault}
          onChange={(e) => setForm({ ...form, isDefault: e.target.checked })}
        />
        <CheckboxField
          label={s.applyExisting}
          hint={s.applyExistingHint}
          checked={form.applyExisting}
          onChange={(e) => setForm({ ...form, applyExisting: e.target.checked })}
        />
        <FormError message={errorOf('form')} />
      </form>
    </Modal>
  );
}

function ProviderInput(props: {
  field: ProviderField;
  value: FieldValue;
  error: string | null;
  onChange: (value: FieldValue) => void;
}) {
  const { field, value, error, onChange } = props;
  const label = fieldLabel(field.key);
  const text = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'checkbox':
      return (
        <CheckboxField
          label={label}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    case 'select':
      return (
        <SelectField
          label={label}
          value={text}
          error={error}
          options={(field.options ?? []).map((option) => ({
            value: option,
            label: optionLabel(option),
          }))}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'textarea':
      return (
        <FieldFrame label={label} error={error}>
          {({ input, describedBy }) => (
            <textarea
              id={input}
              aria-describedby={describedBy}
              aria-invalid={Boolean(error)}
              rows={4}
              value={text}
              onChange={(e) => onChange(e.target.value)}
            />
          )}
        </FieldFrame>
      );
    default:
      return (
        <TextField
          label={label}
          required={field.required}
          type={field.kind === 'secret' ? 'password' : field.kind}
          autoComplete={field.kind === 'secret' ? 'new-password' : 'off'}
          value={text}
          error={error}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}
