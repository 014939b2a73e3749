import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { PageSuspense, prefetchMonitorPage } from '../../app/lazy-pages.js';
import { MonitorList } from './monitor-list.js';

/** Kuma's dashboard: the monitor list on the left, the chosen page on the right. */
export function DashboardLayout() {
  useEffect(prefetchMonitorPage, []);
  return (
    <div className="dashboard">
      <MonitorList />
      <div className="dashboard-detail">
        <PageSuspense>
          <Outlet />
        </PageSuspense>
      </div>
    </div>
  );
}
