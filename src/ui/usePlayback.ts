import { useEffect } from 'react';
import { sceneLength } from '../store/derive';
import { useGradflow, useGradflowApi } from '../store/hooks';

/** While playing, advances one step every 1/speed seconds and stops at the end. */
export function usePlayback(): void {
  const api = useGradflowApi();
  const playing = useGradflow((s) => s.playing);
  const speed = useGradflow((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const { position, scene, seek, pause } = api.getState();
      const end = sceneLength(scene);
      if (position >= end) pause();
      else seek(position + 1);
    }, 1000 / speed);
    return () => window.clearInterval(timer);
  }, [api, playing, speed]);
}
