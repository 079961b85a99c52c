import { useEffect, useRef } from 'react';

/** A dot running back along the edge, from the consumer to its input (SMIL, restarted per step). */
export function Pulse({ d, duration }: { d: string; duration: number }) {
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
        keyPoints="1;0"
        keyTimes="0;1"
        calcMode="linear"
      />
    </circle>
  );
}
