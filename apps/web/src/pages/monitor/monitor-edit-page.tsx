import { Page } from '../../components/layout.js';
import { strings } from '../../strings.js';

/** `/add`, `/edit/:id` and `/clone/:id` (web-monitor fills this page in). */
export function MonitorEditPage({ mode }: { mode: 'add' | 'edit' | 'clone' }) {
  const title = {
    add: strings.monitor.addTitle,
    edit: strings.monitor.editTitle,
    clone: strings.monitor.cloneTitle,
  }[mode];
  return <Page title={title}>{strings.common.notBuiltYet}</Page>;
}
