import { useId, useState, type ChangeEvent, type DragEvent } from 'react';
import { buttonClasses } from '#src/components/ui/button.ts';

interface Props {
  onFile: (file: File) => void;
  disabled: boolean;
}

/**
 * Drop a file here, or choose one. The file input is the control (a keyboard reaches it with
 * Tab and opens it with Enter or Space; a screen reader hears its label); dropping is the
 * shortcut for a mouse.
 */
export function DropZone({ onFile, disabled }: Props) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again (after changing the trusted key) checks it again.
    event.target.value = '';
    if (file) onFile(file);
  };
  const over = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    if (!disabled) setDragging(true);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- dropping is a mouse shortcut; the file input inside is the control for everyone
    <div
      onDragOver={over}
      onDragEnter={over}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      data-testid="drop-zone"
      className={`flex flex-col items-center gap-3 rounded-md border-2 border-dashed p-8 text-center ${dragging ? 'border-blue-800 bg-blue-50' : 'border-slate-400 bg-white'}`}
    >
      <p className="text-slate-700">Drop an approval record (.json) here, or</p>
      <input id={id} type="file" accept="application/json,.json" className="peer sr-only" onChange={choose} disabled={disabled} />
      <label
        htmlFor={id}
        className={`${buttonClasses.primary} cursor-pointer peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-700 peer-disabled:cursor-not-allowed peer-disabled:opacity-70`}
      >
        Choose a record file
      </label>
    </div>
  );
}
