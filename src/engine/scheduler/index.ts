// The kube-scheduler's public surface: the factory, the component, and what the view reads.

export { createScheduler, Scheduler, SCHEDULER } from './scheduler';
export type { SchedulerConfig } from './config';
export type { FilterResult, PodSchedulingResult, ScoreResult } from './results/resultStore';
