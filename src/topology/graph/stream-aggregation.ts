/** What a stream aggregate computes: `aggregate`/`count` (initializer + aggregator) or `reduce`. */
export type StreamAggregation =
  | {
      readonly type: 'aggregate';
      readonly initializer: () => unknown;
      readonly aggregator: (key: any, value: any, aggregate: any) => unknown;
    }
  | { readonly type: 'reduce'; readonly reducer: (aggregate: any, value: any) => unknown };
