import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { SessionController } from '../../session/controller';
import { useThrottled } from '../useThrottled';
import { ClusterCanvas, wantsCanvas } from './ClusterCanvas';
import {
  type ClusterModel,
  type NodeCard,
  type PodTile,
  type PodTone,
  clusterModel,
} from './model';

/** Least real ms between two rebuilds of the view while hops stream in. */
const REBUILD_MS = 150;

/** What the cluster view needs from the page. */
export interface ClusterViewProps {
  session: SessionController;
  selected: string | undefined;
  onSelect(key: string): void;
}

const ICON: Record<PodTone, string> = { ok: '✓', progress: '◔', waiting: '…', bad: '✕', gone: '⤓' };

/** Shows nodes as cards with their pods, pods waiting for a node, and workloads by owner. */
export function ClusterView({ session, selected, onSelect }: ClusterViewProps) {
  const done = useThrottled(
    useStore(session.store, (s) => s.position.done),
    REBUILD_MS,
  );
  const revision = useStore(session.store, (s) => s.revision);
  const t = useStore(session.store, (s) => s.position.t);
  // The model changes only when hops arrive; the clock only ages what kubectl would print.
  const second = Math.floor(t / 1000);
  const model = useMemo(
    () => clusterModel(session.world.at(done), second * 1000),
    [session, done, revision, second],
  );
  if (wantsCanvas(model))
    return (
      <section className="cluster" aria-label="Cluster">
        <ClusterCanvas model={model} onSelect={onSelect} />
        <Workloads model={model} selected={selected} onSelect={onSelect} tile={() => null} />
      </section>
    );
  const tile = (p: PodTile) => (
    <Tile key={p.key} pod={p} selected={selected === p.key} onSelect={onSelect} />
  );
  return (
    <section className="cluster" aria-label="Cluster">
      <div className="nodes">
        {model.nodes.map((n) => (
          <NodeView
            key={n.key}
            node={n}
            selected={selected === n.key}
            onSelect={onSelect}
            tile={tile}
          />
        ))}
      </div>
      <div className="pending" aria-label="Pods waiting for a node">
        <h3>Pending — not yet on a node</h3>
        {model.pending.length === 0 ? (
          <p className="quiet">None</p>
        ) : (
          <div className="tiles">{model.pending.map(tile)}</div>
        )}
      </div>
      <Workloads model={model} selected={selected} onSelect={onSelect} tile={tile} />
    </section>
  );
}

function Workloads(props: {
  model: ClusterModel;
  selected: string | undefined;
  onSelect(key: string): void;
  tile(p: PodTile): React.ReactNode;
}) {
  const { model, selected, onSelect, tile } = props;
  return (
    <div className="workloads" aria-label="Workloads">
      <h3>Workloads</h3>
      {model.workloads.length === 0 && (
        <p className="quiet">Nothing deployed yet. Apply a Deployment to begin.</p>
      )}
      {model.workloads.map((w) => (
        <div key={w.key} className="workload">
          <button
            className="objlink"
            aria-pressed={selected === w.key}
            onClick={() => onSelect(w.key)}
          >
            {w.kind} <b>{w.name}</b> <span className="quiet">{w.summary}</span>
          </button>
          {w.replicaSets.map((rs) => (
            <div key={rs.key} className="rs">
              {rs.name && (
                <button
                  className="objlink"
                  aria-pressed={selected === rs.key}
                  onClick={() => onSelect(rs.key)}
                >
                  ReplicaSet <b>{rs.name}</b> <span className="quiet">{rs.summary}</span>
                </button>
              )}
              <div className="tiles">{rs.tiles.map(tile)}</div>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

function NodeView(props: {
  node: NodeCard;
  selected: boolean;
  onSelect(key: string): void;
  tile(p: PodTile): React.ReactNode;
}) {
  const { node } = props;
  return (
    <article
      className={`node ${node.ready ? 'ready' : 'notready'}`}
      aria-label={`Node ${node.name}, ${node.status}`}
    >
      <button
        className="objlink nodename"
        aria-pressed={props.selected}
        onClick={() => props.onSelect(node.key)}
      >
        <span aria-hidden="true">{node.ready ? '●' : '▲'}</span> {node.name}{' '}
        <span className="status">{node.status}</span>
      </button>
      <Bar
        label="CPU"
        used={node.cpu.used}
        total={node.cpu.total}
        text={`${node.cpu.used}m / ${node.cpu.total}m`}
      />
      <Bar
        label="Memory"
        used={node.memory.used}
        total={node.memory.total}
        text={`${mib(node.memory.used)} / ${mib(node.memory.total)}`}
      />
      <Bar
        label="Pods"
        used={node.pods.used}
        total={node.pods.total}
        text={`${node.pods.used} / ${node.pods.total}`}
      />
      {node.taints.length > 0 && (
        <ul className="taints" aria-label="Taints">
          {node.taints.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      {node.problems.length > 0 && <p className="problems">{node.problems.join(', ')}</p>}
      <div className="tiles">{node.tiles.map(props.tile)}</div>
    </article>
  );
}

function Bar({
  label,
  used,
  total,
  text,
}: {
  label: string;
  used: number;
  total: number;
  text: string;
}) {
  const pct = total > 0 ? Math.min(100, (100 * used) / total) : 0;
  return (
    <div
      className="bar"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={used}
      aria-valuetext={text}
    >
      <span className="barlabel">{label}</span>
      <span className="track">
        <span className="fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="bartext">{text}</span>
    </div>
  );
}

function Tile({
  pod,
  selected,
  onSelect,
}: {
  pod: PodTile;
  selected: boolean;
  onSelect(key: string): void;
}) {
  return (
    <button
      className={`pod ${pod.tone}`}
      aria-pressed={selected}
      onClick={() => onSelect(pod.key)}
      title={`${pod.name}: ${pod.status} (${pod.ready} ready)`}
      data-pod={pod.name}
      data-status={pod.status}
    >
      <span className="icon" aria-hidden="true">
        {ICON[pod.tone]}
      </span>
      <span className="podname">{pod.name}</span>
      <span className="podstatus">{pod.status}</span>
    </button>
  );
}

function mib(bytes: number): string {
  return bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(1)}Gi`
    : `${Math.round(bytes / 1024 ** 2)}Mi`;
}
