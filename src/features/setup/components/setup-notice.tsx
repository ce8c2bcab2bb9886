import { Link } from 'react-router';
import { useSetupStatus } from '../api/get-setup-status.ts';

/** For the log-in page: on an installation with no account yet, the way to its first administrator. */
export function SetupNotice() {
  const required = useSetupStatus().data === true;
  if (!required) return null;
  return (
    <div className="space-y-1 rounded-md border-l-4 border-blue-800 bg-blue-50 p-4">
      <p className="font-semibold">This installation has no account yet.</p>
      <p>
        With the setup secret printed when the server first started, <Link to="/setup">create the first administrator</Link>.
      </p>
    </div>
  );
}
