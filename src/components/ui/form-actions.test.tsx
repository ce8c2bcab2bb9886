// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChoiceButtons } from './choice-buttons.tsx';
import { FormActions } from './form-actions.tsx';

afterEach(cleanup);

describe('a small form’s footer and its choices', () => {
  it('submits with its words, says Saving… and cannot be pressed again while pending; Cancel cancels', () => {
    const onCancel = vi.fn();
    const { rerender } = render(<FormActions submit="Record fulfilment" pending={false} onCancel={onCancel} />);
    expect(screen.getByRole('button', { name: 'Record fulfilment' })).toHaveAttribute('type', 'submit');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
    rerender(<FormActions submit="Record fulfilment" pending onCancel={onCancel} />);
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    rerender(<FormActions submit="Roll back the approval" pending pendingLabel="Rolling back…" onCancel={onCancel} />);
    expect(screen.getByRole('button', { name: 'Rolling back…' })).toBeDisabled();
  });

  it('offers one button per choice, the first as the primary one, and names the one chosen', () => {
    const onChoose = vi.fn();
    render(<ChoiceButtons choices={['confirmed', 'open'] as const} labels={{ confirmed: 'Confirm fulfilment', open: 'Send back' }} onChoose={onChoose} />);
    const [first, second] = screen.getAllByRole('button');
    expect(first).toHaveTextContent('Confirm fulfilment');
    expect(first?.className).not.toBe(second?.className);
    fireEvent.click(screen.getByRole('button', { name: 'Send back' }));
    expect(onChoose).toHaveBeenCalledWith('open');
  });
});
