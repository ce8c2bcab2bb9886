import { Outlet } from 'react-router';
import { useFocusOnNavigate } from './use-focus-on-navigate.ts';

export function RootLayout() {
  useFocusOnNavigate();
  return <Outlet />;
}
