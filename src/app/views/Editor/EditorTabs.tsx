import { useRef, useState, type KeyboardEvent } from 'react';
import { tabAfterKey, type TabFile } from './tabs';
import styles from './Editor.module.css';

/** Says what the tab strip shows and how it reports a choice. */
export interface EditorTabsProps {
  files: TabFile[];
  active: number;
  onSelect(index: number): void;
  onClose(index: number): void;
  onRename(index: number, name: string): void;
  onAdd(): void;
}

/** Renders the file tabs: click to switch, double-click or F2 to rename, Delete or × to close. */
export function EditorTabs({ files, active, onSelect, onClose, onRename, onAdd }: EditorTabsProps) {
  const [renaming, setRenaming] = useState<number | undefined>(undefined);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const closable = files.length > 1;

  const focusTab = (index: number) => {
    onSelect(index);
    // The button exists already: only its selection changes.
    tabRefs.current[index]?.focus();
  };

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const next = tabAfterKey(event.key, index, files.length);
    if (next !== undefined) {
      event.preventDefault();
      focusTab(next);
    } else if (event.key === 'F2') {
      event.preventDefault();
      setRenaming(index);
    } else if (event.key === 'Delete' && closable) {
      event.preventDefault();
      onClose(index);
    }
  };

  return (
    <div className={styles.tabs}>
      <ul className={styles.tabList} aria-label="Files">
        {files.map((file, index) => (
          <li key={index} className={styles.tab} data-active={index === active || undefined}>
            {renaming === index ? (
              <RenameInput
                name={file.name}
                onDone={(name) => {
                  setRenaming(undefined);
                  if (name !== undefined) onRename(index, name);
                  requestAnimationFrame(() => tabRefs.current[index]?.focus());
                }}
              />
            ) : (
              <button
                type="button"
                ref={(el) => {
                  tabRefs.current[index] = el;
                }}
                className={styles.tabName}
                aria-current={index === active ? 'true' : undefined}
                title="Double-click or F2 to rename"
                onClick={() => onSelect(index)}
                onDoubleClick={() => setRenaming(index)}
                onKeyDown={(e) => onTabKey(e, index)}
              >
                {file.name}
              </button>
            )}
            {closable && (
              <button
                type="button"
                className={styles.tabClose}
                aria-label={`Close ${file.name}`}
                title={`Close ${file.name}`}
                onClick={() => onClose(index)}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={styles.tabAdd}
        aria-label="New file"
        title="New file"
        onClick={onAdd}
      >
        +
      </button>
    </div>
  );
}

function RenameInput({ name, onDone }: { name: string; onDone(name: string | undefined): void }) {
  const done = useRef(false);
  const finish = (value: string | undefined) => {
    if (done.current) return;
    done.current = true;
    onDone(value);
  };
  return (
    <input
      className={styles.renameInput}
      aria-label={`Rename ${name}`}
      defaultValue={name}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onBlur={(e) => finish(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(e.currentTarget.value);
        else if (e.key === 'Escape') finish(undefined);
      }}
      size={Math.max(8, name.length)}
    />
  );
}
