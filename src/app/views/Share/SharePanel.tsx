import { useRef, useState } from 'react';
import { readSessionFile, sessionFileText, SESSION_FILE_EXTENSION } from '../../persistence/file';
import type { SessionController } from '../../session/controller';
import { currentSession, restore, shareLink } from '../../session/persist';
import type { EditorStore } from '../../state/editor';

/** Share (a link), Save (a session file) and Open (a session file) for the header. */
export function SharePanel({
  session,
  editor,
  warn,
}: {
  session: SessionController;
  editor: EditorStore;
  warn(message: string): void;
}) {
  const [link, setLink] = useState<string | undefined>(undefined);
  const [note, setNote] = useState<string | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);

  const share = () => {
    const outcome = shareLink(session, editor);
    if (outcome.ok) {
      setLink(outcome.url);
      setNote(undefined);
      navigator.clipboard?.writeText(outcome.url).then(
        () => setNote('Link copied.'),
        () => setNote('Copy the link from the box.'),
      );
    } else {
      setLink(undefined);
      setNote(outcome.message);
    }
  };
  const save = () => {
    const blob = new Blob([sessionFileText(currentSession(session, editor))], {
      type: 'application/json',
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `session${SESSION_FILE_EXTENSION}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const open = async (file: File | undefined) => {
    if (!file) return;
    const parsed = await readSessionFile(file);
    if (parsed.ok) await restore(session, editor, parsed.session);
    else warn(parsed.error);
  };

  return (
    <div className="share">
      <button onClick={share}>Share</button>
      <button onClick={save}>Save file</button>
      <button onClick={() => fileInput.current?.click()}>Open file</button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Open a session file"
        onChange={(e) => {
          void open(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {(link || note) && (
        <div className="sharebox" role="status">
          {link && (
            <input
              readOnly
              aria-label="Share link"
              value={link}
              onFocus={(e) => e.target.select()}
            />
          )}
          {note && <span>{note}</span>}
          <button aria-label="Close" onClick={() => (setLink(undefined), setNote(undefined))}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
