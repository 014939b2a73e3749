import { useParams } from 'react-router';
import { Page } from '../../components/layout.js';
import { useDashboard } from '../../lib/dashboard-client.js';
import { strings } from '../../strings.js';

/** `/dashboard/:id`: one monitor's details (web-monitor fills this page in). */
export function MonitorPage() {
  const id = Number(useParams().id);
  const monitor = useDashboard((s) => s.monitors.get(id));
  if (!monitor) return <Page title={strings.monitor.title}>{strings.monitor.notFound}</Page>;
  return <Page title={monitor.name}>{strings.common.notBuiltYet}</Page>;
}
