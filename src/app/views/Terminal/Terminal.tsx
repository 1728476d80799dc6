import '@xterm/xterm/css/xterm.css';
import './Terminal.css';
import { FitAddon } from '@xterm/addon-fit';
import type { ITheme } from '@xterm/xterm';
import { Terminal as XTerm } from '@xterm/xterm';
import { useEffect, useRef } from 'react';
import { pageHistory } from './history';
import type { Backend } from './shell';
import { Shell } from './shell';

/** What the page gives the terminal: how to run a line, completion data, and lines to auto-run. */
export interface TerminalProps {
  /** Runs one command line ("kubectl get pods", "sim node stop node-1") and resolves with what it printed (may be ''). */
  run(line: string): Promise<string>;
  /** Resolves with completion data: resource plural name → object names, e.g. { pods: ['web-1'], nodes: ['node-1'], deployments: ['web'] }. */
  names(): Promise<Record<string, string[]>>;
  /** Lines to type and run automatically, e.g. from a lesson's click-to-run action; each is run once when it appears. */
  queued?: { id: number; line: string }[];
}

// A calm light palette; minimumContrastRatio below keeps every colour legible on it (WCAG AA).
const THEME: ITheme = {
  background: '#fbfaf7',
  foreground: '#1f2328',
  cursor: '#1f2328',
  cursorAccent: '#fbfaf7',
  selectionBackground: '#c8dcf5',
  black: '#1f2328',
  red: '#b3261e',
  green: '#1a7f37',
  yellow: '#8a5a00',
  blue: '#0b57d0',
  magenta: '#8250df',
  cyan: '#0e7490',
  white: '#6e7781',
  brightBlack: '#57606a',
  brightWhite: '#8c959f',
};

// The system's monospace fonts only: nothing is downloaded.
const FONT_FAMILY =
  'ui-monospace, "SF Mono", SFMono-Regular, Menlo, Consolas, "Cascadia Mono", "Liberation Mono", "DejaVu Sans Mono", monospace';

/** Renders an interactive kubectl terminal that fills its container. */
export function Terminal({ run, names, queued }: TerminalProps) {
  const host = useRef<HTMLDivElement>(null);
  const shell = useRef<Shell | null>(null);
  const backend = useRef<Backend>({ run, names });
  // Queued ids that have started running; kept across remounts so a line never runs twice.
  const started = useRef(new Set<number>());

  useEffect(() => {
    backend.current = { run, names };
  }, [run, names]);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const term = new XTerm({
      theme: THEME,
      fontFamily: FONT_FAMILY,
      fontSize: 12.5,
      lineHeight: 1.2,
      cursorBlink: true,
      screenReaderMode: true,
      minimumContrastRatio: 4.5,
      scrollback: 5000,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    term.textarea?.setAttribute('aria-label', 'kubectl');
    fit.fit();
    const claim = (id: number) => {
      if (started.current.has(id)) return false;
      started.current.add(id);
      return true;
    };
    const current = new Shell(term, () => backend.current, pageHistory, claim);
    shell.current = current;
    const typing = term.onData((data) => current.input(data));
    const resize = new ResizeObserver(() => fit.fit());
    resize.observe(element);
    current.start();
    return () => {
      resize.disconnect();
      typing.dispose();
      current.dispose();
      shell.current = null;
      term.dispose();
    };
  }, []);

  useEffect(() => {
    for (const { id, line } of queued ?? [])
      if (!started.current.has(id)) shell.current?.queue(id, line);
  }, [queued]);

  return (
    <div className="wh-terminal">
      <div ref={host} className="wh-terminal__screen" />
    </div>
  );
}
