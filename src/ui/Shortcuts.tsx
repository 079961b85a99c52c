import { useGradflow } from '../store/hooks';
import { LazyBox, lazyPart } from './lazyPart';

const CARD = lazyPart(() => import('./ShortcutsCard').then((m) => m.ShortcutsCard));

/** The keyboard shortcuts card ("?"); its code comes the first time it is opened. */
export function Shortcuts() {
  const open = useGradflow((s) => s.shortcuts);
  if (!open) return null;
  return <LazyBox name="The shortcuts card" part={CARD} props={{}} />;
}
