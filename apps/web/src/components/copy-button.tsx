import { useState } from 'react';
import { strings } from '../strings.js';
import { Button } from './button.js';

interface CopyButtonProps {
  text: string;
  /** The button's text; "Copy" when omitted. Say what is copied ("Copy URL"). */
  label?: string;
}

/** Copies `text` to the clipboard and says so in the button for two seconds. */
export function CopyButton({ text, label = strings.common.copy }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  }
  return (
    <>
      <Button onClick={() => void copy()}>
        {state === 'copied' ? strings.common.copied : label}
      </Button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? strings.common.copied : ''}
      </span>
      {state === 'failed' && <span className="field-error">{strings.common.copyFailed}</span>}
    </>
  );
}
