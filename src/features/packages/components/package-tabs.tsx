import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

// The package page's two tabs, written out rather than React Aria's Tabs: its TabPanel watches
// its whole subtree (useHasTabbableChild) and after every change walks it calling
// checkVisibility(), which lays out the page inside the task that rendered more of a 2 MB
// document: up to 200 ms a time (decision 0187). The document always holds links, so the
// panel never needs the tabIndex that watch decides. The WAI-ARIA tabs pattern, as React Aria
// did it: automatic activation, arrow keys wrapping, Home and End, one Tab stop on the list.

export interface PackageTab<K extends string> {
  key: K;
  label: string;
  content: ReactNode;
  /** Kept in the document behind the other tab (hidden and inert), so its state survives. */
  keepMounted?: boolean;
}

interface Props<K extends string> {
  label: string;
  tabs: readonly PackageTab<K>[];
  selected: K;
  onSelect: (key: K) => void;
}

const tabClasses = 'cursor-pointer rounded-t-md border border-b-0 px-4 py-2 font-semibold outline-none focus-visible:outline-3 focus-visible:outline-[var(--color-focus)]';

export function PackageTabs<K extends string>({ label, tabs, selected, onSelect }: Props<K>) {
  const base = useId();
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const tabId = (key: K) => `${base}-tab-${key}`;
  const panelId = (key: K) => `${base}-panel-${key}`;

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    const tab = target === undefined ? undefined : tabs[target];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.key);
    buttons.current.get(tab.key)?.focus();
  };

  return (
    <div className="space-y-6">
      <div role="tablist" aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-300">
        {tabs.map((tab, index) => {
          const isSelected = tab.key === selected;
          return (
            <button
              key={tab.key}
              ref={(element) => {
                if (element) buttons.current.set(tab.key, element);
                else buttons.current.delete(tab.key);
              }}
              type="button"
              role="tab"
              id={tabId(tab.key)}
              aria-selected={isSelected}
              aria-controls={isSelected || tab.keepMounted ? panelId(tab.key) : undefined}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(tab.key)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`${tabClasses} ${isSelected ? '-mb-px border-slate-300 bg-white text-slate-900' : 'border-transparent text-blue-800 underline hover:bg-slate-100'}`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => {
        const isSelected = tab.key === selected;
        if (!isSelected && !tab.keepMounted) return null;
        return (
          <div key={tab.key} role="tabpanel" id={panelId(tab.key)} aria-labelledby={tabId(tab.key)} hidden={!isSelected} inert={!isSelected} className="space-y-8 outline-none">
            {tab.content}
          </div>
        );
      })}
    </div>
  );
}
