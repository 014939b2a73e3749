import { Route, Routes } from 'react-router';
import '../admin-pages.css';
import { MaintenanceEditor } from './maintenance-editor.js';
import { MaintenanceList } from './maintenance-list.js';

/** `/maintenance/*`: the list, `/maintenance/add` and `/maintenance/edit/:id`, routed here. */
export function MaintenancePage() {
  return (
    <Routes>
      <Route index element={<MaintenanceList />} />
      <Route path="add" element={<MaintenanceEditor />} />
      <Route path="edit/:id" element={<MaintenanceEditor />} />
      <Route path="*" element={<MaintenanceList />} />
    </Routes>
  );
}
