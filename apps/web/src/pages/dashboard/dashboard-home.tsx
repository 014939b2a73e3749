import { Page } from '../../components/layout.js';
import { strings } from '../../strings.js';

/** `/dashboard` without a monitor chosen. */
export function DashboardHome() {
  return (
    <Page title={strings.dashboard.title}>
      <p>{strings.dashboard.intro}</p>
    </Page>
  );
}
