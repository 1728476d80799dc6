import type { SchedulingRecord } from '../../worker/protocol';

/** The scheduler's last cycle for a pod: each node's filter verdicts and scores by plugin. */
export function SchedulingTable({ record }: { record: SchedulingRecord | undefined }) {
  if (!record)
    return <p className="quiet">The scheduler has not tried this pod yet (as of this moment).</p>;
  const r = record.result;
  const nodes = Object.keys(r.filter).sort((a, b) =>
    a.localeCompare(b, undefined, { numeric: true }),
  );
  const filterPlugins = [...new Set(nodes.flatMap((n) => Object.keys(r.filter[n] ?? {})))];
  const scorePlugins = [...new Set(Object.values(r.score).flatMap((s) => Object.keys(s)))];
  return (
    <div className="scheduling">
      <p>
        Attempt {r.attempt}: {r.outcome}
        {r.selectedNode ? ` on ${r.selectedNode}` : ''}. {r.evaluatedNodes} nodes examined,{' '}
        {r.feasibleNodes} feasible.
      </p>
      {r.message && <p className="message">{r.message}</p>}
      <div className="tablewrap">
        <table>
          <caption className="sr-only">Filter verdicts and scores per node</caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              {filterPlugins.map((p) => (
                <th scope="col" key={`f-${p}`} title="Filter">
                  {p}
                </th>
              ))}
              {scorePlugins.map((p) => (
                <th scope="col" key={`s-${p}`} title="Score (weighted)">
                  {p} score
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n} className={n === r.selectedNode ? 'chosen' : undefined}>
                <th scope="row">
                  {n}
                  {n === r.selectedNode ? ' ✓ chosen' : ''}
                </th>
                {filterPlugins.map((p) => {
                  const v = r.filter[n]?.[p];
                  return (
                    <td key={`f-${p}`}>
                      {v === undefined
                        ? '—'
                        : v.reasons.length === 0
                          ? 'pass'
                          : `✕ ${v.reasons.join('; ')}`}
                    </td>
                  );
                })}
                {scorePlugins.map((p) => (
                  <td key={`s-${p}`}>{r.score[n]?.[p]?.weighted ?? '—'}</td>
                ))}
                <td>{r.totals[n] ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
