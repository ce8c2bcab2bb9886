import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { emptyDraft } from '../template-draft.ts';
import { TemplateForm } from './template-form.tsx';

/** An administrator defines a template under a new key; it is published as version 1. */
export function NewTemplatePage() {
  usePageTitle('New workflow template');
  // One empty draft for the page's life (its step ids must not change on a re-render).
  const [initial] = useState(emptyDraft);
  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/templates">All workflow templates</Link>
      </p>
      <PageHeading>New workflow template</PageHeading>
      <p className="max-w-prose text-slate-700">
        A template is the approval chain for the risk tiers (and, if you name them, business lines) it covers. Packages submitted from then on follow it; a tier and business line can be covered by one template only.
      </p>
      <TemplateForm initial={initial} replacesVersion={0} cancelTo="/admin/templates" />
    </div>
  );
}
