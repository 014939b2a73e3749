import { useMemo, useState } from 'react';
import { Button } from '../../components/button.js';
import { CheckboxField, SelectField, TextField } from '../../components/field.js';
import { Row } from '../../components/layout.js';
import { useDashboard } from '../../lib/dashboard-client.js';
import { strings } from '../../strings.js';
import { moveItem, type GroupForm } from './status-page-form.js';

const s = strings.statusPages;
/** How many matches the monitor picker lists: enough to choose from, light at 5,000 monitors. */
const PICKER_LIMIT = 100;

interface Props {
  groups: GroupForm[];
  error: string | null;
  onChange: (groups: GroupForm[]) => void;
}

/** The page's groups and their monitors, ordered with buttons (keyboard-friendly, no drag needed). */
export function GroupEditor({ groups, error, onChange }: Props) {
  const setGroup = (index: number, group: GroupForm) =>
    onChange(groups.map((g, i) => (i === index ? group : g)));
  return (
    <fieldset className="stack group-editor">
      <legend>{s.groups}</legend>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {groups.length === 0 && <p>{s.noGroups}</p>}
      {groups.map((group, index) => (
        <div key={index} className="card stack">
          <TextField
            label={s.groupName(index + 1)}
            value={group.name}
            onChange={(e) => setGroup(index, { ...group, name: e.target.value })}
          />
          <Row>
            <Button
              disabled={index === 0}
              onClick={() => onChange(moveItem(groups, index, index - 1))}
            >
              {s.moveUp}
            </Button>
            <Button
              disabled={index === groups.length - 1}
              onClick={() => onChange(moveItem(groups, index, index + 1))}
            >
              {s.moveDown}
            </Button>
            <Button variant="danger" onClick={() => onChange(groups.filter((_, i) => i !== index))}>
              {s.removeGroup}
            </Button>
          </Row>
          <GroupMonitors group={group} onChange={(next) => setGroup(index, next)} />
        </div>
      ))}
      <Row>
        <Button
          onClick={() => onChange([...groups, { id: null, name: s.newGroupName, monitors: [] }])}
        >
          {s.addGroup}
        </Button>
      </Row>
    </fieldset>
  );
}

function GroupMonitors({
  group,
  onChange,
}: {
  group: GroupForm;
  onChange: (g: GroupForm) => void;
}) {
  const setMonitors = (monitors: GroupForm['monitors']) => onChange({ ...group, monitors });
  // Dragging reorders with the mouse; the arrow buttons do the same from the keyboard.
  const [dragged, setDragged] = useState<number | null>(null);
  return (
    <>
      {group.monitors.length === 0 ? (
        <p className="field-hint">{s.noMonitorsInGroup}</p>
      ) : (
        <ol className="group-monitors">
          {group.monitors.map((monitor, index) => (
            <li
              key={monitor.id}
              className="group-monitor"
              draggable
              onDragStart={() => setDragged(index)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => {
                if (dragged !== null) setMonitors(moveItem(group.monitors, dragged, index));
                setDragged(null);
              }}
            >
              <span className="group-monitor-name">{monitor.name}</span>
              <CheckboxField
                label={s.showUrl}
                checked={monitor.sendUrl}
                onChange={(e) =>
                  setMonitors(
                    group.monitors.map((m, i) =>
                      i === index ? { ...m, sendUrl: e.target.checked } : m,
                    ),
                  )
                }
              />
              <Row>
                <Button
                  aria-label={s.moveMonitorUp(monitor.name)}
                  disabled={index === 0}
                  onClick={() => setMonitors(moveItem(group.monitors, index, index - 1))}
                >
                  ↑
                </Button>
                <Button
                  aria-label={s.moveMonitorDown(monitor.name)}
                  disabled={index === group.monitors.length - 1}
                  onClick={() => setMonitors(moveItem(group.monitors, index, index + 1))}
                >
                  ↓
                </Button>
                <Button
                  variant="ghost"
                  aria-label={s.removeMonitor(monitor.name)}
                  onClick={() => setMonitors(group.monitors.filter((_, i) => i !== index))}
                >
                  {s.remove}
                </Button>
              </Row>
            </li>
          ))}
        </ol>
      )}
      <MonitorPicker
        exclude={group.monitors.map((m) => m.id)}
        onPick={(id, name) => setMonitors([...group.monitors, { id, name, sendUrl: false }])}
      />
    </>
  );
}

/** A search box and the matching monitors not in the group yet. */
export function MonitorPicker(props: {
  exclude: readonly number[];
  onPick: (id: number, name: string) => void;
}) {
  const monitors = useDashboard((state) => state.monitors);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState('');
  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const excluded = new Set(props.exclude);
    const found = [];
    for (const monitor of monitors.values()) {
      if (excluded.has(monitor.id) || !monitor.name.toLowerCase().includes(needle)) continue;
      found.push({ value: String(monitor.id), label: monitor.name });
      if (found.length === PICKER_LIMIT) break;
    }
    return found;
  }, [monitors, query, props.exclude]);
  const selected = matches.find((m) => m.value === chosen) ?? matches[0];
  return (
    <div className="picker">
      <TextField
        label={s.findMonitor}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <SelectField
        label={s.monitorToAdd}
        value={selected?.value ?? ''}
        options={matches.length ? matches : [{ value: '', label: s.noMatch, disabled: true }]}
        onChange={(e) => setChosen(e.target.value)}
      />
      <Button
        disabled={!selected}
        onClick={() => selected && props.onPick(Number(selected.value), selected.label)}
      >
        {s.addMonitor}
      </Button>
    </div>
  );
}
