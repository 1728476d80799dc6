import { useStore } from 'zustand';
import type { SessionController } from '../../session/controller';
import { SPEEDS } from '../../state/playback';
import { formatClock } from './clock';

/** Play/Pause, Step back, Step, the Speed control and the Timeline slider. */
export function TimeControls({ session }: { session: SessionController }) {
  const s = useStore(session.store);
  const hop = Math.max(0, s.position.done - s.bootHops);
  return (
    <div className="timecontrols" role="group" aria-label="Time">
      <button
        onClick={() => session.stepBack()}
        aria-keyshortcuts="ArrowLeft"
        title="Step back (←)"
      >
        <span aria-hidden="true">◂ </span>Step back
      </button>
      <button
        onClick={() => (s.playing ? session.pause() : session.play())}
        aria-keyshortcuts="Space"
        title={s.playing ? 'Pause (Space)' : 'Play (Space)'}
        className="primary"
      >
        {s.playing ? 'Pause' : 'Play'}
      </button>
      <button
        onClick={() => void session.step()}
        aria-keyshortcuts="ArrowRight"
        title="Step one moment (→)"
      >
        Step<span aria-hidden="true"> ▸</span>
      </button>
      <label className="speed">
        Speed
        <select value={s.speed} onChange={(e) => session.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
      <input
        type="range"
        className="scrubber"
        aria-label="Timeline"
        min={s.startX}
        max={Math.max(s.startX, s.endX)}
        step="any"
        value={s.x}
        aria-valuetext={`message ${hop}, ${formatClock(s.position.t)}`}
        onChange={(e) => {
          session.pause();
          session.seek(Number(e.target.value));
        }}
      />
      <span className="clock" aria-label="Virtual time">
        {formatClock(s.position.t)}
      </span>
      <label className="heartbeats">
        <input
          type="checkbox"
          checked={s.showHeartbeats}
          onChange={(e) => session.setShowHeartbeats(e.target.checked)}
        />
        Show heartbeats
      </label>
    </div>
  );
}
