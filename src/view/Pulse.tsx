import { useEffect, useRef } from 'react';

/**
 * A dot running back along the edge, from the consumer to its input (SMIL, restarted per step); in
 * forward mode, with the tangent, from the input to the consumer.
 */
export function Pulse({ d, duration, forward = false }: { d: string; duration: number; forward?: boolean }) {
  const ref = useRef<SVGAnimateMotionElement>(null);
  useEffect(() => {
    ref.current?.beginElement();
  }, []);
  return (
    <circle className="pulse" r={7}>
      <animateMotion
        ref={ref}
        path={d}
        dur={`${duration}s`}
        begin="indefinite"
        fill="freeze"
        keyPoints={forward ? '0;1' : '1;0'}
        keyTimes="0;1"
        calcMode="linear"
      />
    </circle>
  );
}
