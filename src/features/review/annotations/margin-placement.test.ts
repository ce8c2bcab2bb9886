import { describe, expect, it } from 'vitest';
import { marginOffsets, stackTops } from './margin-placement.ts';

describe('marginOffsets', () => {
  it('puts each item level with its passage', () => {
    expect(marginOffsets([{ want: 120, height: 80 }, { want: 400, height: 50 }], 12)).toEqual([120, 400 - (200 + 12)]);
  });

  it('pushes an item down below the one before rather than overlapping it', () => {
    // The second passage is 10 px below the first, but the first card is 80 px tall.
    expect(marginOffsets([{ want: 100, height: 80 }, { want: 110, height: 40 }], 12)).toEqual([100, 0]);
  });

  it('lets an item with no passage follow the one before, and never moves an item up', () => {
    expect(marginOffsets([{ want: null, height: 60 }, { want: -30, height: 40 }, { want: 300.4, height: 10 }], 8)).toEqual([0, 0, 300 - (60 + 8 + 40 + 8)]);
  });
});

describe('stackTops', () => {
  it('sorts, and moves down a top too close to the one before', () => {
    expect(stackTops([100, 10, 110, 200], 28)).toEqual([10, 100, 128, 200]);
  });
});
