// The editor is controlled: each edit goes up through onChange and comes back down as props.
// Props can lag the editor by a keystroke or two (React renders after the next key lands), so a
// text that comes back must not be written over newer typing.
//   [ECH1] a text the editor reported comes back as an echo, and is not applied.
//   [ECH2] once props catch up with the editor, the record is cleared, so a later change from
//          outside is applied even if it repeats an old text.

/** Remembers the texts one editor model reported until props catch up with it. */
export class EchoFilter {
  private sent: string[] = [];

  /** Records a text the editor reported through onChange. */
  report(text: string): void {
    this.sent.push(text);
    // Props never lag by more than a few renders; a bound keeps a stalled parent from leaking.
    if (this.sent.length > 64) this.sent.shift();
  }

  /** Says whether `incoming` from props should be written into a model showing `current`. */
  shouldApply(incoming: string, current: string): boolean {
    if (incoming === current) {
      this.sent = [];
      return false;
    }
    const i = this.sent.lastIndexOf(incoming);
    if (i < 0) return true;
    this.sent.splice(0, i + 1);
    return false;
  }
}
