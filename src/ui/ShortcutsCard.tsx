import { useEffect, useRef } from 'react';
import { useGradflow } from '../store/hooks';
import { selectActions } from '../store/selectors';

const KEYS: [string, string][] = [
  ['Space', 'Play / pause'],
  ['→  PageDown', 'Step forward (presenter clickers send PageDown)'],
  ['←  PageUp', 'Step back'],
  ['Home', 'Restart'],
  ['End', 'Jump to the end'],
  ['p', 'Projector mode on / off'],
  ['f', 'Fullscreen'],
  ['q', 'Quiz mode on / off'],
  ['?', 'This card'],
  ['Esc', 'Close this card; leave projector mode'],
];

/** The keyboard shortcuts, as a modal card (its code is fetched the first time it is opened). */
export function ShortcutsCard() {
  const { setShortcuts } = useGradflow(selectActions);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
  }, []);
  return (
    <div className="shortcuts-backdrop">
      <div className="shortcuts" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <p>They work whenever the text box is not being typed in.</p>
        <table>
          <tbody>
            {KEYS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" ref={close} onClick={() => setShortcuts(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
