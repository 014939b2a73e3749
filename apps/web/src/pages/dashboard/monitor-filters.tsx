import { memo } from 'react';
import { SelectField, TextField } from '../../components/field.js';
import type { DisplayStatus } from '../../lib/format.js';
import type { MonitorFilter } from '../../lib/monitor-filters.js';
import { strings } from '../../strings.js';

const STATUSES: DisplayStatus[] = ['up', 'down', 'pending', 'maintenance', 'paused', 'unknown'];

interface MonitorFiltersProps {
  filter: MonitorFilter;
  onChange: (filter: MonitorFilter) => void;
  tags: readonly { tagId: number; name: string }[];
  types: readonly string[];
}

/** The list's search box and its status, tag and type filters; memoised, as scrolling re-renders the list. */
export const MonitorFilters = memo(function MonitorFilters({
  filter,
  onChange,
  tags,
  types,
}: MonitorFiltersProps) {
  return (
    <div className="monitor-filters" role="search" aria-label={strings.list.filters}>
      <TextField
        label={strings.list.search}
        type="search"
        placeholder={strings.list.searchPlaceholder}
        value={filter.search}
        onChange={(e) => onChange({ ...filter, search: e.target.value })}
      />
      <div className="filter-selects">
        <SelectField
          label={strings.list.filterStatus}
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: e.target.value as DisplayStatus | '' })}
          options={[
            { value: '', label: strings.list.any },
            ...STATUSES.map((s) => ({ value: s, label: strings.status[s] })),
          ]}
        />
        <SelectField
          label={strings.list.filterTag}
          value={filter.tagId === null ? '' : String(filter.tagId)}
          onChange={(e) =>
            onChange({ ...filter, tagId: e.target.value === '' ? null : Number(e.target.value) })
          }
          options={[
            { value: '', label: strings.list.any },
            ...tags.map((t) => ({ value: String(t.tagId), label: t.name })),
          ]}
        />
        <SelectField
          label={strings.list.filterType}
          value={filter.type}
          onChange={(e) => onChange({ ...filter, type: e.target.value })}
          options={[
            { value: '', label: strings.list.any },
            ...types.map((t) => ({ value: t, label: t })),
          ]}
        />
      </div>
    </div>
  );
});
