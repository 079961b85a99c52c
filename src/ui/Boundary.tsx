import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the part is, for the message: "The graph", "The inputs". */
  name: string;
  /** Puts the view back in a known state (playback at the start, nothing selected) before retrying. */
  onReset(): void;
  children: ReactNode;
}

/**
 * Keeps a failure in one part of the page in that part. Without it, an exception while drawing any panel
 * unmounts the whole app, and since the work is saved, every reload would be blank too. The program text
 * lives in the store, outside every part, so it always survives.
 */
export class Boundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept for whoever looks at the console; the student sees the message below.
    console.warn(`Gradflow: ${this.props.name} failed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="part-failed" role="alert">
        <p>
          {this.props.name} could not be shown: {String(error.message).slice(0, 200)}. Your text is safe.
        </p>
        <button
          type="button"
          onClick={() => {
            this.props.onReset();
            this.setState({ error: null });
          }}
        >
          Reset the view
        </button>
      </div>
    );
  }
}
