// Tab operations on the editor's files, pure so the component only wires them to clicks.
//   [TAB1] a new tab is empty, named untitled.yaml (then untitled-2.yaml, …), and becomes active.
//   [TAB2] closing a tab activates the one that takes its place, else the one before it; the
//          last tab cannot be closed, so there is always a file to Apply.
//   [TAB3] a rename is trimmed, an empty name keeps the old one, and a taken name gets a suffix.

/** A file in a tab: the same shape as the editor's EditorFile. */
export interface TabFile {
  name: string;
  text: string;
}

/** The editor's files and which one is active. */
export interface Tabs {
  files: TabFile[];
  active: number;
}

/** Returns `wanted`, or `wanted` with -2, -3, … before its extension if another tab has it. */
export function uniqueName(taken: readonly string[], wanted: string): string {
  if (!taken.includes(wanted)) return wanted;
  const dot = wanted.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
  for (let n = 2; ; n++) {
    const name = `${stem}-${n}${ext}`;
    if (!taken.includes(name)) return name;
  }
}

/** Adds an empty tab after the others and activates it. */
export function addTab(tabs: Tabs): Tabs {
  const name = uniqueName(
    tabs.files.map((f) => f.name),
    'untitled.yaml',
  );
  return { files: [...tabs.files, { name, text: '' }], active: tabs.files.length };
}

/** Closes the tab at `index`, keeping the active tab the same file where it can. */
export function closeTab(tabs: Tabs, index: number): Tabs {
  if (tabs.files.length <= 1 || index < 0 || index >= tabs.files.length) return tabs;
  const files = tabs.files.filter((_, i) => i !== index);
  let active = tabs.active;
  if (index < active) active -= 1;
  else if (index === active) active = Math.min(index, files.length - 1);
  return { files, active };
}

/** Renames the tab at `index`. */
export function renameTab(tabs: Tabs, index: number, wanted: string): Tabs {
  const file = tabs.files[index];
  const trimmed = wanted.trim();
  if (!file || trimmed === '' || trimmed === file.name) return tabs;
  const others = tabs.files.filter((_, i) => i !== index).map((f) => f.name);
  const name = uniqueName(others, trimmed);
  return { ...tabs, files: tabs.files.map((f, i) => (i === index ? { ...f, name } : f)) };
}

/** Replaces the active file's text. */
export function editActive(tabs: Tabs, text: string): Tabs {
  if (tabs.files[tabs.active]?.text === text) return tabs;
  return { ...tabs, files: tabs.files.map((f, i) => (i === tabs.active ? { ...f, text } : f)) };
}

/** Returns the index of the tab an arrow, Home or End key moves to from `index`. */
export function tabAfterKey(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

/** Returns a stable key per tab for its editor model: its name, or name#index if names repeat. */
export function tabKeys(files: readonly TabFile[]): string[] {
  const names = files.map((f) => f.name);
  return names.map((name, i) =>
    names.indexOf(name) === names.lastIndexOf(name) ? name : `${name}#${i}`,
  );
}
