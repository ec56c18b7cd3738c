// The old name of run-plan.ts, until src/build imports it by its new one.
export { pageCap } from './run-plan.ts';
