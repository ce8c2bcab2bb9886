import type { Threshold } from '../contracts/sections.ts';

/**
 * Whether the owner's declared threshold lets through some value the policy's refuses. Both are
 * half-lines on the number line: the owner's is weaker when it points the other way, or points
 * the same way from a laxer bound (an equal bound is weaker only when the owner includes it and
 * the policy does not).
 */
export function ownerThresholdIsWeaker(owner: Threshold, policy: Threshold): boolean {
  const ownerUp = owner.operator === '>=' || owner.operator === '>';
  const policyUp = policy.operator === '>=' || policy.operator === '>';
  if (ownerUp !== policyUp) return true;
  if (owner.value !== policy.value) return ownerUp ? owner.value < policy.value : owner.value > policy.value;
  const ownerInclusive = owner.operator === '>=' || owner.operator === '<=';
  const policyInclusive = policy.operator === '>=' || policy.operator === '<=';
  return ownerInclusive && !policyInclusive;
}
