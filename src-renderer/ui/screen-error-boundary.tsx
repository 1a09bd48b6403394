// Keeps a render error inside the screen that threw it: instead of a blank window, the screen's
// place shows what failed, a way back and a way to back up the library. It never reads or writes
// storage itself (the backup comes in as a prop) and clears itself when the route changes.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { AlertTriangle, ArrowLeft, Download } from 'lucide-react';
import { capText } from '../domain/text';
import './screen-error-boundary.css';

/** Enough to recognise the error; a hostile value must not fill the screen. */
const DETAIL_CAP = 300;

export function describeRenderError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return capText(text, DETAIL_CAP);
}

export interface ScreenErrorBoundaryProps {
  /** What failed, as the heading's subject: "The export screen". */
  readonly screen: string;
  /** Changes when the route does: a new value clears the error so the next screen renders. */
  readonly resetKey: string;
  /** Where "Go back" leads (a route href). If that is where we are, it tries the screen again. */
  readonly backHref: string;
  /** Writes a backup of the whole library (saves or downloads it). */
  readonly onBackUp: () => Promise<void>;
  readonly children: ReactNode;
}

interface State {
  readonly error: unknown;
  readonly failed: boolean;
  readonly backup: 'idle' | 'working' | 'failed';
}

let nextId = 0;

export class ScreenErrorBoundary extends Component<ScreenErrorBoundaryProps, State> {
  override state: State = { error: null, failed: false, backup: 'idle' };
  private readonly headingId = `screen-error-${++nextId}`;

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.screen} could not be shown:`, error, info.componentStack);
  }

  override componentDidUpdate(prev: ScreenErrorBoundaryProps): void {
    if (this.state.failed && prev.resetKey !== this.props.resetKey) this.setState({ error: null, failed: false, backup: 'idle' });
  }

  private goBack = () => {
    if (location.hash === this.props.backHref || (this.props.backHref === '#/' && location.hash === '')) {
      this.setState({ error: null, failed: false, backup: 'idle' });
    } else {
      location.hash = this.props.backHref;
    }
  };

  private backUp = () => {
    this.setState({ backup: 'working' });
    this.props.onBackUp().then(
      () => this.setState({ backup: 'idle' }),
      (err: unknown) => {
        console.error('Backing up the library failed:', err);
        this.setState({ backup: 'failed' });
      },
    );
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    const { backup } = this.state;
    return (
      <main className="page page-narrow screen-error" aria-labelledby={this.headingId}>
        <div className="screen-error-card" role="alert">
          <AlertTriangle className="screen-error-icon" size={28} aria-hidden />
          <div>
            <h1 id={this.headingId}>{this.props.screen} could not be shown</h1>
            <p>
              Something it had to show made it fail while drawing. The rest of Centric still works, and your stored
              work is as it was. To be safe, back up the library, then go back and carry on.
            </p>
            <p className="screen-error-detail">
              What failed: <code>{describeRenderError(this.state.error)}</code>
            </p>
          </div>
        </div>
        <div className="screen-error-actions">
          <button type="button" className="btn btn-primary" onClick={this.goBack}>
            <ArrowLeft size={16} aria-hidden /> Go back
          </button>
          <button type="button" className="btn" onClick={this.backUp} disabled={backup === 'working'}>
            <Download size={16} aria-hidden /> {backup === 'working' ? 'Backing up…' : 'Back up library'}
          </button>
        </div>
        {backup === 'failed' ? (
          <p className="callout callout-warning" role="alert">
            The library could not be backed up from here. Try Settings, or the library screen.
          </p>
        ) : null}
      </main>
    );
  }
}
