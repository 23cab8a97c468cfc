// The sign-ups, in memory like the other servers of the benchmark.
export const records = [];
