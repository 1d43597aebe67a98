// An error boundary: a failure to render something stays inside the place that shows it.
import React, {type ReactNode} from 'react';

interface BoundaryProps {
	fallback: (error: Error) => ReactNode;
	children: ReactNode;
}

export class Boundary extends React.Component<BoundaryProps, {error?: Error}> {
	override state: {error?: Error} = {};

	static getDerivedStateFromError(error: unknown): {error: Error} {
		return {error: error instanceof Error ? error : new Error(String(error))};
	}

	override render(): ReactNode {
		return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
	}
}
