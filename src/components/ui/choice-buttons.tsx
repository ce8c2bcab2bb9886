import { buttonClasses } from './button.ts';

interface Props<T extends string> {
  /** The choices in order; the first is the primary one. */
  choices: readonly T[];
  labels: Record<T, string>;
  onChoose: (choice: T) => void;
}

/** A row of buttons, one per move the viewer may make, each opening that move's form. */
export function ChoiceButtons<T extends string>({ choices, labels, onChoose }: Props<T>) {
  return (
    <div className="flex flex-wrap gap-2">
      {choices.map((choice, index) => (
        <button key={choice} type="button" className={index === 0 ? buttonClasses.primary : buttonClasses.secondary} onClick={() => onChoose(choice)}>
          {labels[choice]}
        </button>
      ))}
    </div>
  );
}
