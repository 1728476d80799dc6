import { createStore } from 'zustand/vanilla';
import type { Position } from '../timeline/timeline';

/** Speeds the Speed control offers, slowest first. */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

/** What every view reads about playback; the session controller is its only writer. */
export interface PlaybackState {
  ready: boolean;
  /** A message for the student when the engine could not do something (shown, never thrown). */
  error: string | undefined;
  playing: boolean;
  speed: number;
  /** Display position of the playhead, and the range the timeline covers. */
  x: number;
  startX: number;
  endX: number;
  position: Position;
  /** Bumped whenever hops or writes are added or discarded, so derived views recompute. */
  revision: number;
  /** Hops recorded when boot settled; hop numbers count from here. */
  bootHops: number;
  components: string[];
  showHeartbeats: boolean;
  /** Set when the student went back in time; acting then forks the timeline. */
  rewound: boolean;
  /** A command or a fork is running in the engine. */
  busy: boolean;
}

/** Creates the playback store with nothing loaded. */
export function createPlaybackStore() {
  return createStore<PlaybackState>(() => ({
    ready: false,
    error: undefined,
    playing: true,
    speed: 1,
    x: 0,
    startX: 0,
    endX: 0,
    position: { t: 0, moment: undefined, progress: 1, done: 0 },
    revision: 0,
    bootHops: 0,
    components: [],
    showHeartbeats: false,
    rewound: false,
    busy: false,
  }));
}

/** The playback store's type. */
export type PlaybackStore = ReturnType<typeof createPlaybackStore>;
