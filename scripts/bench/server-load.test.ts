import { describe, expect, it } from 'vitest';
import { predictedReadsPerSecond } from './server-load.ts';

describe('predictedReadsPerSecond (decision 0206)', () => {
  it('is bounded by the API cores while PostgreSQL has room', () => {
    // 0.2 ms per read in the API: one core serves 5,000 reads/s; PostgreSQL at 0.05 ms could serve 20,000.
    expect(predictedReadsPerSecond({ api: 0.2, db: 0.05 }, 1)).toBeCloseTo(5000);
    expect(predictedReadsPerSecond({ api: 0.2, db: 0.05 }, 2)).toBeCloseTo(10000);
  });

  it('stops growing once PostgreSQL saturates first', () => {
    // Two instances would serve 10,000 reads/s, one PostgreSQL core only 1000 / 0.125 = 8,000.
    expect(predictedReadsPerSecond({ api: 0.2, db: 0.125 }, 2)).toBeCloseTo(8000);
    expect(predictedReadsPerSecond({ api: 0.2, db: 0.125 }, 2, 2)).toBeCloseTo(10000);
  });

  it('shows a second instance that doubles the database cost per read as no scaling', () => {
    const one = predictedReadsPerSecond({ api: 0.2, db: 0.1 }, 1);
    const two = predictedReadsPerSecond({ api: 0.2, db: 0.2 }, 2);
    expect(two / one).toBeCloseTo(1);
  });
});
