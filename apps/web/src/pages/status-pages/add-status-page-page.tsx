import { Page } from '../../components/layout.js';
import { strings } from '../../strings.js';

/** `/add-status-page` (web-admin fills it in). */
export function AddStatusPagePage() {
  return <Page title={strings.statusPages.addTitle}>{strings.common.notBuiltYet}</Page>;
}
