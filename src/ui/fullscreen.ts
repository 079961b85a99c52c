/** Enters or leaves fullscreen (a lecture hall's projector); quietly does nothing where it is not allowed. */
export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}
