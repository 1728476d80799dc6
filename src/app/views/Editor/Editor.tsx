export interface EditorFile {
  name: string;
  text: string;
}
export interface EditorMarker {
  line: number;
  column: number;
  message: string;
}
export interface EditorProps {
  files: EditorFile[];
  active: number;
  markers: EditorMarker[];
  onChange(files: EditorFile[], active: number): void;
  onApply(text: string): void;
}

/** Temporary plain editor until the Monaco editor lands. */
export function Editor({ files, active, markers, onChange, onApply }: EditorProps) {
  const file = files[active] ?? { name: 'untitled.yaml', text: '' };
  return (
    <div className="editor">
      <textarea
        aria-label="YAML editor"
        value={file.text}
        spellCheck={false}
        onChange={(e) =>
          onChange(
            files.map((f, i) => (i === active ? { ...f, text: e.target.value } : f)),
            active,
          )
        }
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onApply(file.text);
        }}
      />
      <button className="primary" onClick={() => onApply(file.text)}>
        Apply
      </button>
      {markers.map((m) => (
        <p key={`${m.line}:${m.column}`} className="marker">
          {m.line}:{m.column} {m.message}
        </p>
      ))}
    </div>
  );
}
