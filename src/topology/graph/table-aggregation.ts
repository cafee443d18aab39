/** What a grouped-table aggregate computes: adder/subtractor aggregators, or reducers. */
export type TableAggregation =
  | {
      readonly type: 'aggregate';
      readonly initializer: () => unknown;
      readonly adder: (key: any, value: any, aggregate: any) => unknown;
      readonly subtractor: (key: any, value: any, aggregate: any) => unknown;
    }
  | {
      readonly type: 'reduce';
      readonly adder: (aggregate: any, value: any) => unknown;
      readonly subtractor: (aggregate: any, value: any) => unknown;
    };
