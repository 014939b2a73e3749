import { Page } from '../../components/layout.js';
import { strings } from '../../strings.js';

/** `/maintenance/*`: the list and its editors, routed inside this page (web-admin fills it in). */
export function MaintenancePage() {
  return <Page title={strings.maintenance.title}>{strings.common.notBuiltYet}</Page>;
}
