import { NavLink, Outlet } from 'react-router';
import { Notices } from '../components/notices.js';
import { logout, useDashboard } from '../lib/dashboard-client.js';
import { strings } from '../strings.js';
import { ConnectionBanner } from './connection-banner.js';
import { PageSuspense } from './lazy-pages.js';
import { StatusCounts } from './status-counts.js';

/** Header (brand, counts, navigation, account), the connection banner and the page. */
export function AppLayout() {
  const username = useDashboard((s) => s.auth.username);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {strings.nav.skipToContent}
      </a>
      <header className="app-header">
        <NavLink to="/dashboard" className="brand">
          {strings.appName}
        </NavLink>
        <StatusCounts />
        <nav aria-label={strings.nav.main} className="app-nav">
          <NavLink to="/dashboard">{strings.nav.dashboard}</NavLink>
          <NavLink to="/add">{strings.nav.addMonitor}</NavLink>
          <NavLink to="/manage-status-page">{strings.nav.statusPages}</NavLink>
          <NavLink to="/maintenance">{strings.nav.maintenance}</NavLink>
          <NavLink to="/settings">{strings.nav.settings}</NavLink>
        </nav>
        <div className="account">
          {username && <span className="account-name">{strings.nav.signedInAs(username)}</span>}
          <button type="button" className="button button-ghost" onClick={() => void logout()}>
            {strings.nav.logout}
          </button>
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <PageSuspense>
          <Outlet />
        </PageSuspense>
      </main>
      <Notices />
    </div>
  );
}
