import { Page } from '../../components/layout.js';
import { strings } from '../../strings.js';

/**
 * `/edit-status-page/:slug`: Kuma edits a status page on its public page; Watchpost's public
 * pages are server-rendered, so the editor lives here (web-admin fills it in).
 */
export function EditStatusPagePage() {
  return <Page title={strings.statusPages.editTitle}>{strings.common.notBuiltYet}</Page>;
}
