// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EditableRows } from './editable-rows.tsx';

afterEach(cleanup);

interface Row {
  uid: string;
  name: string;
}

let next = 0;
function Harness({ initial, listError }: { initial: Row[]; listError?: string }) {
  const [rows, setRows] = useState(initial);
  return (
    <>
      <EditableRows
        headingId="things-heading"
        title="Things"
        explanation="Each thing the policy needs."
        listError={listError}
        rows={rows}
        onChange={setRows}
        gridClassName="sm:grid-cols-2"
        itemName={(i) => `thing ${i + 1}`}
        addLabel="Add a thing"
        newRow={() => ({ uid: `new-${(next += 1)}`, name: '' })}
      >
        {(row, i, update) => (
          <label>
            Thing {i + 1}
            <input value={row.name} onChange={(e) => update({ name: e.target.value })} />
          </label>
        )}
      </EditableRows>
      <output aria-label="state">{JSON.stringify(rows)}</output>
    </>
  );
}

// jsdom's name computation drops the space before the visually hidden words ("Removething 1"); Chromium keeps it.
const removeButton = (n: number) => screen.getByRole('button', { name: new RegExp(`^Remove ?thing ${n}$`) });
const state = () => JSON.parse(screen.getByRole('status', { name: 'state' }).textContent) as Row[];

describe('a list of editable rows', () => {
  it('is a section named by its heading, each row removable by a button naming it', () => {
    render(<Harness initial={[{ uid: 'a', name: 'first' }, { uid: 'b', name: 'second' }]} />);
    expect(screen.getByRole('region', { name: 'Things' })).toHaveTextContent('Each thing the policy needs.');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(removeButton(1));
    expect(state()).toEqual([{ uid: 'b', name: 'second' }]);
    expect(screen.getByLabelText('Thing 1')).toHaveValue('second');
  });

  it('changes only the row edited, and adds a new row at the end', () => {
    render(<Harness initial={[{ uid: 'a', name: 'first' }, { uid: 'b', name: 'second' }]} />);
    fireEvent.change(screen.getByLabelText('Thing 2'), { target: { value: 'changed' } });
    expect(state()).toEqual([{ uid: 'a', name: 'first' }, { uid: 'b', name: 'changed' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Add a thing' }));
    expect(state()).toHaveLength(3);
    expect(state()[2]?.name).toBe('');
    expect(removeButton(3)).toBeInTheDocument();
  });

  it('shows a problem with the list as a whole', () => {
    render(<Harness initial={[]} listError="Add at least one thing" />);
    expect(screen.getByRole('region', { name: 'Things' })).toHaveTextContent('Add at least one thing');
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });
});
