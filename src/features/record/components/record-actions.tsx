import { Link } from 'react-router';
import { buttonClasses } from '#src/components/ui/button.ts';
import { saveTextFile } from '../save-file.ts';

/** Download the record exactly as the server sent it, or print this page. */
export function RecordActions({ text, fileName }: { text: string; fileName: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3 print:hidden">
      <button type="button" className={buttonClasses.primary} onClick={() => saveTextFile(text, fileName)}>
        Download record (JSON)
      </button>
      <button type="button" className={buttonClasses.secondary} onClick={() => window.print()}>
        Print
      </button>
      <p className="text-sm text-slate-700">
        The file is signed by the server; anyone can check it offline with <code>npm run verify</code> or on the <Link to="/verify">Verify a record</Link> page.
      </p>
    </div>
  );
}
