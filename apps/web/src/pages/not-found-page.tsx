import { Link } from 'react-router';
import { Page } from '../components/layout.js';
import { strings } from '../strings.js';

export function NotFoundPage() {
  return (
    <Page title={strings.notFound.title}>
      <Link to="/dashboard">{strings.notFound.back}</Link>
    </Page>
  );
}
