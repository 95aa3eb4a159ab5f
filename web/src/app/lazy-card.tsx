import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A card of a field page loaded in its own chunk, so that the field entry stays within its budget
 * (ADR 0025): the page opens at once and the card follows; where its chunk cannot be had (offline,
 * before the service worker cached it) the card is simply absent, the page whole.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: each card says its own
export function lazyCard<P extends Record<string, any>>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() })) as unknown as ComponentType<P>;
  return function LazyCard(props: P) {
    return (
      <Absent>
        <Suspense fallback={null}>
          <Lazy {...props} />
        </Suspense>
      </Absent>
    );
  };
}

class Absent extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
