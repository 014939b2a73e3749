import { lazy, Suspense, type ReactNode } from 'react';
import { strings } from '../strings.js';

/**
 * The pages that are not on the first screen (login → monitor list), each its own chunk, so
 * the main one stays small: settings, status pages, maintenance, the monitor form and the
 * monitor page (its chart library and badge builder).
 */
export const loadMonitorPage = () => import('../pages/monitor/monitor-page.js');

export const MonitorPage = lazy(async () => ({ default: (await loadMonitorPage()).MonitorPage }));
export const MonitorEditPage = lazy(async () => ({
  default: (await import('../pages/monitor/monitor-edit-page.js')).MonitorEditPage,
}));
export const SettingsPage = lazy(async () => ({
  default: (await import('../pages/settings/settings-page.js')).SettingsPage,
}));
export const ManageStatusPagesPage = lazy(async () => ({
  default: (await import('../pages/status-pages/manage-status-pages-page.js'))
    .ManageStatusPagesPage,
}));
export const AddStatusPagePage = lazy(async () => ({
  default: (await import('../pages/status-pages/add-status-page-page.js')).AddStatusPagePage,
}));
export const EditStatusPagePage = lazy(async () => ({
  default: (await import('../pages/status-pages/edit-status-page-page.js')).EditStatusPagePage,
}));
export const MaintenancePage = lazy(async () => ({
  default: (await import('../pages/maintenance/maintenance-page.js')).MaintenancePage,
}));

/** Where a lazy page shows "Loading…" while its chunk arrives (navigations keep the old page). */
export function PageSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          {strings.common.loading}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

/**
 * Fetches the monitor page's chunk once the browser is idle after the list showed, so the
 * first click on a monitor does not wait for it.
 */
export function prefetchMonitorPage(): () => void {
  const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 500));
  const cancel = window.cancelIdleCallback ?? clearTimeout;
  const handle = idle(() => void loadMonitorPage().catch(() => undefined));
  return () => cancel(handle);
}
