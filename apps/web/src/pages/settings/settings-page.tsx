import { Page } from '../../components/layout.js';
import { strings } from '../../strings.js';

/** `/settings/*`: every settings section, routed inside this page (web-admin fills it in). */
export function SettingsPage() {
  return <Page title={strings.settings.title}>{strings.common.notBuiltYet}</Page>;
}
