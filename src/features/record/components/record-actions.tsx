import { Link } from 'react-router';
import { apiPath, routes } from '#api/routes.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { saveTextFile } from '../save-file.ts';

/** Download the record exactly as the server sent it, or as a signed PDF (the server signs it anew), or print this page. */
export function RecordActions({ text, fileName, packageId }: { text: string; fileName: string; packageId: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3 print:hidden">
      <button type="button" className={buttonClasses.primary} onClick={() => saveTextFile(text, fileName)}>
        Download record (JSON)
      </button>
      <a className={buttonClasses.secondary} href={apiPath(routes.exportRecordPdf.path, { id: packageId })} download>
        Download signed PDF
      </a>
      <button type="button" className={buttonClasses.secondary} onClick={() => window.print()}>
        Print
      </button>
      <p className="text-sm text-slate-700">
        The file is signed by the server; anyone can check it offline with <code>npm run verify</code> or on the <Link to="/verify">Verify a record</Link> page. The PDF (PDF/A-3b,
        signed PAdES B-B) carries the record as an attachment and opens in any PDF reader; <code>pdfsig</code> checks its signature.
      </p>
    </div>
  );
}
