// A lifecycle is a set of states and the transitions allowed between them. Every aggregate's
// status.ts defines one; api, workflows and activities all check changes through it.
import { DomainError } from './errors.js';

export interface Lifecycle<S extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly initial: S;
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  canTransition(from: S, to: S): boolean;
  assertTransition(from: S, to: S): void;
  isTerminal(state: S): boolean;
}

export function defineLifecycle<const S extends string>(
  name: string,
  states: readonly S[],
  initial: NoInfer<S>,
  transitions: Readonly<Record<NoInfer<S>, readonly NoInfer<S>[]>>,
): Lifecycle<S> {
  return {
    name,
    states,
    initial,
    transitions,
    canTransition: (from, to) => transitions[from].includes(to),
    assertTransition(from, to) {
      if (!transitions[from].includes(to)) throw new DomainError('ILLEGAL_TRANSITION', `A ${name} cannot go from ${from} to ${to}`);
    },
    isTerminal: (state) => transitions[state].length === 0,
  };
}
