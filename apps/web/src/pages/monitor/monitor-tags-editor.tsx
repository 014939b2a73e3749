import { useState } from 'react';
import { Button } from '../../components/button.js';
import { SelectField, TextField } from '../../components/field.js';
import { strings } from '../../strings.js';
import type { FormTag } from './monitor-form.js';

export interface TagChoice {
  id: number;
  name: string;
  color: string;
}

const t = strings.monitor.form;

/** The monitor's tags: remove one, or add one of the tenant's tags with a value. */
export function MonitorTagsEditor({
  tags,
  choices,
  onChange,
}: {
  tags: readonly FormTag[];
  choices: readonly TagChoice[];
  onChange: (tags: FormTag[]) => void;
}) {
  const [tagId, setTagId] = useState('');
  const [value, setValue] = useState('');
  const chosen = choices.find((c) => String(c.id) === tagId);

  return (
    <fieldset className="fieldset">
      <legend>{t.tags}</legend>
      {tags.length === 0 ? (
        <p className="field-hint">{t.noTags}</p>
      ) : (
        <ul className="tag-list">
          {tags.map((tag, index) => (
            <li key={`${tag.tag_id}:${tag.value}:${index}`} className="tag-chip">
              <span className="tag-swatch" style={{ background: tag.color }} aria-hidden="true" />
              {tag.value ? `${tag.name}: ${tag.value}` : tag.name}
              <Button
                variant="ghost"
                aria-label={t.removeTag(tag.name)}
                onClick={() => onChange(tags.filter((_, i) => i !== index))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      {choices.length > 0 && (
        <div className="row">
          <SelectField
            label={t.tag}
            value={tagId}
            onChange={(e) => setTagId(e.target.value)}
            options={[
              { value: '', label: '–' },
              ...choices.map((c) => ({ value: String(c.id), label: c.name })),
            ]}
          />
          <TextField label={t.tagValue} value={value} onChange={(e) => setValue(e.target.value)} />
          <Button
            disabled={!chosen}
            onClick={() => {
              if (!chosen) return;
              onChange([
                ...tags,
                { tag_id: chosen.id, name: chosen.name, color: chosen.color, value },
              ]);
              setValue('');
            }}
          >
            {t.addTag}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
