import { Page } from '../../components/layout.js';
import { strings } from '../../strings.js';

/** `/manage-status-page`: the tenant's status pages (web-admin fills it in). */
export function ManageStatusPagesPage() {
  return <Page title={strings.statusPages.title}>{strings.common.notBuiltYet}</Page>;
}
